#include "kernel/dpc.h"

#include "kernel/machine.h"
#include "kernel/observer.h"
#include "kernel/processor.h"

namespace vidport::kernel {

bool Dpc::queue(Processor& target, DpcRoutine routine, void* context) {
  if (queued_.exchange(true, std::memory_order_acq_rel)) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  routine_.store(routine, std::memory_order_relaxed);
  context_.store(context, std::memory_order_relaxed);
  if (Observer* o = target.machine().observer()) o->dpc_queued(current_processor(), *this, target);
  target.enqueue_dpc(*this);
  return true;
}

void Dpc::run(Processor& processor) {
  // Running first, then take the request and free the slot: a new request may be queued while
  // this one runs, and idle() (queued or running) never sees a gap between the two.
  running_.acquire(processor, reinterpret_cast<std::uintptr_t>(routine_.load(std::memory_order_relaxed)));
  DpcRoutine routine = routine_.load(std::memory_order_relaxed);
  void* context = context_.load(std::memory_order_relaxed);
  queued_.store(false, std::memory_order_release);
  runs_.fetch_add(1, std::memory_order_relaxed);
  routine(device_extension_, context);
  running_.release(processor);
}

}  // namespace vidport::kernel
