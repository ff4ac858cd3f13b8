#include "kernel/spin_lock.h"

#include "kernel/processor.h"

namespace vidport::kernel {

bool SpinLock::held_by(const Processor& processor) const {
  return owner_.load(std::memory_order_relaxed) == static_cast<int>(processor.index());
}

void SpinLock::acquire(Processor& processor, std::uintptr_t site) {
  if (word_.exchange(1, std::memory_order_acquire) != 0) spin(processor);
  owner_.store(static_cast<int>(processor.index()), std::memory_order_relaxed);
  acquired_at_.store(site, std::memory_order_relaxed);
  processor.note_lock_acquired(this);
}

void SpinLock::spin(Processor& processor) {
  do {
    while (word_.load(std::memory_order_relaxed) != 0) {
      __builtin_ia32_pause();
      // Takes interrupts above this processor's IRQL and notices a halted machine.
      processor.preemption_point(PointKind::SpinWait);
    }
  } while (word_.exchange(1, std::memory_order_acquire) != 0);
}

void SpinLock::release(Processor& processor) {
  processor.note_lock_released(this);
  acquired_at_.store(0, std::memory_order_relaxed);
  owner_.store(-1, std::memory_order_relaxed);
  word_.store(0, std::memory_order_release);
}

}  // namespace vidport::kernel
