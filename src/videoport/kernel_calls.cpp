#include "videoport/kernel_calls.h"

#include <fmt/format.h>

#include "kernel/event.h"
#include "kernel/finding_sides.h"
#include "kernel/machine.h"
#include "kernel/spin_lock.h"
#include "videoport/adapter.h"
#include "videoport/call_rules.h"

namespace vidport::videoport {

struct MiniportSpinLock {
  static constexpr std::uint64_t kMagic = 0x76707370696e6c6bull;
  std::uint64_t magic = kMagic;
  kernel::SpinLock lock;
  // Written by each acquirer while it holds `lock`, read only by the holder (a recursion report):
  // the lock orders the accesses.
  kernel::LockAcquisition taken;
};

struct MiniportEvent {
  static constexpr std::uint64_t kMagic = 0x76706576656e7421ull;
  MiniportEvent(kernel::Machine& machine, bool notification, bool signaled)
      : event(machine, notification, signaled) {}
  std::uint64_t magic = kMagic;
  kernel::Event event;
};

namespace {

void invalid(kernel::Processor& p, std::uintptr_t site, std::string message) {
  p.machine().report(kernel::make_finding(findings::FindingKind::InvalidParameter, site, std::move(message)));
}

Adapter* adapter_or_report(kernel::Processor& p, void* extension, const char* call, std::uintptr_t site) {
  Adapter* adapter = Adapter::from_extension(extension);
  if (adapter == nullptr) {
    invalid(p, site, fmt::format("{} was given a HwDeviceExtension that VideoPort did not allocate", call));
  }
  return adapter;
}

bool valid_lock(kernel::Processor& p, MiniportSpinLock* lock, const char* call, std::uintptr_t site) {
  if (lock != nullptr && lock->magic == MiniportSpinLock::kMagic) return true;
  invalid(p, site, fmt::format("{} was given a spin lock that VideoPortCreateSpinLock did not create", call));
  return false;
}

bool valid_event(kernel::Processor& p, MiniportEvent* event, const char* call, std::uintptr_t site) {
  if (event != nullptr && event->magic == MiniportEvent::kMagic) return true;
  invalid(p, site, fmt::format("{} was given an event that VideoPortCreateEvent did not create", call));
  return false;
}

// Acquiring a spin lock this processor already holds spins forever on Windows: stop instead.
void acquire_checked(kernel::Processor& p, MiniportSpinLock& lock, const char* call, std::uintptr_t site) {
  if (lock.lock.held_by(p)) {
    findings::Finding f = kernel::make_finding(
        findings::FindingKind::SpinLockRecursion, site,
        fmt::format("{} on a spin lock processor {} already holds; on Windows it would spin forever",
                    call, p.index()));
    f.other = kernel::spin_lock_holder(p, lock.lock, lock.taken);
    f.other_role = "lock taken at";
    p.machine().bugcheck(std::move(f));
  }
  lock.lock.acquire(p, site);
  lock.taken = kernel::LockAcquisition{site, p.context(), p.irql(), p.context_depth()};
}

}  // namespace

bool queue_dpc(void* extension, kernel::DpcRoutine routine, void* context, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kQueueDpc, site);
  Adapter* adapter = adapter_or_report(p, extension, "VideoPortQueueDpc", site);
  if (adapter == nullptr || routine == nullptr) return false;
  return adapter->dpc().queue(p, routine, context);
}

void start_timer(void* extension, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kStartTimer, site);
  Adapter* adapter = adapter_or_report(p, extension, "VideoPortStartTimer", site);
  if (adapter == nullptr) return;
  if (adapter->timer() == nullptr) {
    invalid(p, site, "VideoPortStartTimer called but the miniport registered no HwVidTimer routine");
    return;
  }
  adapter->timer()->start();
}

void stop_timer(void* extension, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kStopTimer, site);
  Adapter* adapter = adapter_or_report(p, extension, "VideoPortStopTimer", site);
  if (adapter != nullptr && adapter->timer() != nullptr) adapter->timer()->stop();
}

