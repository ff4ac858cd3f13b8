#include "kernel/spin_lock.h"

#include "kernel/processor.h"

namespace vidport::kernel {

void SpinLock::spin(Processor& processor) {
  const std::uint32_t mine = processor.index() + 1;
  for (;;) {
    while (word_.load(std::memory_order_relaxed) != 0) {
      __builtin_ia32_pause();
      // Takes interrupts above this processor's IRQL and notices a halted machine.
      processor.preemption_point(PointKind::SpinWait);
    }
    std::uint32_t expected = 0;
    if (word_.compare_exchange_weak(expected, mine, std::memory_order_acquire, std::memory_order_relaxed)) return;
  }
}

}  // namespace vidport::kernel
