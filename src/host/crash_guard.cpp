#include "host/crash_guard.h"

#include <signal.h>
#include <ucontext.h>

#include <cstdint>
#include <mutex>

#include <fmt/format.h>

#include "kernel/halt.h"
#include "kernel/machine.h"
#include "videoport/device_windows.h"
#include "videoport/pointer_description.h"

namespace vidport::host {

namespace {

const char* signal_name(int sig) {
  switch (sig) {
    case SIGSEGV: return "SIGSEGV (access violation)";
    case SIGBUS: return "SIGBUS (bus error)";
    case SIGILL: return "SIGILL (illegal instruction)";
    case SIGFPE: return "SIGFPE (arithmetic exception)";
  }
  return "signal";
}

void on_fault(int sig, siginfo_t* info, void* raw_context) {
  kernel::Processor* p = kernel::current_processor();
  if (p == nullptr) {
    // Not miniport code: restore the default action and let the fault happen again on return.
    signal(sig, SIG_DFL);
    return;
  }
  auto* machine_context = static_cast<ucontext_t*>(raw_context);
  auto pc = static_cast<std::uintptr_t>(machine_context->uc_mcontext.gregs[REG_RIP]);
  auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  // The label names the routine the host called; a DPC or a synchronize callback runs nested in
  // it (or on an idle processor), so the context is named too when it is not the routine's own.
  const char* routine = p->routine();
  kernel::ContextKind context = p->context();
  bool labelled_context = context == kernel::ContextKind::Passive ||
                          (context == kernel::ContextKind::Isr && routine);
  std::string where = routine ? fmt::format("in {}", routine) : std::string("in miniport code");
  if (!labelled_context || !routine) where += fmt::format(" ({} context)", kernel::context_name(context));
  auto window = videoport::DeviceWindows::instance().find(address);
  findings::Finding finding;
  if (sig == SIGSEGV && window && window->device) {
    std::uintptr_t physical = window->physical + (address - window->host);
    finding = kernel::make_finding(
        findings::FindingKind::DeviceWindowDereference, pc,
        fmt::format("plain dereference of device window memory at physical {:#x} {}: device memory "
                    "must be reached through VideoPortRead/WriteRegister*",
                    physical, where));
  } else {
    finding = kernel::make_finding(findings::FindingKind::MiniportCrash, pc,
                                   fmt::format("{} {}, faulting address: {}", signal_name(sig), where,
                                               videoport::describe_pointer(address)));
  }
  p->machine().halt(std::move(finding));
  // Returning would fault again: jump over the faulting frames to the innermost landing
  // (kernel/halt.h). A fault in vidport's own code lands at the task boundary's base landing.
  p->jump_to_landing();
}

}  // namespace

void install_crash_guard() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action{};
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE}) sigaction(sig, &action, nullptr);
  });
}

}  // namespace vidport::host
