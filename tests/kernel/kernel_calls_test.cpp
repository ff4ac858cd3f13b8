// The other kernel-facing VideoPort calls: IRQL and context rules at entry, spin locks, events.
#include <gtest/gtest.h>

#include "rig.h"

namespace vidport::testing {
namespace {

BOOLEAN noop(PVOID) { return TRUE; }

std::atomic<int> g_isr_calls{0};
BOOLEAN isr_calling_low_priority(PVOID extension) {
  if (g_isr_calls.fetch_add(1) == 0) VideoPortSynchronizeExecution(extension, VpLowPriority, &noop, nullptr);
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);
  return TRUE;
}

// Scenario: an ISR calls VideoPortSynchronizeExecution(VpLowPriority), which takes no interrupt
// lock. Expected: no deadlock and no halt, but one ContextViolation finding naming the ISR.
TEST(CallRules, SynchronizeFromIsrWithoutLockIsAContextViolation) {
  g_isr_calls = 0;
  Rig rig;
  ASSERT_TRUE(rig.connect(&isr_calling_low_priority));
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return rig.machine.findings().size() == 1; }));
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [] {}));
  auto findings = rig.machine.findings().snapshot();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, findings::FindingKind::ContextViolation);
  EXPECT_EQ(findings[0].primary.context, kernel::ContextKind::Isr);
  EXPECT_NE(findings[0].primary.site.symbol.find("isr_calling_low_priority"), std::string::npos)
      << findings[0].primary.site.describe();
  EXPECT_FALSE(rig.machine.halted());
}

// Scenario: VideoPortCreateSpinLock (PASSIVE_LEVEL only) called from a DISPATCH_LEVEL callback.
// Expected: an IrqlViolation finding that states the required and the actual IRQL; the call still
// works. Negative control: the same call at PASSIVE_LEVEL records nothing.
BOOLEAN create_lock_at_dispatch(PVOID extension) {
  PSPIN_LOCK lock = nullptr;
  VideoPortCreateSpinLock(extension, &lock);
  return lock != nullptr;
}

TEST(CallRules, PassiveOnlyCallAtDispatchIsReported) {
  Rig rig;
  BOOLEAN created = FALSE;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    PSPIN_LOCK passive_lock = nullptr;
    VideoPortCreateSpinLock(rig.extension(), &passive_lock);
    ASSERT_NE(passive_lock, nullptr);
    EXPECT_EQ(rig.machine.findings().size(), 0u);
    created = VideoPortSynchronizeExecution(rig.extension(), VpLowPriority, &create_lock_at_dispatch, rig.extension());
  }));
  EXPECT_EQ(created, TRUE);
  auto findings = rig.machine.findings().snapshot();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, findings::FindingKind::IrqlViolation);
  EXPECT_NE(findings[0].message.find("requires IRQL 0 but was called at IRQL 2"), std::string::npos) << findings[0].message;
  // A VpLowPriority callback holds no interrupt lock: the side lists no locks.
  EXPECT_TRUE(findings[0].primary.locks.empty());
}

PSPIN_LOCK g_dpc_lock = nullptr;
extern "C" __attribute__((noinline)) VOID vidport_test_dpc_creating_lock(PVOID extension, PVOID) {
  VideoPortAcquireSpinLockAtDpcLevel(extension, g_dpc_lock);
  PSPIN_LOCK another = nullptr;
  VideoPortCreateSpinLock(extension, &another);  // PASSIVE_LEVEL only
  VideoPortReleaseSpinLockFromDpcLevel(extension, g_dpc_lock);
}

BOOLEAN queue_dpc_creating_lock(PVOID extension) {
  return VideoPortQueueDpc(extension, &vidport_test_dpc_creating_lock, nullptr);
}

// Scenario: a DPC holding a VideoPort spin lock calls VideoPortCreateSpinLock (PASSIVE_LEVEL only).
// Expected: the IrqlViolation finding's side is the DPC at DISPATCH_LEVEL holding, outermost
// first, the DPC's self-exclusion and the spin lock, taken in the DPC routine.
TEST(CallRules, FindingInADpcListsTheLocksItHolds) {
  Rig rig;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    VideoPortCreateSpinLock(rig.extension(), &g_dpc_lock);
    // VideoPortQueueDpc wants DISPATCH_LEVEL: queue from a VpLowPriority callback; the DPC runs
    // when the IRQL drops back to PASSIVE_LEVEL after it.
    VideoPortSynchronizeExecution(rig.extension(), VpLowPriority, &queue_dpc_creating_lock, rig.extension());
    VideoPortStallExecution(1);
  }));
  auto findings = rig.machine.findings().snapshot();
  ASSERT_EQ(findings.size(), 1u);
  const findings::AccessSide& side = findings[0].primary;
  EXPECT_EQ(findings[0].kind, findings::FindingKind::IrqlViolation);
  EXPECT_EQ(side.context, kernel::ContextKind::Dpc);
  EXPECT_EQ(side.irql, kernel::kDispatchLevel);
  EXPECT_EQ(side.site.symbol, "vidport_test_dpc_creating_lock");
  ASSERT_EQ(side.locks.size(), 2u);
  EXPECT_EQ(side.locks[0].kind, findings::HeldLock::Kind::DpcExclusion);
  EXPECT_EQ(side.locks[0].taken_at.symbol, "vidport_test_dpc_creating_lock") << "names the DPC";
  EXPECT_EQ(side.locks[0].taken_at.symbol_offset, 0u);
  EXPECT_EQ(side.locks[1].kind, findings::HeldLock::Kind::SpinLock);
  EXPECT_EQ(side.locks[1].taken_at.symbol, "vidport_test_dpc_creating_lock");
  EXPECT_FALSE(findings[0].other.has_value());
}

