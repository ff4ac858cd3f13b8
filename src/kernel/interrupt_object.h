// An interrupt object: one connected ISR with its line, DIRQL, mode, sharing and spin lock.
// The port driver owns it; VideoPortSynchronizeExecution takes the same lock the ISR runs under.
#pragma once

#include <cstdint>

#include "kernel/irql.h"
#include "kernel/spin_lock.h"

namespace vidport::kernel {

enum class InterruptMode : std::uint8_t {
  LevelSensitive,  // delivered while the line is asserted
  Latched,         // delivered once per rising edge
};

// BOOLEAN HwVidInterrupt(PVOID HwDeviceExtension), without the DDK types.
using ServiceRoutine = std::uint8_t (*)(void* context);

struct InterruptObject {
  unsigned line = 0;
  Irql dirql = kHighestDeviceLevel;  // also the synchronize IRQL
  InterruptMode mode = InterruptMode::Latched;
  bool shareable = false;
  ServiceRoutine routine = nullptr;
  void* context = nullptr;
  SpinLock lock;
};

}  // namespace vidport::kernel
