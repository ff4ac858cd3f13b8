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

inline std::uint8_t synchronize_execution(void* extension, int priority, SynchronizeRoutine routine,
                                          void* context, std::uintptr_t site) {
  kernel::Processor* p = kernel::current_processor();
  Adapter* adapter = Adapter::from_extension(extension);
  if (__builtin_expect(p != nullptr && adapter != nullptr && priority == kMediumPriority, 1)) {
    kernel::InterruptObject* interrupt = adapter->interrupt();
    p->preemption_point(kernel::PointKind::DdkCall);
    if (interrupt != nullptr && p->context() < kernel::ContextKind::Isr &&
        p->irql() <= interrupt->dirql) {
      kernel::Irql old = p->raise_irql(interrupt->dirql);
      interrupt->lock.acquire(*p, site);
      p->push_context(kernel::ContextKind::SynchronizeCallback);
      std::uint8_t result = routine(context);
      p->pop_context();
      interrupt->lock.release(*p);
      p->count_synchronize(kMediumPriority);
      p->lower_irql(old);
      return result;
    }
  }
  return synchronize_slow(extension, priority, routine, context, site);
}

}  // namespace vidport::videoport
