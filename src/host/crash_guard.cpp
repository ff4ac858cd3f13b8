#include "host/crash_guard.h"

#include <execinfo.h>
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

// Runs where the processor lands, in an ordinary context: makes the finding the handler could
// not (it may not allocate or lock).
findings::Finding describe_fault(kernel::Processor& p, const kernel::FaultRecord& r) {
  // The label names the routine the host called; a DPC or a synchronize callback runs nested in
  // it (or on an idle processor), so the context is named too when it is not the routine's own.
  bool labelled_context = r.context == kernel::ContextKind::Passive || (r.context == kernel::ContextKind::Isr && r.routine);
  std::string where = r.routine ? fmt::format("in {}", r.routine) : std::string("in miniport code");
  if (!labelled_context || !r.routine) where += fmt::format(" ({} context)", kernel::context_name(r.context));
  auto window = videoport::DeviceWindows::instance().find(r.address);
  findings::Finding finding;
  if (r.signal == SIGSEGV && window && window->device) {
    std::uintptr_t physical = window->physical + (r.address - window->host);
    finding = kernel::make_finding(
        findings::FindingKind::DeviceWindowDereference, r.pc,
        fmt::format("plain dereference of device window memory at physical {:#x} {}: device memory "
                    "must be reached through VideoPortRead/WriteRegister*",
                    physical, where));
  } else {
    finding = kernel::make_finding(findings::FindingKind::MiniportCrash, r.pc,
                                   fmt::format("{} {}, faulting address: {}", signal_name(r.signal), where,
                                               videoport::describe_pointer(r.address)));
  }
  return finding;
}

// Signal-safe: records what it saw and jumps over the faulting frames to the innermost landing
// (kernel/halt.h); returning would fault again. A fault in vidport's own code lands at the task
// boundary's base landing.
void on_fault(int sig, siginfo_t* info, void* raw_context) {
  kernel::Processor* p = kernel::current_processor();
  if (p == nullptr) {
    // Not miniport code: restore the default action and let the fault happen again on return.
    signal(sig, SIG_DFL);
    return;
  }
  auto* machine_context = static_cast<ucontext_t*>(raw_context);
  kernel::FaultRecord record;
  record.describe = &describe_fault;
  record.signal = sig;
  record.pc = static_cast<std::uintptr_t>(machine_context->uc_mcontext.gregs[REG_RIP]);
  record.address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  record.routine = p->routine();
  record.context = p->context();
  record.irql = p->irql();
  record.stack_depth = ::backtrace(record.stack, kernel::FaultRecord::kMaxStack);
  p->record_fault(record, false);
  p->jump_to_landing();
}

}  // namespace

void install_crash_guard() {
  static std::once_flag once;
  std::call_once(once, [] {
    // backtrace(3) loads its unwinder on first use; do that here, so the handlers' calls do not.
    void* frame[1];
    ::backtrace(frame, 1);
    struct sigaction action{};
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE}) sigaction(sig, &action, nullptr);
  });
}

}  // namespace vidport::host
