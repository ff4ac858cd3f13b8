#include "host/watchdog.h"

#include <pthread.h>
#include <execinfo.h>
#include <signal.h>
#include <ucontext.h>

#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "kernel/miniport_code.h"

namespace vidport::host {

namespace {

// What the handler needs from the watchdog that signalled: published before pthread_kill.
std::atomic<const std::string*> g_processors{nullptr};
std::atomic<long long> g_timeout_ms{0};

// Runs in an ordinary context on the stuck processor (where it lands, or at its next preemption
// point): makes the finding the handler could not.
findings::Finding describe_hang(kernel::Processor& p, const kernel::FaultRecord& r) {
  const std::string* processors = g_processors.load(std::memory_order_acquire);
  findings::Finding finding = kernel::make_finding(
      findings::FindingKind::MiniportHang, r.pc,
      fmt::format("processor {} ran {} for {} ms of host time without calling VideoPort; the site below is "
                  "where it was interrupted. Processors: {}",
                  p.index(), r.routine ? r.routine : "miniport code", g_timeout_ms.load(),
                  processors ? *processors : std::string("?")));
  return finding;
}

// Signal-safe: records what it interrupted. Miniport code is jumped over (kernel/halt.h), and
// the finding is made where the processor lands. vidport's own code (a VideoPort call, the
// emulator running a full-screen program) is left to reach its next preemption point, where the
// finding is made and its frames unwind, releasing what they hold; the emulator checks the same
// attention bit at every instruction. If it never gets there, the signal after the halt jumps.
void on_watchdog(int, siginfo_t*, void* raw_context) {
  kernel::Processor* p = kernel::current_processor();
  if (p == nullptr) return;
  auto* context = static_cast<ucontext_t*>(raw_context);
  auto pc = static_cast<std::uintptr_t>(context->uc_mcontext.gregs[REG_RIP]);
  // Still stuck after the halt (the watchdog signals again): whatever runs, jump over it.
  if (p->machine().halted()) p->jump_to_landing();
  kernel::FaultRecord record;
  record.describe = &describe_hang;
  record.signal = kWatchdogSignal;
  record.pc = pc;
  record.routine = p->routine();
  record.context = p->context();
  record.irql = p->irql();
  record.stack_depth = ::backtrace(record.stack, kernel::FaultRecord::kMaxStack);
  const bool in_miniport = kernel::miniport_code::is_miniport_code(pc);
  p->record_fault(record, !in_miniport);
  if (in_miniport) p->jump_to_landing();
}

void install_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    void* frame[1];
    ::backtrace(frame, 1);  // loads the unwinder now, not in the handler
    struct sigaction action{};
    action.sa_sigaction = on_watchdog;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(kWatchdogSignal, &action, nullptr);
  });
}

}  // namespace

Watchdog::Watchdog(kernel::Machine& machine, std::chrono::milliseconds timeout)
    : machine_(machine), timeout_(timeout) {
  install_handler();
  g_timeout_ms.store(timeout.count());
  thread_ = std::thread([this] { run(); });
}

Watchdog::~Watchdog() {
  stop_.store(true, std::memory_order_release);
  thread_.join();
}

std::string Watchdog::describe_processors() const {
  std::string out;
  for (unsigned i = 0; i < machine_.processor_count(); ++i) {
    kernel::Processor& p = machine_.processor(i);
    const char* routine = p.routine();
    if (!out.empty()) out += "; ";
    out += fmt::format("processor {} in {}", i, routine ? routine : (p.quiescent() ? "no miniport code (idle)" : "vidport"));
  }
  return out;
}

void Watchdog::run() {
  using Clock = std::chrono::steady_clock;
  struct Watch {
    std::uint64_t progress = 0;
    Clock::time_point since = Clock::now();
  };
  static std::string description;  // outlives every handler that may read it
  std::vector<Watch> watches(machine_.processor_count());
  const auto poll = std::chrono::milliseconds(10);
  while (!stop_.load(std::memory_order_acquire)) {
    std::this_thread::sleep_for(poll);
    auto now = Clock::now();
    for (unsigned i = 0; i < watches.size(); ++i) {
      kernel::Processor& p = machine_.processor(i);
      std::uint64_t progress = p.progress();
      bool in_miniport = p.routine() != nullptr && !p.quiescent();
      if (!in_miniport || progress != watches[i].progress) {
        watches[i] = Watch{progress, now};
        continue;
      }
      // After a halt, stuck processors are signalled again (their handler only unwinds).
      auto limit = machine_.halted() ? std::chrono::milliseconds(50) : timeout_;
      if (now - watches[i].since < limit) continue;
      if (!machine_.halted() && !fired_.load()) {
        description = describe_processors();
        g_processors.store(&description, std::memory_order_release);
        fired_.store(true, std::memory_order_release);
      }
      pthread_kill(p.native_handle(), kWatchdogSignal);
      watches[i] = Watch{progress, now};
    }
  }
}

}  // namespace vidport::host
