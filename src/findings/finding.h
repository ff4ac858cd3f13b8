// A finding: something a miniport did that Windows would not tolerate or that the verifier
// flags. Plain data: one or two sides (who, where, at which IRQL, in which context, holding
// what; see access_side.h); printers only format it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "findings/access_side.h"
#include "kernel/clock.h"

namespace vidport::findings {

// Stable identifiers: they appear in reports, JSON and tests. Add new kinds at the end.
enum class FindingKind : std::uint8_t {
  SyncInvalidPriority,     // VideoPortSynchronizeExecution with a priority outside the enum
  SyncNestedDeadlock,      // a synchronize call while already holding that interrupt's lock
  SpinLockRecursion,       // a spin lock acquired again by the processor that holds it
  IrqlViolation,           // a DDK call at an IRQL its documentation forbids
  ContextViolation,        // a DDK call not allowed from an ISR or a synchronize callback
  InterruptStorm,          // a level line re-delivered without ever being deasserted
  InvalidParameter,        // a DDK call with an argument the documentation rules out
  NotOnVirtualProcessor,   // a DDK call from a host thread that is no virtual processor
  MiniportCrash,           // miniport code faulted (SIGSEGV, SIGBUS, SIGILL, SIGFPE)
  MiniportHang,            // miniport code ran without any DDK call until the watchdog fired
  DeviceWindowDereference, // a plain load or store in a device window instead of an accessor
  AccessRangeConflict,     // an access-range claim overlapping another adapter's
  RequestStatusMisuse,     // a request completed with a StatusBlock the display driver rejects
  MiniportLoggedError,     // the miniport reported an error itself (VideoPortLogError)
  DeviceInvalidProgramming,// a device was programmed into a state that hangs or stops it
  VidportFailure,          // vidport itself failed serving a VideoPort call (its own bug)
};

std::string_view kind_id(FindingKind kind);     // "sync-nested-deadlock"
std::string_view kind_title(FindingKind kind);  // "SYNC_NESTED_DEADLOCK"

enum class Severity : std::uint8_t {
  Error,  // the run continues; the report lists it and the exit code says "findings"
  Fatal,  // a bugcheck: the machine stops at once
};

// A finding's identity, for folding duplicates: kind, both sides' sites and `detail`. Everything
// else (time, context, locks, stack, message) is what the first occurrence saw.
struct Finding {
  FindingKind kind{};
  Severity severity = Severity::Error;
  kernel::ClockTime time = 0;         // clock time of the first occurrence
  AccessSide primary;                 // the offending code
  std::optional<AccessSide> other;    // the other code involved, when there is one
  std::string other_role;             // what `other` is, e.g. "lock taken at"; set with `other`
  std::string memory;                 // what both sides touched (memory findings), else ""
  std::string message;                // one sentence, specific to this occurrence
  std::uint64_t count = 1;            // identical findings folded into this one
  // Findings of one kind and site that differ in what they are about (a logged error's code and
  // UniqueId, a register and its value) carry a different `detail`: they fold separately.
  std::uint64_t detail = 0;
};

// Resolves the code addresses of both sides (see resolve_sites). Thread-safe; idempotent.
void resolve_sites(Finding& finding);

}  // namespace vidport::findings
