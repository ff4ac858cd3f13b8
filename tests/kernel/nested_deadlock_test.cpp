// A synchronize call made while the processor already holds that interrupt's lock would spin
// forever on Windows. vidport must stop the machine with a SyncNestedDeadlock finding that names
// both call sites, and must not hang (every wait here has a deadline).
#include <gtest/gtest.h>

#include "rig.h"

namespace vidport::testing {
namespace {

std::atomic<bool> g_returned_from_nested{false};

BOOLEAN inner_callback(PVOID) { return TRUE; }

// An ISR that (wrongly) calls VideoPortSynchronizeExecution.
extern "C" BOOLEAN vidport_test_isr_calling_synchronize(PVOID extension) {
  VideoPortSynchronizeExecution(extension, VpMediumPriority, &inner_callback, nullptr);
  g_returned_from_nested = true;
  return TRUE;
}

// A synchronize callback that (wrongly) nests another synchronize call.
extern "C" BOOLEAN vidport_test_callback_nesting_synchronize(PVOID extension) {
  VideoPortSynchronizeExecution(extension, VpHighPriority, &inner_callback, nullptr);
  g_returned_from_nested = true;
  return TRUE;
}

BOOLEAN quiet_isr(PVOID) { return FALSE; }

// The outer call of the nesting case, in a function of its own so its call site has a name (the
// store after the call keeps the compiler from turning it into a tail jump, which would leave
// no return address inside this function).
std::atomic<int> g_outer_returns{0};
extern "C" __attribute__((noinline)) void vidport_test_outer_synchronize(void* extension) {
  VideoPortSynchronizeExecution(extension, VpMediumPriority, &vidport_test_callback_nesting_synchronize, extension);
  g_outer_returns.fetch_add(1);
}

// Scenario: HwVidInterrupt calls VideoPortSynchronizeExecution(VpMediumPriority) on its own
// adapter. Expected: the machine halts within the deadline with one fatal SyncNestedDeadlock
// finding whose call site is inside the ISR and whose other site is the ISR holding the lock; the
// nested call never returns into the miniport.
TEST(NestedSynchronize, FromIsrIsReportedNotHung) {
  Rig rig;
  g_returned_from_nested = false;
  ASSERT_TRUE(rig.connect(&vidport_test_isr_calling_synchronize));
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return rig.machine.halted(); }));
  auto stop = rig.machine.stop_finding();
  ASSERT_TRUE(stop.has_value());
  EXPECT_EQ(stop->kind, findings::FindingKind::SyncNestedDeadlock);
  EXPECT_EQ(stop->severity, findings::Severity::Fatal);
  EXPECT_EQ(stop->primary.context, kernel::ContextKind::Isr);
  EXPECT_EQ(stop->primary.irql, 11);
  EXPECT_EQ(stop->primary.site.symbol, "vidport_test_isr_calling_synchronize");
  // The nested call holds its ISR's interrupt lock, taken at the ISR.
  ASSERT_EQ(stop->primary.locks.size(), 1u);
  EXPECT_EQ(stop->primary.locks[0].kind, findings::HeldLock::Kind::InterruptLock);
  EXPECT_EQ(stop->primary.locks[0].line, kLine);
  EXPECT_EQ(stop->primary.locks[0].dirql, 11);
  EXPECT_EQ(stop->primary.locks[0].taken_at.symbol, "vidport_test_isr_calling_synchronize");
  // The second side is the holder: the ISR itself, on the same processor, at its DIRQL, holding
  // nothing else.
  ASSERT_TRUE(stop->other.has_value());
  EXPECT_EQ(stop->other_role, "ISR holding the lock");
  EXPECT_EQ(stop->other->site.symbol, "vidport_test_isr_calling_synchronize");
  EXPECT_EQ(stop->other->site.symbol_offset, 0u) << "the ISR itself holds the lock";
  EXPECT_EQ(stop->other->context, kernel::ContextKind::Isr);
  EXPECT_EQ(stop->other->irql, 11);
  EXPECT_EQ(stop->other->processor, stop->primary.processor);
  EXPECT_TRUE(stop->other->locks.empty());
  EXPECT_FALSE(g_returned_from_nested.load());
  EXPECT_EQ(rig.machine.findings().size(), 1u) << "one finding for one mistake";
  // A halted machine runs nothing more, and says so instead of hanging.
  EXPECT_FALSE(run_with_deadline(rig.machine, 0, [] {}));
}

// Scenario: a VpMediumPriority callback nests VpHighPriority on the same adapter. Expected: halt
// with SyncNestedDeadlock; the call site is in the callback, the other site is the outer call.
TEST(NestedSynchronize, FromCallbackIsReportedNotHung) {
  Rig rig;
  g_returned_from_nested = false;
  ASSERT_TRUE(rig.connect(&quiet_isr));
  auto task = rig.machine.post(0, [&] { vidport_test_outer_synchronize(rig.extension()); });
  std::optional<bool> completed = task->wait_for(kDeadline);
  ASSERT_TRUE(completed.has_value()) << "the nested call hung";
  EXPECT_FALSE(*completed) << "the task must be abandoned, not completed";
  auto stop = rig.machine.stop_finding();
  ASSERT_TRUE(stop.has_value());
  EXPECT_EQ(stop->kind, findings::FindingKind::SyncNestedDeadlock);
  EXPECT_EQ(stop->primary.context, kernel::ContextKind::SynchronizeCallback);
  EXPECT_EQ(stop->primary.site.symbol, "vidport_test_callback_nesting_synchronize");
  // The second side is the code that took the lock: the outer call, made at PASSIVE_LEVEL from
  // the passive task on processor 0.
  ASSERT_TRUE(stop->other.has_value());
  EXPECT_EQ(stop->other_role, "lock taken at");
  EXPECT_EQ(stop->other->site.symbol, "vidport_test_outer_synchronize");
  EXPECT_EQ(stop->other->context, kernel::ContextKind::Passive);
  EXPECT_EQ(stop->other->irql, kernel::kPassiveLevel);
  EXPECT_EQ(stop->other->processor, 0);
  ASSERT_EQ(stop->primary.locks.size(), 1u);
  EXPECT_EQ(stop->primary.locks[0].taken_at.symbol, "vidport_test_outer_synchronize");
  EXPECT_NE(stop->message.find("VpHighPriority"), std::string::npos);
  EXPECT_FALSE(g_returned_from_nested.load());
}

// Negative control: the same outer call with a callback that does not nest completes, and the
// machine records nothing.
TEST(NestedSynchronize, NonNestingCallbackRunsClean) {
  Rig rig;
  ASSERT_TRUE(rig.connect(&quiet_isr));
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    VideoPortSynchronizeExecution(rig.extension(), VpMediumPriority, &inner_callback, nullptr);
  }));
  EXPECT_FALSE(rig.machine.halted());
  EXPECT_EQ(rig.machine.findings().size(), 0u);
}

}  // namespace
}  // namespace vidport::testing