// Scenario: a miniport spin lock acquired twice by the same processor. Expected: the machine halts
// with a fatal SpinLockRecursion finding whose other site is the first acquisition, instead of
// spinning forever. Negative control: acquire/release/acquire/release is clean and restores IRQL.
TEST(SpinLocks, RecursiveAcquireHaltsWithBothSites) {
  Rig rig;
  UCHAR irql_inside = 0, irql_after = 0xFF;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    PSPIN_LOCK lock = nullptr;
    VideoPortCreateSpinLock(rig.extension(), &lock);
    UCHAR old = 0;
    for (int i = 0; i < 2; ++i) {
      VideoPortAcquireSpinLock(rig.extension(), lock, &old);
      irql_inside = VideoPortGetCurrentIrql();
      VideoPortReleaseSpinLock(rig.extension(), lock, old);
    }
    irql_after = VideoPortGetCurrentIrql();
  }));
  EXPECT_EQ(irql_inside, 2);
  EXPECT_EQ(irql_after, 0);
  EXPECT_EQ(rig.machine.findings().size(), 0u);

  auto task = rig.machine.post(0, [&] {
    PSPIN_LOCK lock = nullptr;
    VideoPortCreateSpinLock(rig.extension(), &lock);
    UCHAR old = 0, old2 = 0;
    VideoPortAcquireSpinLock(rig.extension(), lock, &old);
    VideoPortAcquireSpinLock(rig.extension(), lock, &old2);
  });
  std::optional<bool> completed = task->wait_for(kDeadline);
  ASSERT_TRUE(completed.has_value()) << "the recursive acquire hung";
  EXPECT_FALSE(*completed);
  auto stop = rig.machine.stop_finding();
  ASSERT_TRUE(stop.has_value());
  EXPECT_EQ(stop->kind, findings::FindingKind::SpinLockRecursion);
  // The second side is the first acquisition: same processor, passive code at DISPATCH_LEVEL
  // (VideoPortAcquireSpinLock raised before taking the lock), at another call site; the primary
  // side holds the lock taken there.
  ASSERT_TRUE(stop->other.has_value());
  EXPECT_EQ(stop->other_role, "lock taken at");
  EXPECT_NE(stop->other->site.address, stop->primary.site.address);
  EXPECT_EQ(stop->other->site.module, stop->primary.site.module);
  EXPECT_EQ(stop->other->context, kernel::ContextKind::Passive);
  EXPECT_EQ(stop->other->irql, kernel::kDispatchLevel);
  EXPECT_EQ(stop->other->processor, stop->primary.processor);
  EXPECT_TRUE(stop->other->locks.empty());
  ASSERT_EQ(stop->primary.locks.size(), 1u);
  EXPECT_EQ(stop->primary.locks[0].kind, findings::HeldLock::Kind::SpinLock);
  EXPECT_EQ(stop->primary.locks[0].taken_at.address, stop->other->site.address);
}

struct EventState {
  PEVENT event = nullptr;
  std::atomic<int> dpc_runs{0};
};
EventState* g_event_state = nullptr;

VOID signal_from_dpc(PVOID extension, PVOID) {
  VideoPortSetEvent(extension, g_event_state->event);
  g_event_state->dpc_runs.fetch_add(1);
}

BOOLEAN isr_queues_signal(PVOID extension) {
  VideoPortQueueDpc(extension, &signal_from_dpc, nullptr);
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);
  return TRUE;
}

// Scenario: one processor only, virtual clock. Passive code starts the device's 2 ms periodic
// interrupt and waits on an event that the ISR's DPC signals. Expected: while the passive code is
// blocked, its processor still takes the interrupt and runs the DPC, which satisfies the wait
// after exactly 2 ms of clock time (the clock jumped there: nothing else could run). A second
// wait with a 1 ms timeout on the (synchronization, now reset) event times out: WAIT_TIMEOUT.
TEST(Events, WaitIsSatisfiedByDpcOnTheSameProcessor) {
  EventState state;
  g_event_state = &state;
  kernel::MachineConfig config;
  config.processors = 1;
  config.clock = kernel::ClockKind::Virtual;
  Rig rig(config);
  ASSERT_TRUE(rig.connect(&isr_queues_signal));
  VP_STATUS first = -1, second = -1;
  kernel::ClockTime waited = 0;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    VideoPortCreateEvent(rig.extension(), 0 /* synchronization, not signaled */, nullptr, &state.event);
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kParamLow), 2000 & 0xFF);
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kParamHigh), 2000 >> 8);
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kControl), devices::PulseDevice::kPeriodic);
    kernel::ClockTime start = rig.machine.clock().now();
    first = VideoPortWaitForSingleObject(rig.extension(), state.event, nullptr);
    waited = rig.machine.clock().now() - start;
    VideoPortWritePortUchar(rig.port(devices::PulseDevice::kControl), 0);
    LARGE_INTEGER timeout;
    timeout.QuadPart = -10000;  // 1 ms, relative, in 100 ns units
    second = VideoPortWaitForSingleObject(rig.extension(), state.event, &timeout);
    VideoPortDeleteEvent(rig.extension(), state.event);
  }));
  EXPECT_EQ(first, NO_ERROR);
  EXPECT_EQ(second, static_cast<VP_STATUS>(0x102)) << "WAIT_TIMEOUT";
  EXPECT_EQ(state.dpc_runs.load(), 1);
  EXPECT_GE(waited, 2 * kernel::kMillisecond);
  EXPECT_LT(waited, 2 * kernel::kMillisecond + 10 * kernel::kMicrosecond);
  EXPECT_EQ(rig.machine.findings().size(), 0u);
}

}  // namespace
}  // namespace vidport::testing
