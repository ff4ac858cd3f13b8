// The documented IRQL and context rules of each VideoPort call, checked at every entry.
//
// Rules for entry points:
// - Every exported VideoPort function starts with enter(rule, site): a preemption point, then the
//   check. A violation records a finding (IrqlViolation or ContextViolation) and the call goes
//   on, unless the function itself decides it cannot (it then says so in its contract).
// - "Allowed at interrupt level" is the list HwVidInterrupt and synchronize callbacks may call
//   (semantics-decisions.md): port/register access, VideoPortQueueDpc, ZeroMemory,
//   ZeroDeviceMemory, LogError, StallExecution, Enable/DisableInterrupt, GetCurrentIrql, and
//   DebugPrint, which is documented for any IRQL and which real ISRs log with.
// - Each export's rule is its row's class in exports/export_table.txt (rule_class below).
// - A call from a host thread that is no virtual processor is a bug in the host or a test, not in
//   the miniport: it stops with a message naming the call.
#pragma once

#include <cstdint>

#include "kernel/irql.h"
#include "kernel/processor.h"

namespace vidport::videoport {

// Where a call may be made: an IRQL range and whether an ISR or a synchronize callback may make
// it. The export table (exports/export_table.txt) gives each function one of these classes.
struct RuleClass {
  kernel::Irql min_irql;
  kernel::Irql max_irql;
  bool allowed_at_interrupt_level;
};

namespace rule_class {
using namespace kernel;
inline constexpr RuleClass passive{kPassiveLevel, kPassiveLevel, false};
inline constexpr RuleClass up_to_dispatch{kPassiveLevel, kDispatchLevel, false};
inline constexpr RuleClass dispatch{kDispatchLevel, kDispatchLevel, false};
inline constexpr RuleClass dispatch_or_above{kDispatchLevel, kHighLevel, true};
inline constexpr RuleClass any{kPassiveLevel, kHighLevel, true};
inline constexpr RuleClass any_irql_no_isr{kPassiveLevel, kHighLevel, false};
inline constexpr RuleClass synchronize{kPassiveLevel, kHighestDeviceLevel, false};
}  // namespace rule_class

// The rule of one entry point: its name (for findings) and its class.
struct CallRule {
  constexpr CallRule(const char* rule_name, RuleClass rule_class)
      : name(rule_name),
        min_irql(rule_class.min_irql),
        max_irql(rule_class.max_irql),
        allowed_at_interrupt_level(rule_class.allowed_at_interrupt_level) {}

  const char* name;
  kernel::Irql min_irql;
  kernel::Irql max_irql;
  bool allowed_at_interrupt_level;
};

namespace rules {
// The functions of the Int10 interface (VideoPortQueryServices) are reached through pointers,
// not exports, so the export table does not list them.
inline constexpr CallRule kInt10Services{"Int10 interface", rule_class::passive};
}  // namespace rules

}  // namespace vidport::videoport

// rules::k<Name> for every export, generated from the export table: the rule of
// VideoPortCreateEvent is rules::kCreateEvent.
#include "videoport/export_rules.h"

namespace vidport::videoport {

[[noreturn]] void fail_not_on_processor(const CallRule& rule, std::uintptr_t site);
void report_rule_violation(kernel::Processor& processor, const CallRule& rule, std::uintptr_t site);

inline bool violates(const kernel::Processor& p, const CallRule& rule) {
  kernel::Irql irql = p.irql();
  return irql < rule.min_irql || irql > rule.max_irql ||
         (!rule.allowed_at_interrupt_level && p.context() >= kernel::ContextKind::Isr);
}

// The entry of every VideoPort function (see the rules above).
inline kernel::Processor& enter(const CallRule& rule, std::uintptr_t site,
                                kernel::PointKind point = kernel::PointKind::DdkCall) {
  kernel::Processor* p = kernel::current_processor();
  if (__builtin_expect(p == nullptr, 0)) fail_not_on_processor(rule, site);
  p->note_progress();
  p->preemption_point(point);
  if (__builtin_expect(violates(*p, rule), 0)) report_rule_violation(*p, rule, site);
  return *p;
}

}  // namespace vidport::videoport

// The address a DDK entry point was called from: the call site findings blame.
#define VIDPORT_CALL_SITE() reinterpret_cast<std::uintptr_t>(__builtin_return_address(0))
