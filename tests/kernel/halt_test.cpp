// Halts that unwind (kernel/halt.h): a fault deep inside miniport code — an ISR that runs nested
// inside a synchronize callback — jumps over the miniport frames only; vidport's own frames
// between there and the task boundary unwind as C++ frames, so their destructors run and their
// mutexes are released. Runs under TSan and ASan+UBSan too.
#include <gtest/gtest.h>

#include <mutex>

#include "host/crash_guard.h"
#include "rig.h"
#include "videoport/port_driver.h"

namespace vidport::testing {
namespace {

// Volatile so the compiler keeps the access.
volatile ULONG* volatile g_wild = reinterpret_cast<volatile ULONG*>(0x10);
std::atomic<bool> g_fault_in_isr{true};
std::atomic<int> g_isr_runs{0};
std::atomic<bool> g_callback_returned{false};
Rig* g_rig = nullptr;

extern "C" BOOLEAN vidport_test_faulting_isr(PVOID) {
  g_isr_runs.fetch_add(1);
  if (g_fault_in_isr) *g_wild = 0;
  VideoPortWritePortUchar(g_rig->port(devices::PulseDevice::kStatus), 0);  // acknowledge
  return TRUE;
}

// A VpLowPriority callback (DISPATCH_LEVEL): the device interrupts while it polls a port, so
// the ISR runs nested inside it at the port access's preemption point.
extern "C" BOOLEAN vidport_test_polling_callback(PVOID) {
  VideoPortWritePortUchar(g_rig->port(devices::PulseDevice::kRaise), 1);
  for (int i = 0; i < 1000000 && g_isr_runs.load() == 0; ++i) VideoPortReadPortUchar(g_rig->port(0));
  g_callback_returned = true;
  return TRUE;
}

// What a host task does around a miniport routine: a lock and an object of its own, then the
// call through call_routine (as HwVidStartIO is called).
struct HostFrame {
  std::mutex mutex;
  bool destroyed = false;
};

bool run_routine(Rig& rig, HostFrame& frame) {
  return run_with_deadline(rig.machine, 0, [&] {
    std::lock_guard lock(frame.mutex);
    struct Guard {
      bool& destroyed;
      ~Guard() { destroyed = true; }
    } guard{frame.destroyed};
    videoport::call_routine("HwVidStartIO", [&] {
      VideoPortSynchronizeExecution(rig.extension(), VpLowPriority, &vidport_test_polling_callback, nullptr);
    });
  });
}

// Points the routines at `rig`, with an ISR that faults or not, and connects it.
void arm(Rig& rig, bool fault_in_isr) {
  g_rig = &rig;
  g_fault_in_isr = fault_in_isr;
  g_isr_runs = 0;
  g_callback_returned = false;
  ASSERT_TRUE(rig.connect(&vidport_test_faulting_isr));
}

kernel::MachineConfig one_processor() {
  kernel::MachineConfig config;
  config.processors = 1;
  return config;
}

// Scenario: on one processor, a routine the host called makes a VpLowPriority synchronize call;
// inside the callback the device interrupts and the ISR dereferences a wild pointer. Expected:
// the machine halts with a MiniportCrash in ISR context at IRQL 11 (the task reports "not
// completed"), the callback never returns, the host frame's object is destroyed and its mutex is
// free; then a second machine in the same process runs the same call, with an ISR that does not
// fault, to completion (the negative control: without the fault nothing halts).
TEST(Halt, FaultInIsrNestedInSynchronizeCallbackUnwindsVidportFrames) {
  host::install_crash_guard();
  {
    Rig rig(one_processor());
    ASSERT_NO_FATAL_FAILURE(arm(rig, true));
    HostFrame frame;
    EXPECT_FALSE(run_routine(rig, frame));
    ASSERT_TRUE(rig.machine.halted());
    auto stop = rig.machine.stop_finding();
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->kind, findings::FindingKind::MiniportCrash);
    EXPECT_EQ(stop->primary.context, kernel::ContextKind::Isr);
    EXPECT_EQ(stop->primary.irql, kernel::dirql_for_line(kLine));
    EXPECT_EQ(stop->primary.site.symbol, "vidport_test_faulting_isr");
    EXPECT_FALSE(g_callback_returned.load());
    EXPECT_TRUE(frame.destroyed) << "the host task's frame was jumped over instead of unwound";
    ASSERT_TRUE(frame.mutex.try_lock()) << "the host task's mutex stayed locked";
    frame.mutex.unlock();
  }
  {
    Rig rig(one_processor());
    ASSERT_NO_FATAL_FAILURE(arm(rig, false));
    HostFrame frame;
    EXPECT_TRUE(run_routine(rig, frame));
    EXPECT_FALSE(rig.machine.halted());
    EXPECT_EQ(g_isr_runs.load(), 1);
    EXPECT_TRUE(g_callback_returned.load());
  }
  g_rig = nullptr;
}

}  // namespace
}  // namespace vidport::testing
