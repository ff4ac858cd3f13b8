// The clock: under the virtual clock, code that polls a device terminates; HwVidTimer fires once
// per second of clock time; VideoPortStallExecution lets time pass and delivers interrupts in it.
#include <gtest/gtest.h>

#include "rig.h"

namespace vidport::testing {
namespace {

kernel::MachineConfig virtual_clock() {
  kernel::MachineConfig config;
  config.clock = kernel::ClockKind::Virtual;
  return config;
}

// Scenario: the device becomes ready 2 ms of clock time after it is started; passive code polls
// its status port until then. Expected: the loop ends (each poll is a bus access that moves the
// virtual clock), after roughly 2 ms / 100 ns polls, and no sooner than 2 ms of clock time.
TEST(VirtualClock, PollingLoopOnStatusPortTerminates) {
  Rig rig(virtual_clock());
  int polls = 0;
  kernel::ClockTime ready_at = 0;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kParamLow), 2000 & 0xFF);
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kParamHigh), 2000 >> 8);
    kernel::ClockTime started = rig.machine.clock().now();
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kControl), devices::PulseDevice::kStartReadyTimer);
    while (!(VideoPortReadPortUchar(rig.port(devices::PulseDevice::kStatus)) & devices::PulseDevice::kReady)) ++polls;
    ready_at = rig.machine.clock().now() - started;
  }));
  EXPECT_GE(ready_at, 2 * kernel::kMillisecond);
  EXPECT_LT(ready_at, 2 * kernel::kMillisecond + kernel::kMicrosecond);
  EXPECT_GE(polls, 19000);
  EXPECT_LE(polls, 20001);
}

std::atomic<int> g_ticks{0};
std::atomic<int> g_tick_processor{-1};
std::atomic<UCHAR> g_tick_irql{0xFF};

VOID count_tick(PVOID) {
  g_ticks.fetch_add(1);
  g_tick_processor = static_cast<int>(kernel::current_processor()->index());
  g_tick_irql = VideoPortGetCurrentIrql();
}

// Scenario: a started timer while the host lets 5.5 s of virtual clock time pass (in no host time
// to speak of: every processor is idle, so the clock jumps from event to event). Expected: exactly
// five HwVidTimer calls, at DISPATCH_LEVEL on processor 0; after VideoPortStopTimer, no more.
TEST(VirtualClock, HwVidTimerFiresOncePerClockSecond) {
  g_ticks = 0;
  Rig rig(virtual_clock());
  rig.adapter.set_timer_routine(&count_tick);
  ASSERT_TRUE(run_with_deadline(rig.machine, 1, [&] { VideoPortStartTimer(rig.extension()); }));
  rig.machine.pass_time_until(rig.machine.clock().now() + 5 * kernel::kSecond + 500 * kernel::kMillisecond);
  ASSERT_TRUE(spin_until([&] { return g_ticks.load() == 5; }));
  EXPECT_EQ(g_tick_processor.load(), 0);
  EXPECT_EQ(g_tick_irql.load(), 2);
  ASSERT_TRUE(run_with_deadline(rig.machine, 1, [&] { VideoPortStopTimer(rig.extension()); }));
  rig.machine.pass_time_until(rig.machine.clock().now() + 3 * kernel::kSecond);
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [] {}));
  EXPECT_EQ(g_ticks.load(), 5);
}

std::atomic<int> g_isr_calls{0};
BOOLEAN counting_isr(PVOID) {
  g_isr_calls.fetch_add(1);
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);
  return TRUE;
}

// Scenario: a periodic device (every 100 µs) on a one-processor machine whose only processor
// stalls for 1 ms. Expected: 1 ms of clock time passes and about ten interrupts are delivered
// during the stall itself.
TEST(VirtualClock, StallLetsTimePassAndDeliversInterrupts) {
  g_isr_calls = 0;
  kernel::MachineConfig config = virtual_clock();
  config.processors = 1;
  Rig rig(config);
  ASSERT_TRUE(rig.connect(&counting_isr));
  kernel::ClockTime elapsed = 0;
  int during = 0;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kParamLow), 100);
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kParamHigh), 0);
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kControl), devices::PulseDevice::kPeriodic);
    int before = g_isr_calls.load();
    kernel::ClockTime start = rig.machine.clock().now();
    VideoPortStallExecution(1000);
    elapsed = rig.machine.clock().now() - start;
    during = g_isr_calls.load() - before;
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kControl), 0);
  }));
  EXPECT_GE(elapsed, 1000 * kernel::kMicrosecond);
  EXPECT_GE(during, 9);
  EXPECT_LE(during, 11);
}

}  // namespace
}  // namespace vidport::testing
