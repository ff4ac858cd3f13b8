// Printers for findings: a bugcheck-like text block for terminals and logs, and JSON for
// report.json. They only format; what a finding says is decided where it is made.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "findings/finding.h"

namespace vidport::findings {

// A multi-line block in the style of a Windows stop screen, e.g.
//
//   *** STOP: SYNC_NESTED_DEADLOCK (sync-nested-deadlock)
//   VideoPortSynchronizeExecution(VpMediumPriority) called while processor 1 already holds ...
//     processor 1   IRQL 11 (DIRQL)   context isr   clock 1.250000 ms
//     call site     vgasync.so+0x1234 (HwVidInterrupt+0x34)
//     lock taken at vgasync.so+0x1100 (SetPalette+0x10)
//
// Fatal findings say "STOP", others "FINDING"; a folded finding shows its count.
std::string format_text(const Finding& finding);

// {"kind", "title", "severity", "processor", "irql", "context", "time_ns", "message", "count",
//  "site": {...}, "other_site": {...}, "other_site_role"}. Call sites as resolved (see CallSite).
nlohmann::json to_json(const Finding& finding);
nlohmann::json to_json(const CallSite& site);

}  // namespace vidport::findings
