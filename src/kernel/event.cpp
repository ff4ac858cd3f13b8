#include "kernel/event.h"

#include "kernel/machine.h"

namespace vidport::kernel {

bool Event::set() {
  bool before = signaled_.exchange(true, std::memory_order_acq_rel);
  machine_.wake_blocked();
  return before;
}

bool Event::try_satisfy() {
  if (notification_) return signaled();
  bool expected = true;
  return signaled_.compare_exchange_strong(expected, false, std::memory_order_acq_rel);
}

bool Event::wait(Processor& processor, ClockTime deadline) {
  return processor.block_until([this] { return try_satisfy(); }, deadline);
}

}  // namespace vidport::kernel
