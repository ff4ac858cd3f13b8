// The observer seam (kernel/observer.h): a checker sees exactly what a processor does, in order,
// and nothing runs differently because it watches.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <mutex>
#include <string>
#include <vector>

#include "kernel/observer.h"
#include "rig.h"

namespace vidport::testing {
namespace {

const char* lock_name(kernel::LockKind kind) {
  switch (kind) {
    case kernel::LockKind::Interrupt: return "interrupt";
    case kernel::LockKind::Miniport: return "miniport";
    case kernel::LockKind::DpcExclusion: return "dpc-exclusion";
  }
  return "?";
}

// Records every event as one line of text.
class Recorder final : public kernel::Observer {
 public:
  void context_enter(kernel::Processor& p, kernel::ContextKind kind) override {
    add(p.index(), fmt::format("enter {}", kernel::context_name(kind)));
  }
  void context_exit(kernel::Processor& p, kernel::ContextKind kind) override {
    add(p.index(), fmt::format("exit {}", kernel::context_name(kind)));
  }
  void lock_acquired(kernel::Processor& p, const kernel::SpinLock& lock) override {
    add(p.index(), fmt::format("acquire {}", lock_name(lock.kind())));
  }
  void lock_released(kernel::Processor& p, const kernel::SpinLock& lock) override {
    add(p.index(), fmt::format("release {}", lock_name(lock.kind())));
  }
  void interrupt_delivered(kernel::Processor& p, unsigned line) override {
    add(p.index(), fmt::format("interrupt line {}", line));
  }
  void dpc_queued(kernel::Processor* p, const kernel::Dpc&, kernel::Processor& target) override {
    add(p ? static_cast<int>(p->index()) : -1, fmt::format("queue dpc on {}", target.index()));
  }
  void dpc_started(kernel::Processor& p, const kernel::Dpc&) override { add(p.index(), "run dpc"); }
  void event_set(kernel::Processor* p, const kernel::Event&) override { add(p ? static_cast<int>(p->index()) : -1, "set event"); }
  void event_satisfied(kernel::Processor& p, const kernel::Event&) override { add(p.index(), "event satisfied"); }
  void memory_access(kernel::Processor& p, const kernel::MemoryAccess& a) override {
    add(p.index(), fmt::format("{} {} bytes", a.write ? "write" : "read", a.size));
  }

  std::vector<std::string> take() {
    std::lock_guard lock(mutex_);
    return std::move(lines_);
  }

 private:
  void add(int cpu, std::string what) {
    std::lock_guard lock(mutex_);
    lines_.push_back(fmt::format("cpu{} {}", cpu, what));
  }
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

Rig* g_rig = nullptr;
PSPIN_LOCK g_spin_lock = nullptr;
int g_dpc_runs = 0;
unsigned char g_buffer[24];

void dpc_routine(PVOID extension, PVOID) {
  VideoPortAcquireSpinLockAtDpcLevel(extension, g_spin_lock);
  ++g_dpc_runs;
  VideoPortReleaseSpinLockFromDpcLevel(extension, g_spin_lock);
}

BOOLEAN isr(PVOID extension) {
  VideoPortWritePortUchar(g_rig->port(devices::PulseDevice::kStatus), 0);  // acknowledge
  VideoPortQueueDpc(extension, &dpc_routine, nullptr);
  return TRUE;
}

BOOLEAN callback(PVOID) {
  VideoPortZeroMemory(g_buffer, sizeof g_buffer);
  return TRUE;
}

kernel::MachineConfig one_processor() {
  kernel::MachineConfig config;
  config.processors = 1;
  return config;
}

// Runs the script: a host task creates a VideoPort spin lock, makes the device interrupt, and
// calls VideoPortSynchronizeExecution(VpMediumPriority) — whose entry point takes the pending
// interrupt; the ISR acknowledges and queues a DPC, which runs (taking the spin lock) as soon as
// the ISR returns, before the synchronize callback zeroes a buffer.
void run_script(Rig& rig) {
  g_rig = &rig;
  g_dpc_runs = 0;
  ASSERT_TRUE(rig.connect(&isr));
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    ASSERT_EQ(VideoPortCreateSpinLock(rig.extension(), &g_spin_lock), NO_ERROR);
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kRaise), 1);
    VideoPortSynchronizeExecution(rig.extension(), VpMediumPriority, &callback, nullptr);
    VideoPortDeleteSpinLock(rig.extension(), g_spin_lock);
  }));
  EXPECT_EQ(g_dpc_runs, 1);
}

// Scenario: the script above with a recording observer on a one-processor machine. Expected:
// exactly this event sequence — the task, the interrupt with its ISR under the interrupt lock,
// the DPC queued from the ISR and run under its self-exclusion with the miniport spin lock, then
// the synchronize callback under the interrupt lock with its memory access.
TEST(Observer, SeesTheExactEventSequenceOfAScript) {
  Rig rig(one_processor());
  Recorder recorder;
  rig.machine.set_observer(&recorder);
  run_script(rig);
  rig.machine.set_observer(nullptr);
  EXPECT_EQ(recorder.take(), (std::vector<std::string>{
                                 "cpu0 enter passive",
                                 "cpu0 interrupt line 9",
                                 "cpu0 acquire interrupt",
                                 "cpu0 enter isr",
                                 "cpu0 queue dpc on 0",
                                 "cpu0 exit isr",
                                 "cpu0 release interrupt",
                                 "cpu0 enter dpc",
                                 "cpu0 run dpc",
                                 "cpu0 acquire dpc-exclusion",
                                 "cpu0 acquire miniport",
                                 "cpu0 release miniport",
                                 "cpu0 release dpc-exclusion",
                                 "cpu0 exit dpc",
                                 "cpu0 acquire interrupt",
                                 "cpu0 enter synchronize-callback",
                                 "cpu0 write 24 bytes",
                                 "cpu0 exit synchronize-callback",
                                 "cpu0 release interrupt",
                                 "cpu0 exit passive",
                             }));
}

// The negative control: the same script with the observer removed again records nothing more,
// and runs the same (one DPC run); the Medium call then takes the fast path, which never reports.
TEST(Observer, RemovedObserverSeesNothing) {
  Rig rig(one_processor());
  Recorder recorder;
  rig.machine.set_observer(&recorder);
  rig.machine.set_observer(nullptr);
  run_script(rig);
  EXPECT_TRUE(recorder.take().empty());
  EXPECT_FALSE(rig.machine.processor(0).observed());
}

}  // namespace
}  // namespace vidport::testing
