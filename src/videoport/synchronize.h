// VideoPortSynchronizeExecution, exactly as semantics-decisions.md decides.
//
//   priority      with a connected ISR                       without an ISR
//   Low (0)       raise to DISPATCH_LEVEL, call, lower        same
//   Medium (1)    raise to DIRQL + interrupt lock, call        as Low (nt4: as High)
//   High (2)      raise to HIGH_LEVEL + interrupt lock, call   raise to HIGH_LEVEL, call
//   other         return FALSE without calling; a finding      same
//
//   reactos profile: Low calls at the caller's IRQL; High raises to SYNCH_LEVEL and takes no lock.
//
// - The routine's BOOLEAN is returned; Context is passed unchanged (NULL allowed).
// - The routine runs in the SynchronizeCallback context. A call while this processor already
//   holds the interrupt's lock (from the ISR, or nested in a callback) would spin forever on
//   Windows: it is a fatal SyncNestedDeadlock finding with both call sites, and the machine halts.
// - Caller IRQL must be <= the interrupt's DIRQL; other calls from an ISR or callback are
//   ContextViolation findings.
// - Fast path (Medium with an ISR, from passive or DPC code): a preemption point, an IRQL store,
//   the spin lock, the call, and the reverse; no allocation, no internal lock.
#pragma once

#include <cstdint>

#include "kernel/machine.h"
#include "kernel/processor.h"
#include "videoport/adapter.h"

namespace vidport::videoport {

// BOOLEAN HwVidSynchronizeExecutionCallback(PVOID Context), without the DDK types.
using SynchronizeRoutine = std::uint8_t (*)(void* context);

enum SynchronizePriority : int { kLowPriority = 0, kMediumPriority = 1, kHighPriority = 2 };

std::uint8_t synchronize_slow(void* extension, int priority, SynchronizeRoutine routine,
                              void* context, std::uintptr_t site);

// The fast path's body: raise to DIRQL, take the interrupt lock, run the routine in a frame that
// remembers the lock and the IRQL to return to. Kept out of line so that the dispatcher below
// only tests and jumps: neither of them saves more registers than it needs.
__attribute__((noinline)) std::uint8_t synchronize_medium_fast(kernel::Processor& p,
                                                               kernel::InterruptObject& interrupt,
                                                               SynchronizeRoutine routine, void* context,
                                                               std::uintptr_t site, void* extension);

inline std::uint8_t synchronize_execution(void* extension, int priority, SynchronizeRoutine routine,
                                          void* context, std::uintptr_t site) {
  kernel::Processor* p = kernel::current_processor();
  kernel::InterruptObject* interrupt = nullptr;
  // Everything unusual — no processor, not our extension, another priority, no ISR, something
  // pending at this preemption point, an ISR or callback calling, IRQL above DIRQL — takes the
  // slow path, which handles the preemption point and every rule.
  if (__builtin_expect(p == nullptr || !Adapter::interrupt_of_extension(extension, &interrupt) ||
                           priority != kMediumPriority || interrupt == nullptr || p->needs_attention() ||
                           p->context() >= kernel::ContextKind::Isr || p->irql() > interrupt->dirql,
                       0)) {
    return synchronize_slow(extension, priority, routine, context, site);
  }
  return synchronize_medium_fast(*p, *interrupt, routine, context, site, extension);
}

}  // namespace vidport::videoport
