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
// - Fast path (Medium with an ISR, from passive or DPC code, lock free): the checks, one attempt
//   at the spin lock, a frame and the processor's state word (IRQL, depth, context) in three
//   stores, the call, and the reverse; no allocation, no internal lock, no out-of-line call.
#pragma once

#include <cstdint>

#include "kernel/machine.h"
#include "kernel/processor.h"
#include "videoport/adapter.h"

namespace vidport::videoport {

// BOOLEAN HwVidSynchronizeExecutionCallback(PVOID Context), without the DDK types.
using SynchronizeRoutine = std::uint8_t (*)(void* context);

enum SynchronizePriority : int { kLowPriority = 0, kMediumPriority = 1, kHighPriority = 2 };

// Every call the fast path below does not make, and every rule of the table above: a DdkCall
// preemption point, the adapter and priority checks, the nested-lock deadlock check (fatal, with
// both call sites) before any spinning, the context and IRQL rules, then the call in its frame.
// Any thread; off a virtual processor it reports the call and does not return.
std::uint8_t synchronize_slow(void* extension, int priority, SynchronizeRoutine routine,
                              void* context, std::uintptr_t site);

// The whole call, from any thread: inlined into the exported shim, whose only call is the
// miniport's routine.
// Rules the fast path keeps without the slow path's work:
// - It runs only where the slow path would find nothing to report: a processor, a VideoPort
//   extension with its ISR connected, VpMediumPriority, nothing pending at this preemption point
//   (so passing it would do nothing), passive or DPC code at an IRQL <= DIRQL.
// - It never spins: a lock held anywhere (elsewhere, or by this very processor, e.g. from a DPC
//   run inside a callback that lowered IRQL) fails the one attempt and the call starts over on
//   the slow path, which reports the deadlock or spins taking interrupts above DIRQL. Taking the
//   lock before raising IRQL is invisible: nothing runs on this processor between the two.
// - The frame records the lock, the call site and the IRQL to return to, as the slow path's
//   does, so halts, bugchecks, preemption hooks and deadlock reports see the same thing.
[[gnu::always_inline]] inline std::uint8_t synchronize_execution(void* extension, int priority,
                                                                SynchronizeRoutine routine, void* context,
                                                                std::uintptr_t site) {
  kernel::Processor* p = kernel::current_processor();
  kernel::InterruptObject* interrupt = nullptr;
  if (__builtin_expect(p == nullptr || !Adapter::interrupt_of_extension(extension, &interrupt) ||
                           priority != kMediumPriority || interrupt == nullptr,
                       0)) {
    return synchronize_slow(extension, priority, routine, context, site);
  }
  kernel::Irql dirql = interrupt->dirql;
  kernel::Processor::State outer = p->state();
  if (__builtin_expect(
          p->needs_attention() || outer.context() >= kernel::ContextKind::Isr || outer.irql() > dirql, 0)) {
    return synchronize_slow(extension, priority, routine, context, site);
  }
  if (__builtin_expect(!interrupt->lock.try_acquire(*p), 0)) {
    return synchronize_slow(extension, priority, routine, context, site);
  }
  p->begin_fast_synchronize(outer, dirql, &interrupt->lock, site);
  std::uint8_t result = routine(context);
  p->end_fast_synchronize(outer, &interrupt->lock);
  return result;
}

}  // namespace vidport::videoport
