#include "videoport/call_rules.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "findings/call_site.h"
#include "kernel/machine.h"

namespace vidport::videoport {

void fail_not_on_processor(const CallRule& rule, std::uintptr_t site) {
  std::fprintf(stderr,
               "vidport: %s was called from %s, a thread that is no virtual processor; miniport "
               "code must run on the machine's processors (Machine::run_on)\n",
               rule.name, findings::resolve_call_site(site).describe().c_str());
  std::abort();
}

void report_rule_violation(kernel::Processor& processor, const CallRule& rule, std::uintptr_t site) {
  kernel::Irql irql = processor.irql();
  bool irql_wrong = irql < rule.min_irql || irql > rule.max_irql;
  std::string message;
  findings::FindingKind kind;
  if (irql_wrong) {
    kind = findings::FindingKind::IrqlViolation;
    message = rule.min_irql == rule.max_irql
                  ? fmt::format("{} requires IRQL {} but was called at IRQL {}", rule.name,
                                rule.min_irql, irql)
                  : fmt::format("{} requires IRQL {}..{} but was called at IRQL {}", rule.name,
                                rule.min_irql, rule.max_irql, irql);
  } else {
    kind = findings::FindingKind::ContextViolation;
    message = fmt::format("{} may not be called from {} context: an ISR or synchronize callback may "
                          "call only port/register access, VideoPortQueueDpc, ZeroMemory, "
                          "ZeroDeviceMemory, LogError, StallExecution and Enable/DisableInterrupt",
                          rule.name, kernel::context_name(processor.context()));
  }
  processor.machine().report(kernel::make_finding(kind, site, std::move(message)));
}

}  // namespace vidport::videoport
