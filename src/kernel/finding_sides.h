// The sides of findings (findings/access_side.h) as a virtual processor knows them: which code
// runs there, at which IRQL, in which context, holding which locks.
//
// Rules for reading sides:
// - Call on the processor's own thread: its frames and held locks belong to that thread.
// - Only where a finding is made, never on a fast path: running_side captures the stack.
// - Locks are listed outermost first. VideoPort spin locks and DPC exclusions (the processor's
//   held-lock list) are taken at or below DISPATCH_LEVEL, so every one a processor holds was
//   taken before any interrupt lock its frames hold (ISRs and Medium/High synchronize callbacks
//   run above DISPATCH_LEVEL): the list comes first, then the frames' interrupt locks.
#pragma once

#include <cstdint>
#include <optional>

#include "findings/access_side.h"
#include "kernel/execution_context.h"
#include "kernel/irql.h"

namespace vidport::kernel {

class Processor;
class SpinLock;

// Where and how a VideoPort spin lock was taken, recorded by its acquirer while it holds it.
struct LockAcquisition {
  std::uintptr_t site = 0;
  ContextKind context = ContextKind::Passive;
  Irql irql = kPassiveLevel;
  unsigned depth = 0;  // the acquirer's frame depth (Processor::context_depth)
};

// The code running on `p` now, at `site`: its IRQL and context, every lock it holds (its
// VideoPort spin locks, a running DPC's self-exclusion, the interrupt locks of its frames) and
// its stack.
findings::AccessSide running_side(const Processor& p, std::uintptr_t site);

// running_side of the calling thread's processor; on any other thread a side with processor -1,
// `site` and the stack.
findings::AccessSide current_side(std::uintptr_t site);

// The code on `p` that took interrupt lock `lock`, which one of p's frames holds, as it was when
// it took it: an ISR (context isr at the interrupt's DIRQL, site the ISR) or the caller of a
// synchronize call (the caller's context and IRQL, site the call), with the locks it already
// held. nullopt when no frame of `p` holds `lock`.
std::optional<findings::AccessSide> interrupt_lock_holder(const Processor& p, const SpinLock& lock);

// The code on `p` that took VideoPort spin lock `lock` as `taken` records, with the locks it
// already held (the held-lock list's entries before `lock`, the frames up to its depth).
findings::AccessSide spin_lock_holder(const Processor& p, const SpinLock& lock, const LockAcquisition& taken);

}  // namespace vidport::kernel