std::int32_t create_spin_lock(void* extension, MiniportSpinLock** out, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kCreateSpinLock, site);
  Adapter* adapter = adapter_or_report(p, extension, "VideoPortCreateSpinLock", site);
  if (adapter == nullptr || out == nullptr) return kErrorInvalidParameter;
  auto lock = std::make_shared<MiniportSpinLock>();
  *out = lock.get();
  adapter->adopt(std::move(lock));
  return kNoError;
}

std::int32_t delete_spin_lock(void* extension, MiniportSpinLock* lock, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kDeleteSpinLock, site);
  Adapter* adapter = adapter_or_report(p, extension, "VideoPortDeleteSpinLock", site);
  if (adapter == nullptr || !valid_lock(p, lock, "VideoPortDeleteSpinLock", site)) return kErrorInvalidParameter;
  lock->magic = 0;
  adapter->forget(lock);
  return kNoError;
}

void acquire_spin_lock(void* extension, MiniportSpinLock* lock, std::uint8_t* old_irql, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kAcquireSpinLock, site);
  if (!valid_lock(p, lock, "VideoPortAcquireSpinLock", site)) return;
  kernel::Irql old = p.irql() < kernel::kDispatchLevel ? p.raise_irql(kernel::kDispatchLevel) : p.irql();
  acquire_checked(p, *lock, "VideoPortAcquireSpinLock", site);
  if (old_irql) *old_irql = old;
}

void acquire_spin_lock_at_dpc_level(void* extension, MiniportSpinLock* lock, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kAcquireSpinLockAtDpcLevel, site);
  if (!valid_lock(p, lock, "VideoPortAcquireSpinLockAtDpcLevel", site)) return;
  acquire_checked(p, *lock, "VideoPortAcquireSpinLockAtDpcLevel", site);
}

void release_spin_lock(void* extension, MiniportSpinLock* lock, std::uint8_t new_irql, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kReleaseSpinLock, site);
  if (!valid_lock(p, lock, "VideoPortReleaseSpinLock", site)) return;
  if (!lock->lock.held_by(p)) {
    invalid(p, site, "VideoPortReleaseSpinLock on a spin lock this processor does not hold");
    return;
  }
  lock->lock.release(p);
  if (new_irql < p.irql()) p.lower_irql(new_irql);
}

void release_spin_lock_from_dpc_level(void* extension, MiniportSpinLock* lock, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kReleaseSpinLockFromDpcLevel, site);
  if (!valid_lock(p, lock, "VideoPortReleaseSpinLockFromDpcLevel", site)) return;
  if (!lock->lock.held_by(p)) {
    invalid(p, site, "VideoPortReleaseSpinLockFromDpcLevel on a spin lock this processor does not hold");
    return;
  }
  lock->lock.release(p);
}

std::int32_t create_event(void* extension, std::uint32_t flags, void* unused, MiniportEvent** out, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kCreateEvent, site);
  Adapter* adapter = adapter_or_report(p, extension, "VideoPortCreateEvent", site);
  if (adapter == nullptr || out == nullptr) return kErrorInvalidParameter;
  // EventFlag: bit 0 NOTIFICATION_EVENT, bit 1 INITIAL_EVENT_SIGNALED.
  auto event = std::make_shared<MiniportEvent>(p.machine(), (flags & 1) != 0, (flags & 2) != 0);
  *out = event.get();
  adapter->adopt(std::move(event));
  return kNoError;
}

std::int32_t delete_event(void* extension, MiniportEvent* event, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kDeleteEvent, site);
  Adapter* adapter = adapter_or_report(p, extension, "VideoPortDeleteEvent", site);
  if (adapter == nullptr || !valid_event(p, event, "VideoPortDeleteEvent", site)) return kErrorInvalidParameter;
  event->magic = 0;
  adapter->forget(event);
  return kNoError;
}

