// Printers for findings: a bugcheck-like text block for terminals and logs, and JSON for
// report.json. They only format; what a finding says is decided where it is made. Code
// addresses appear as module + offset + nearest symbol, never as absolute addresses, so the same
// run prints the same text and JSON in every process.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "findings/finding.h"

namespace vidport::findings {

// A multi-line block in the style of a Windows stop screen: the title, the message, then each
// side (processor, IRQL, context; where; the miniport frames that called it; the access; the
// locks held), the second one under its role, e.g.
//
//   *** STOP: SYNC_NESTED_DEADLOCK (sync-nested-deadlock)
//   VideoPortSynchronizeExecution(VpMediumPriority) called while processor 1 already holds ...
//     processor 1   IRQL 11 (DIRQL)   context isr   clock 1.250000 ms
//       at            vgasync.so+0x1234 (HwVidInterrupt+0x34)
//       holding       interrupt lock of line 9 (DIRQL 11) taken at vgasync.so+0x1200 (HwVidInterrupt+0x0)
//     ISR holding the lock:
//     processor 1   IRQL 11 (DIRQL)   context isr
//       at            vgasync.so+0x1200 (HwVidInterrupt+0x0)
//
// Fatal findings say "STOP", others "FINDING"; a folded finding shows its count.
std::string format_text(const Finding& finding);

// "interrupt lock of line 9 (DIRQL 11) taken at vgasync.so+0x1200 (HwVidInterrupt+0x0)",
// "VideoPort spin lock taken at ...", "self-exclusion of the DPC vgasync.so+0x1300 (VgaDpc+0x0)"
std::string describe(const HeldLock& lock);
// "write of 4 bytes", "atomic read of 1 byte"
std::string describe(const AccessInfo& access);

// {"kind", "title", "severity", "time_ns", "message", "memory", "count", "primary": side,
//  "other": side with "role", or null}; a side is {"processor", "irql", "context", "site",
//  "stack", "locks", "access"} (docs/report.schema.json).
nlohmann::json to_json(const Finding& finding);
nlohmann::json to_json(const AccessSide& side);
// {"module", "module_offset", "symbol", "symbol_offset", "text"}, or null for address 0.
nlohmann::json to_json(const CallSite& site);

}  // namespace vidport::findings
