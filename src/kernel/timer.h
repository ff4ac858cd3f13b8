// The per-device timer behind VideoPortStartTimer: calls HwVidTimer once per second of clock
// time, at DISPATCH_LEVEL, as a DPC on the processor that takes the clock interrupt (processor 0).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "kernel/clock.h"
#include "kernel/dpc.h"

namespace vidport::kernel {

class Machine;

// VOID HwVidTimer(PVOID HwDeviceExtension), without the DDK types.
using TimerRoutine = void (*)(void* device_extension);

class DeviceTimer {
 public:
  static constexpr ClockTime kPeriod = kSecond;

  DeviceTimer(Machine& machine, void* device_extension, TimerRoutine routine);
  ~DeviceTimer();
  DeviceTimer(const DeviceTimer&) = delete;
  DeviceTimer& operator=(const DeviceTimer&) = delete;

  // Starts ticking one period from now; starting a running timer does nothing. Any thread.
  void start();
  // Stops ticking; a tick already queued still runs. Any thread.
  void stop();
  bool running() const;
  std::uint64_t ticks() const { return dpc_.runs(); }

 private:
  void schedule_locked(ClockTime when);
  static void run_routine(void* device_extension, void* self);

  Machine& machine_;
  TimerRoutine routine_;
  Dpc dpc_;
  mutable std::mutex mutex_;
  EventId event_ = 0;         // guarded by mutex_; 0 when stopped
  ClockTime next_ = 0;        // guarded by mutex_
};

}  // namespace vidport::kernel
