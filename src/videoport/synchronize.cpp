#include "videoport/synchronize.h"

#include <fmt/format.h>

#include "kernel/finding_sides.h"
#include "videoport/call_rules.h"

namespace vidport::videoport {

namespace {

const char* priority_name(int priority) {
  switch (priority) {
    case kLowPriority: return "VpLowPriority";
    case kMediumPriority: return "VpMediumPriority";
    case kHighPriority: return "VpHighPriority";
  }
  return "an invalid priority";
}

// What a priority means under a profile, with or without a connected ISR.
struct Plan {
  kernel::Irql irql;       // raise to at least this (never lowers)
  bool raise;              // false: call at the caller's IRQL (reactos Low)
  bool take_lock;          // hold the interrupt's spin lock around the call
};

Plan plan_for(kernel::SyncProfile profile, int priority, bool has_isr) {
  using kernel::SyncProfile;
  switch (priority) {
    case kLowPriority:
      return {kernel::kDispatchLevel, profile != SyncProfile::ReactOS, false};
    case kMediumPriority:
      if (has_isr) return {0, true, true};  // DIRQL, filled in by the caller
      if (profile == SyncProfile::Nt4) return {kernel::kHighLevel, true, false};
      return {kernel::kDispatchLevel, true, false};
    default:  // kHighPriority
      if (profile == SyncProfile::ReactOS) return {kernel::kSynchLevel, true, false};
      return {kernel::kHighLevel, true, has_isr};
  }
}

}  // namespace

std::uint8_t synchronize_slow(void* extension, int priority, SynchronizeRoutine routine,
                              void* context, std::uintptr_t site) {
  kernel::Processor* current = kernel::current_processor();
  if (current == nullptr) fail_not_on_processor(rules::kSynchronizeExecution, site);
  kernel::Processor& p = *current;
  p.note_progress();
  p.preemption_point(kernel::PointKind::DdkCall);
  kernel::Machine& machine = p.machine();
  Adapter* adapter = Adapter::from_extension(extension);
  if (adapter == nullptr) {
    machine.report(kernel::make_finding(
        findings::FindingKind::InvalidParameter, site,
        "VideoPortSynchronizeExecution was given a HwDeviceExtension that VideoPort did not allocate"));
    return 0;
  }
  if (priority < kLowPriority || priority > kHighPriority) {
    machine.report(kernel::make_finding(
        findings::FindingKind::SyncInvalidPriority, site,
        fmt::format("VideoPortSynchronizeExecution called with priority {}, which is not a "
                    "VIDEO_SYNCHRONIZE_PRIORITY value; the routine was not called and FALSE returned",
                    priority)));
    return 0;
  }
  kernel::InterruptObject* interrupt = adapter->interrupt();
  Plan plan = plan_for(machine.profile(), priority, interrupt != nullptr);
  if (plan.take_lock && interrupt->lock.held_by(p)) {
    bool from_isr = p.context() == kernel::ContextKind::Isr;
    findings::Finding f = kernel::make_finding(
        findings::FindingKind::SyncNestedDeadlock, site,
        fmt::format("VideoPortSynchronizeExecution({}) called while processor {} already holds the "
                    "interrupt spin lock of adapter '{}' ({}); on Windows this processor would spin "
                    "on that lock forever",
                    priority_name(priority), p.index(), adapter->name(),
                    from_isr ? "taken to run HwVidInterrupt" : "taken by an enclosing synchronize call"));
    f.other = kernel::interrupt_lock_holder(p, interrupt->lock);
    f.other_role = from_isr ? "ISR holding the lock" : "lock taken at";
    machine.bugcheck(std::move(f));
    return 0;  // reached only when the bugcheck could not unwind (not a processor of the machine)
  }
  // The context and IRQL rules come after the deadlock check: a nested call from an ISR is one
  // finding (the deadlock), not two.
  if (violates(p, rules::kSynchronizeExecution)) report_rule_violation(p, rules::kSynchronizeExecution, site);
  if (interrupt != nullptr && p.irql() > interrupt->dirql && p.irql() <= kernel::kHighestDeviceLevel) {
    machine.report(kernel::make_finding(
        findings::FindingKind::IrqlViolation, site,
        fmt::format("VideoPortSynchronizeExecution requires IRQL <= the interrupt's DIRQL {} but was "
                    "called at IRQL {}", interrupt->dirql, p.irql())));
  }
  kernel::Irql target = plan.take_lock && plan.irql == 0 ? interrupt->dirql : plan.irql;
  kernel::Irql old = plan.raise && p.irql() < target ? p.raise_irql(target) : p.irql();
  if (plan.take_lock) interrupt->lock.acquire(p, site);
  p.push_frame(kernel::ContextKind::SynchronizeCallback, plan.take_lock ? &interrupt->lock : nullptr, old,
               site);
  std::uint8_t result = routine(context);
  p.end_synchronize_frame(static_cast<unsigned>(priority));
  return result;
}

}  // namespace vidport::videoport
