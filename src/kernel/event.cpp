#include "kernel/event.h"

#include "kernel/machine.h"
#include "kernel/observer.h"

namespace vidport::kernel {

bool Event::set() {
  if (Observer* o = machine_.observer()) o->event_set(current_processor(), *this);
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
  bool satisfied = processor.block_until([this] { return try_satisfy(); }, deadline);
  if (satisfied) {
    if (Observer* o = machine_.observer()) o->event_satisfied(processor, *this);
  }
  return satisfied;
}

}  // namespace vidport::kernel
