// The terminal summary of a run: what was loaded, the adapters and their modes, the requests,
// interrupts delivered and claimed, DPCs run, synchronize calls per priority, the miniport's log,
// findings, and the outcome with its exit code. It only formats the report.
#pragma once

#include <string>

#include "report/report.h"

namespace vidport::report {

// The summary as text, lines ending in '\n'. `log_lines` caps the miniport log shown (the full
// log is in report.json). Pure.
std::string format_summary(const Report& report, std::size_t log_lines = 20);

}  // namespace vidport::report
