// Concurrency that must happen: where Windows lets an ISR run at the same time as other code,
// vidport must too. An implementation with one global lock around everything fails these.
#include <gtest/gtest.h>

#include "rig.h"

namespace vidport::testing {
namespace {

struct Flags {
  std::atomic<bool> low_callback_running{false};
  std::atomic<bool> passive_running{false};
  std::atomic<bool> isr_saw_low_callback{false};
  std::atomic<bool> isr_saw_passive{false};
  std::atomic<int> isr_processor{-1};
  std::atomic<unsigned> isr_depth{0};
  std::atomic<std::uint64_t> isr_runs{0};
};

Flags* flags_of(void* extension) { return *static_cast<Flags**>(extension); }

BOOLEAN observing_isr(PVOID extension) {
  Flags* f = flags_of(extension);
  kernel::Processor* p = kernel::current_processor();
  // Where and how deep first: the code waiting on the isr_saw_* flags reads these as soon as it
  // sees a flag, so they must be published before it.
  f->isr_processor = static_cast<int>(p->index());
  f->isr_depth = p->context_depth();
  if (f->low_callback_running.load()) f->isr_saw_low_callback = true;
  if (f->passive_running.load()) f->isr_saw_passive = true;
  f->isr_runs.fetch_add(1);
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);  // acknowledge
  return TRUE;
}

// A VpLowPriority callback that stays inside until the ISR has run on the other processor.
BOOLEAN wait_for_isr_inside_low(PVOID extension) {
  Flags* f = flags_of(extension);
  f->low_callback_running = true;
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase + devices::PulseDevice::kRaise}), 1);
  bool seen = spin_until([&] { return f->isr_saw_low_callback.load(); });
  f->low_callback_running = false;
  return seen ? TRUE : FALSE;
}

struct Fixture {
  Flags flags;
  Rig rig;
  Fixture() {
    *static_cast<Flags**>(rig.extension()) = &flags;
    rig.connect(&observing_isr);
  }
};

// Scenario: a VpLowPriority callback (DISPATCH_LEVEL, no interrupt lock) on processor 0 raises the
// device's interrupt, which may only go to processor 1, and waits. Expected: the ISR runs while
// the callback is still inside — Low does not exclude the ISR.
TEST(ConcurrencyRequired, LowPriorityCallbackIsOverlappedByIsr) {
  Fixture fx;
  fx.rig.machine.interrupts().set_affinity(kLine, 1u << 1);
  BOOLEAN result = FALSE;
  ASSERT_TRUE(run_with_deadline(fx.rig.machine, 0, [&] {
    result = VideoPortSynchronizeExecution(fx.rig.extension(), VpLowPriority, &wait_for_isr_inside_low, fx.rig.extension());
  }));
  EXPECT_EQ(result, TRUE) << "the ISR did not run while the Low callback was inside";
  EXPECT_EQ(fx.flags.isr_processor.load(), 1);
}

// Scenario: passive code on processor 0 raises the interrupt (processor 1 only) and keeps running
// until the ISR has observed it running. Expected: the ISR and the passive code overlap.
TEST(ConcurrencyRequired, PassiveCodeAndIsrRunTogetherOnTwoProcessors) {
  Fixture fx;
  fx.rig.machine.interrupts().set_affinity(kLine, 1u << 1);
  bool overlapped = false;
  ASSERT_TRUE(run_with_deadline(fx.rig.machine, 0, [&] {
    fx.flags.passive_running = true;
    VideoPortWritePortUchar(fx.rig.port(devices::PulseDevice::kRaise), 1);
    overlapped = spin_until([&] { return fx.flags.isr_saw_passive.load(); });
    fx.flags.passive_running = false;
  }));
  EXPECT_TRUE(overlapped);
  EXPECT_EQ(fx.flags.isr_processor.load(), 1);
}

// Scenario: the line may only go to processor 0, which is running passive code. The code raises
// the interrupt and makes one more DDK call. Expected: the ISR ran nested on processor 0's stack
// (above the passive context) by the time that DDK call returned — it preempted the passive code
// between two DDK calls, as hardware would.
TEST(ConcurrencyRequired, IsrPreemptsPassiveCodeOnSameProcessorInsideDdkCall) {
  Fixture fx;
  fx.rig.machine.interrupts().set_affinity(kLine, 1u << 0);
  std::uint64_t before_call = 0, after_call = 0;
  ASSERT_TRUE(run_with_deadline(fx.rig.machine, 0, [&] {
    fx.flags.passive_running = true;
    // Preemption points come before an access, so the ISR cannot run inside the raising write.
    VideoPortWritePortUchar(fx.rig.port(devices::PulseDevice::kRaise), 1);
    before_call = fx.flags.isr_runs.load();
    (void)VideoPortReadPortUchar(fx.rig.port(devices::PulseDevice::kStatus));
    after_call = fx.flags.isr_runs.load();
    fx.flags.passive_running = false;
  }));
  EXPECT_EQ(before_call, 0u) << "no preemption point lies between the raise and the next call";
  EXPECT_EQ(after_call, 1u) << "the ISR must run inside the next DDK call";
  EXPECT_EQ(fx.flags.isr_processor.load(), 0);
  EXPECT_EQ(fx.flags.isr_depth.load(), 1u) << "the ISR runs nested on the passive context";
  EXPECT_TRUE(fx.flags.isr_saw_passive.load());
}

BOOLEAN raise_and_poke_at_dirql(PVOID extension) {
  Flags* f = flags_of(extension);
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase + devices::PulseDevice::kRaise}), 1);
  for (int i = 0; i < 100; ++i) {
    (void)VideoPortReadPortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase + devices::PulseDevice::kStatus}));
  }
  return f->isr_runs.load() == 0 ? TRUE : FALSE;
}

// Scenario: the same, but the raise and 100 DDK calls happen inside a VpMediumPriority callback
// (processor 0 at the line's DIRQL). Expected: the ISR never runs inside the callback, and runs
// as soon as the callback returns and the IRQL drops.
TEST(ConcurrencyRequired, IsrNeverPreemptsAtOrAboveItsDirql) {
  Fixture fx;
  fx.rig.machine.interrupts().set_affinity(kLine, 1u << 0);
  BOOLEAN quiet_inside = FALSE;
  std::uint64_t right_after = 0;
  ASSERT_TRUE(run_with_deadline(fx.rig.machine, 0, [&] {
    quiet_inside = VideoPortSynchronizeExecution(fx.rig.extension(), VpMediumPriority, &raise_and_poke_at_dirql, fx.rig.extension());
    right_after = fx.flags.isr_runs.load();
  }));
  EXPECT_EQ(quiet_inside, TRUE) << "the ISR ran while processor 0 was at its DIRQL";
  EXPECT_EQ(right_after, 1u) << "lowering the IRQL must deliver the pending interrupt";
}

}  // namespace
}  // namespace vidport::testing
