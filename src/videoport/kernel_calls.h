// The C++ side of the VideoPort calls that reach the kernel model: DPCs, timers, spin locks,
// events, stalls, IRQL and interrupt masking. The extern "C" shims in exports/ forward here one to
// one; contracts are those of the DDK functions of the same names (see call_rules.h for IRQLs).
#pragma once

#include <cstdint>
#include <optional>

#include "kernel/dpc.h"
#include "kernel/irql.h"
#include "kernel/timer.h"

namespace vidport::videoport {

// Status codes the kernel calls return (dderror.h values).
inline constexpr std::int32_t kNoError = 0;
inline constexpr std::int32_t kErrorInvalidFunction = 1;
inline constexpr std::int32_t kErrorNotEnoughMemory = 8;
inline constexpr std::int32_t kErrorInvalidParameter = 87;
inline constexpr std::int32_t kWaitTimeout = 258;

struct MiniportSpinLock;  // behind PSPIN_LOCK
struct MiniportEvent;     // behind PEVENT

bool queue_dpc(void* extension, kernel::DpcRoutine routine, void* context, std::uintptr_t site);
void start_timer(void* extension, std::uintptr_t site);
void stop_timer(void* extension, std::uintptr_t site);

std::int32_t create_spin_lock(void* extension, MiniportSpinLock** out, std::uintptr_t site);
std::int32_t delete_spin_lock(void* extension, MiniportSpinLock* lock, std::uintptr_t site);
void acquire_spin_lock(void* extension, MiniportSpinLock* lock, std::uint8_t* old_irql, std::uintptr_t site);
void acquire_spin_lock_at_dpc_level(void* extension, MiniportSpinLock* lock, std::uintptr_t site);
void release_spin_lock(void* extension, MiniportSpinLock* lock, std::uint8_t new_irql, std::uintptr_t site);
void release_spin_lock_from_dpc_level(void* extension, MiniportSpinLock* lock, std::uintptr_t site);

std::int32_t create_event(void* extension, std::uint32_t flags, void* unused, MiniportEvent** out, std::uintptr_t site);
std::int32_t delete_event(void* extension, MiniportEvent* event, std::uintptr_t site);
std::int32_t set_event(void* extension, MiniportEvent* event, std::uintptr_t site);
void clear_event(void* extension, MiniportEvent* event, std::uintptr_t site);
std::int32_t read_state_event(void* extension, MiniportEvent* event, std::uintptr_t site);
// `timeout_100ns`: nullopt waits forever; negative is relative, positive an absolute clock time,
// both in 100 ns units.
std::int32_t wait_for_single_object(void* extension, void* object, std::optional<std::int64_t> timeout_100ns, std::uintptr_t site);

void stall_execution(std::uint32_t microseconds, std::uintptr_t site);
kernel::Irql get_current_irql(std::uintptr_t site);
std::int32_t enable_interrupt(void* extension, std::uintptr_t site);
std::int32_t disable_interrupt(void* extension, std::uintptr_t site);

}  // namespace vidport::videoport
