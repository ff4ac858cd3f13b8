// An interrupt object: one connected ISR with its line, DIRQL, mode, sharing and spin lock.
// The port driver owns it; VideoPortSynchronizeExecution takes the same lock the ISR runs under.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

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
  // The code findings blame for this ISR: the miniport's HwVidInterrupt when `routine` is a
  // host trampoline around it (0: blame `routine` itself).
  std::uintptr_t blame = 0;
  std::uintptr_t blame_site() const { return blame ? blame : reinterpret_cast<std::uintptr_t>(routine); }
  SpinLock lock{LockKind::Interrupt};
};

static_assert(std::is_standard_layout_v<InterruptObject>, "interrupt_owning() needs offsetof");

// The interrupt object whose spin lock `lock` is. Precondition: `lock` is an interrupt object's
// lock — a Processor frame's lock always is. For naming the lock in findings.
inline const InterruptObject& interrupt_owning(const SpinLock& lock) {
  return *reinterpret_cast<const InterruptObject*>(reinterpret_cast<const char*>(&lock) -
                                                   offsetof(InterruptObject, lock));
}

}  // namespace vidport::kernel