std::int32_t set_event(void* extension, MiniportEvent* event, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kSetEvent, site);
  if (!valid_event(p, event, "VideoPortSetEvent", site)) return 0;
  return event->event.set() ? 1 : 0;
}

void clear_event(void* extension, MiniportEvent* event, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kClearEvent, site);
  if (valid_event(p, event, "VideoPortClearEvent", site)) event->event.clear();
}

std::int32_t read_state_event(void* extension, MiniportEvent* event, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kReadStateEvent, site);
  if (!valid_event(p, event, "VideoPortReadStateEvent", site)) return 0;
  return event->event.signaled() ? 1 : 0;
}

std::int32_t wait_for_single_object(void* extension, void* object, std::optional<std::int64_t> timeout_100ns, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kWaitForSingleObject, site);
  auto* event = static_cast<MiniportEvent*>(object);
  if (!valid_event(p, event, "VideoPortWaitForSingleObject", site)) return kErrorInvalidParameter;
  kernel::Clock& clock = p.machine().clock();
  kernel::ClockTime deadline = UINT64_MAX;
  if (timeout_100ns) {
    std::int64_t t = *timeout_100ns;
    deadline = t <= 0 ? clock.now() + static_cast<kernel::ClockTime>(-t) * 100
                      : static_cast<kernel::ClockTime>(t) * 100;
  }
  bool may_block = p.irql() == kernel::kPassiveLevel && p.context() == kernel::ContextKind::Passive;
  if (!may_block && deadline > clock.now()) {
    // Windows bugchecks a wait that would block above PASSIVE_LEVEL: a DPC or ISR cannot sleep.
    p.machine().bugcheck(kernel::make_finding(
        findings::FindingKind::IrqlViolation, site,
        fmt::format("VideoPortWaitForSingleObject with a non-zero timeout at IRQL {} in {} context: "
                    "only a zero timeout is allowed above PASSIVE_LEVEL",
                    p.irql(), kernel::context_name(p.context()))));
    return kErrorInvalidParameter;
  }
  return event->event.wait(p, deadline) ? kNoError : kWaitTimeout;
}

void stall_execution(std::uint32_t microseconds, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kStallExecution, site, kernel::PointKind::Stall);
  kernel::Clock& clock = p.machine().clock();
  kernel::ClockTime deadline = clock.now() + kernel::ClockTime{microseconds} * kernel::kMicrosecond;
  // Time passes in steps that end at the next device event, so interrupts raised during the stall
  // are delivered during it (when the IRQL allows), as on a real processor.
  for (kernel::ClockTime now = clock.now(); now < deadline; now = clock.now()) {
    kernel::ClockTime step = std::min<kernel::ClockTime>(deadline - now, kernel::kMicrosecond);
    if (clock.is_virtual()) {
      std::optional<kernel::ClockTime> next = clock.next_event_time();
      step = deadline - now;
      if (next && *next > now && *next < deadline) step = *next - now;
    }
    clock.stall(step);
    p.preemption_point(kernel::PointKind::Stall);
  }
}

kernel::Irql get_current_irql(std::uintptr_t site) { return enter(rules::kGetCurrentIrql, site).irql(); }

namespace {
std::int32_t set_interrupt_masked(const CallRule& rule, void* extension, bool masked, std::uintptr_t site) {
  kernel::Processor& p = enter(rule, site);
  Adapter* adapter = adapter_or_report(p, extension, rule.name, site);
  if (adapter == nullptr || adapter->interrupt() == nullptr) return kErrorInvalidFunction;
  p.machine().interrupts().set_masked(adapter->interrupt()->line, masked);
  return kNoError;
}
}  // namespace

std::int32_t enable_interrupt(void* extension, std::uintptr_t site) {
  return set_interrupt_masked(rules::kEnableInterrupt, extension, false, site);
}

std::int32_t disable_interrupt(void* extension, std::uintptr_t site) {
  return set_interrupt_masked(rules::kDisableInterrupt, extension, true, site);
}

}  // namespace vidport::videoport
