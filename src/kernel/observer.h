// The observer seam: how checkers (the verifier, a timeline, tests) watch a machine run.
//
// Rules for observers:
// - One observer per machine (Machine::set_observer), installed while the processors are idle
//   and removed before it dies. Installing it sets kAttentionObserver on every processor, so with
//   none installed the only cost anywhere is the preemption point's one load and branch (the
//   synchronize fast path, which runs only when no attention bit is set, never sees an observer:
//   with one installed every call takes the slow path, which reports everything).
// - Observers watch; they never change what runs. They must not block, take a preemption point
//   or call VideoPort; deciding what runs next is the scheduler's business, not theirs.
// - Calls come on the thread that did the thing: a virtual processor's (`processor` names it),
//   or for DPC queuing and event setting possibly a device or host thread (`processor` is
//   nullptr then). An observer that keeps state across processors synchronizes it itself.
// - Events, in the order a processor does them:
//   context_enter/context_exit  a frame pushed or popped: Passive (a host task), Dpc, Isr,
//                               SynchronizeCallback (kernel/execution_context.h)
//   lock_acquired/lock_released a spin lock of any kind (LockKind), after taking / before
//                               giving it up
//   interrupt_delivered         a line's ISR chain is about to run on this processor
//   dpc_queued / dpc_started    a DPC request accepted; a DPC routine about to run
//   event_set / event_satisfied an event signaled; a wait on it satisfied
//   memory_access               a miniport access to memory (instrumented code, VideoPort's
//                               memory functions)
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/execution_context.h"
#include "kernel/spin_lock.h"

namespace vidport::kernel {

class Dpc;
class Event;
class Processor;

struct MemoryAccess {
  const void* address = nullptr;
  std::size_t size = 0;
  bool write = false;
  bool atomic = false;
  std::uintptr_t site = 0;  // the code that accessed
};

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void context_enter(Processor& processor, ContextKind kind) {}
  virtual void context_exit(Processor& processor, ContextKind kind) {}
  virtual void lock_acquired(Processor& processor, const SpinLock& lock) {}
  virtual void lock_released(Processor& processor, const SpinLock& lock) {}
  virtual void interrupt_delivered(Processor& processor, unsigned line) {}
  virtual void dpc_queued(Processor* processor, const Dpc& dpc, Processor& target) {}
  virtual void dpc_started(Processor& processor, const Dpc& dpc) {}
  virtual void event_set(Processor* processor, const Event& event) {}
  virtual void event_satisfied(Processor& processor, const Event& event) {}
  virtual void memory_access(Processor& processor, const MemoryAccess& access) {}
};

}  // namespace vidport::kernel
