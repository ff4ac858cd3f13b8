#include "kernel/timer.h"

#include "kernel/machine.h"

namespace vidport::kernel {

DeviceTimer::DeviceTimer(Machine& machine, void* device_extension, TimerRoutine routine)
    : machine_(machine), routine_(routine), dpc_(device_extension) {}

DeviceTimer::~DeviceTimer() { stop(); }

void DeviceTimer::run_routine(void* device_extension, void* self) {
  static_cast<DeviceTimer*>(self)->routine_(device_extension);
}

void DeviceTimer::schedule_locked(ClockTime when) {
  next_ = when;
  event_ = machine_.clock().schedule_at(when, [this] {
    {
      std::lock_guard lock(mutex_);
      if (event_ == 0) return;
      schedule_locked(next_ + kPeriod);
    }
    // A tick that finds the previous one still queued is dropped, as a one-slot DPC would.
    dpc_.queue(machine_.processor(0), &DeviceTimer::run_routine, this);
  });
}

void DeviceTimer::start() {
  std::lock_guard lock(mutex_);
  if (event_ != 0) return;
  schedule_locked(machine_.clock().now() + kPeriod);
}

void DeviceTimer::stop() {
  std::lock_guard lock(mutex_);
  if (event_ == 0) return;
  machine_.clock().cancel(event_);
  event_ = 0;
}

bool DeviceTimer::running() const {
  std::lock_guard lock(mutex_);
  return event_ != 0;
}

}  // namespace vidport::kernel
