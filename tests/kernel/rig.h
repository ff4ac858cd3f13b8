// A machine with one PulseDevice on line 9 and one adapter whose ISR a test supplies: the smallest
// world in which VideoPortSynchronizeExecution means something.
#pragma once

#include <video.h>

#include <atomic>
#include <chrono>
#include <memory>

#include "devices/testdev/pulse_device.h"
#include "kernel/machine.h"
#include "videoport/adapter.h"

namespace vidport::testing {

inline constexpr unsigned kLine = 9;
inline constexpr std::uint16_t kBase = 0x300;

struct Rig {
  explicit Rig(kernel::MachineConfig config = {}, std::size_t extension_size = 256)
      : machine(config),
        device(machine.clock(), machine.interrupts(), kLine, kBase),
        adapter(machine, extension_size, "pulse") {
    device.attach(machine.bus());
  }

  // Connects `isr` (HwVidInterrupt) on the device's line.
  bool connect(kernel::ServiceRoutine isr, kernel::InterruptMode mode = kernel::InterruptMode::LevelSensitive) {
    return adapter.connect_interrupt(kLine, mode, false, isr);
  }

  void* extension() { return adapter.extension(); }
  PUCHAR port(std::uint16_t offset) { return reinterpret_cast<PUCHAR>(static_cast<std::uintptr_t>(kBase + offset)); }

  kernel::Machine machine;
  devices::PulseDevice device;
  videoport::Adapter adapter;
};

// A deadline for anything a test waits on: a hang fails the test instead of stalling CI.
inline constexpr std::chrono::milliseconds kDeadline{20000};

inline bool run_with_deadline(kernel::Machine& m, unsigned cpu, std::function<void()> body) {
  auto task = m.post(cpu, std::move(body));
  std::optional<bool> done = task->wait_for(kDeadline);
  return done.has_value() && *done;
}

// Spins (host side or on a processor) until `cond` or the deadline; returns cond().
template <typename Cond>
bool spin_until(Cond cond) {
  auto end = std::chrono::steady_clock::now() + kDeadline;
  while (!cond()) {
    if (std::chrono::steady_clock::now() > end) return false;
    __builtin_ia32_pause();
  }
  return true;
}

}  // namespace vidport::testing
