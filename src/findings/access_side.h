// One side of a finding: the code that did something, as the checker saw it when it did. A
// finding has a primary side (the offending code) and, when two pieces of code are involved (a
// deadlock's holder of the lock, a race's other access), a second side.
//
// Rules for sides:
// - Plain data. Code addresses are kept raw while the machine runs (making a finding must stay
//   cheap) and resolved to module + offset + nearest symbol when findings are read
//   (resolve_sites); printers never show an absolute address, so two processes running the same
//   thing print and write the same report.
// - `stack` holds the raw return addresses captured where the finding was made; resolve_sites
//   keeps only the frames of the site's module that called the site directly (at most
//   kShortStackFrames, innermost first), and none when the site is not on the captured stack.
//   A second side has no stack unless its checker recorded one.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "findings/call_site.h"
#include "kernel/execution_context.h"
#include "kernel/irql.h"

namespace vidport::findings {

// A lock (or lock-like exclusion) the code of a side held.
struct HeldLock {
  enum class Kind : std::uint8_t {
    InterruptLock,  // an interrupt object's spin lock: held by its ISR and its synchronize callbacks
    SpinLock,       // a VideoPort spin lock (VideoPortAcquireSpinLock...)
    DpcExclusion,   // a running DPC: it never runs concurrently with itself
  };
  Kind kind = Kind::SpinLock;
  unsigned line = 0;       // InterruptLock: the interrupt's line
  kernel::Irql dirql = 0;  // InterruptLock: the interrupt's DIRQL
  CallSite taken_at;       // where it was taken: the call, the ISR for its own lock, the DPC
                           // routine for a DPC's exclusion; address 0 if unknown
};

std::string_view lock_kind_id(HeldLock::Kind kind);  // "interrupt-lock", "spin-lock", "dpc-exclusion"

// What a memory access was, for findings about memory (a race detector's accesses).
struct AccessInfo {
  bool write = false;
  unsigned size = 0;  // bytes
  bool atomic = false;
};

struct AccessSide {
  int processor = -1;  // -1: not on a virtual processor (a device or clock thread)
  kernel::Irql irql = 0;
  kernel::ContextKind context = kernel::ContextKind::Passive;
  std::vector<HeldLock> locks;        // outermost first
  CallSite site;                      // the call or access; address 0 if unknown
  std::vector<CallSite> stack;        // see the rules above
  std::optional<AccessInfo> access;   // set for memory accesses only
};

// Frames kept in a resolved side's stack.
inline constexpr std::size_t kShortStackFrames = 4;
// Return addresses captured by capture_stack (enough to reach the miniport's frames through the
// runtime's own, signal frames included).
inline constexpr std::size_t kCapturedFrames = 32;

// The calling thread's return addresses, innermost first, unresolved (for AccessSide::stack).
// Unwinds with the tables of each module (no frame pointers needed); works in a signal handler
// of a fault in miniport code. Only where a finding is made: it costs microseconds.
std::vector<CallSite> capture_stack();

// Resolves every code address of `side` (site, locks, stack) once; trims the stack as the rules
// above say. Thread-safe; idempotent.
void resolve_sites(AccessSide& side);

}  // namespace vidport::findings
