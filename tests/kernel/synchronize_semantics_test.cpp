// VideoPortSynchronizeExecution's documented semantics, per priority and profile
// (semantics-decisions.md): the IRQL inside the callback, whether the interrupt lock is held, the
// no-ISR fallback, the return value and Context passthrough, an invalid priority.
#include <gtest/gtest.h>

#include "rig.h"

namespace vidport::testing {
namespace {

BOOLEAN never_claims(PVOID) { return FALSE; }

struct Observation {
  int calls = 0;
  UCHAR irql = 0xFF;
  bool holds_interrupt_lock = false;
  kernel::ContextKind context = kernel::ContextKind::Passive;
  PVOID context_seen = nullptr;
};

Observation* g_observation = nullptr;
videoport::Adapter* g_adapter = nullptr;

BOOLEAN observe(PVOID context) {
  kernel::Processor* p = kernel::current_processor();
  g_observation->calls++;
  g_observation->irql = VideoPortGetCurrentIrql();
  g_observation->context = p->context();
  g_observation->context_seen = context;
  kernel::InterruptObject* interrupt = g_adapter->interrupt();
  g_observation->holds_interrupt_lock = interrupt != nullptr && interrupt->lock.held_by(*p);
  return TRUE;
}

struct IrqlCase {
  kernel::SyncProfile profile;
  bool with_isr;
  VIDEO_SYNCHRONIZE_PRIORITY priority;
  UCHAR caller_irql;      // the IRQL the caller runs at
  UCHAR expected_irql;    // inside the callback
  bool expected_lock;     // the interrupt spin lock is held inside
  const char* name;
};

class SynchronizeIrql : public ::testing::TestWithParam<IrqlCase> {};

// Scenario: one synchronize call from a processor at the given IRQL. Expected: the callback runs
// once, in the SynchronizeCallback context, at the decided IRQL, holding the interrupt lock exactly
// when the decision table says so; the caller's IRQL is restored afterwards.
TEST_P(SynchronizeIrql, CallbackRunsWhereTheDecisionTableSays) {
  const IrqlCase& c = GetParam();
  kernel::MachineConfig config;
  config.profile = c.profile;
  Rig rig(config);
  if (c.with_isr) {
    ASSERT_TRUE(rig.connect(&never_claims));
  }
  Observation seen;
  g_observation = &seen;
  g_adapter = &rig.adapter;
  UCHAR after = 0xFF;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    kernel::Processor& p = *kernel::current_processor();
    kernel::Irql old = p.raise_irql(c.caller_irql);
    VideoPortSynchronizeExecution(rig.extension(), c.priority, &observe, rig.extension());
    after = VideoPortGetCurrentIrql();
    p.lower_irql(old);
  }));
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.irql, c.expected_irql);
  EXPECT_EQ(seen.holds_interrupt_lock, c.expected_lock);
  EXPECT_EQ(seen.context, kernel::ContextKind::SynchronizeCallback);
  EXPECT_EQ(after, c.caller_irql);
  EXPECT_EQ(rig.machine.findings().size(), 0u);
}

using kernel::SyncProfile;
constexpr UCHAR P = 0, D = 2, DIRQL = 11, SYNCH = 12, HIGH = 15;  // line 9 has DIRQL 11

INSTANTIATE_TEST_SUITE_P(
    Table, SynchronizeIrql,
    ::testing::Values(
        IrqlCase{SyncProfile::Docs, true, VpLowPriority, P, D, false, "docs_isr_low"},
        IrqlCase{SyncProfile::Docs, true, VpMediumPriority, P, DIRQL, true, "docs_isr_medium"},
        IrqlCase{SyncProfile::Docs, true, VpHighPriority, P, HIGH, true, "docs_isr_high"},
        IrqlCase{SyncProfile::Docs, false, VpLowPriority, P, D, false, "docs_noisr_low"},
        IrqlCase{SyncProfile::Docs, false, VpMediumPriority, P, D, false, "docs_noisr_medium"},
        IrqlCase{SyncProfile::Docs, false, VpHighPriority, P, HIGH, false, "docs_noisr_high"},
        IrqlCase{SyncProfile::Docs, true, VpMediumPriority, D, DIRQL, true, "docs_isr_medium_from_dispatch"},
        IrqlCase{SyncProfile::Nt4, true, VpLowPriority, P, D, false, "nt4_isr_low"},
        IrqlCase{SyncProfile::Nt4, true, VpMediumPriority, P, DIRQL, true, "nt4_isr_medium"},
        IrqlCase{SyncProfile::Nt4, true, VpHighPriority, P, HIGH, true, "nt4_isr_high"},
        IrqlCase{SyncProfile::Nt4, false, VpMediumPriority, P, HIGH, false, "nt4_noisr_medium"},
        IrqlCase{SyncProfile::Nt4, false, VpHighPriority, P, HIGH, false, "nt4_noisr_high"},
        IrqlCase{SyncProfile::ReactOS, true, VpLowPriority, P, P, false, "reactos_isr_low"},
        IrqlCase{SyncProfile::ReactOS, true, VpLowPriority, D, D, false, "reactos_isr_low_from_dispatch"},
        IrqlCase{SyncProfile::ReactOS, true, VpMediumPriority, P, DIRQL, true, "reactos_isr_medium"},
        IrqlCase{SyncProfile::ReactOS, true, VpHighPriority, P, SYNCH, false, "reactos_isr_high"},
        IrqlCase{SyncProfile::ReactOS, false, VpMediumPriority, P, D, false, "reactos_noisr_medium"},
        IrqlCase{SyncProfile::ReactOS, false, VpHighPriority, P, SYNCH, false, "reactos_noisr_high"}),
    [](const auto& info) { return std::string(info.param.name); });

BOOLEAN return_false(PVOID) { return FALSE; }
PVOID g_context_seen = reinterpret_cast<PVOID>(0x1);
BOOLEAN record_context(PVOID context) {
  g_context_seen = context;
  return TRUE;
}

// Scenario: the routine's BOOLEAN and its Context. Expected: TRUE and FALSE come back as the
// routine returned them; Context arrives unchanged, NULL included, for every priority.
TEST(SynchronizePassthrough, ReturnValueAndContextPassUnchanged) {
  Rig rig;
  ASSERT_TRUE(rig.connect(&never_claims));
  int marker = 0;
  for (VIDEO_SYNCHRONIZE_PRIORITY priority : {VpLowPriority, VpMediumPriority, VpHighPriority}) {
    BOOLEAN t = 0xAA, f = 0xAA;
    PVOID seen_marker = nullptr, seen_null = &marker;
    ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
      t = VideoPortSynchronizeExecution(rig.extension(), priority, &record_context, &marker);
      seen_marker = g_context_seen;
      VideoPortSynchronizeExecution(rig.extension(), priority, &record_context, nullptr);
      seen_null = g_context_seen;
      f = VideoPortSynchronizeExecution(rig.extension(), priority, &return_false, nullptr);
    }));
    EXPECT_EQ(t, TRUE);
    EXPECT_EQ(f, FALSE);
    EXPECT_EQ(seen_marker, &marker);
    EXPECT_EQ(seen_null, nullptr);
  }
  EXPECT_EQ(rig.machine.findings().size(), 0u);
}

int g_invalid_calls = 0;
}  // namespace
}  // namespace vidport::testing

// A C helper (raw_priority_call.c): only C may put 7 into a VIDEO_SYNCHRONIZE_PRIORITY.
extern "C" BOOLEAN vidport_test_synchronize_with_raw_priority(PVOID extension, int priority,
                                                              PMINIPORT_SYNCHRONIZE_ROUTINE routine, PVOID context);

namespace vidport::testing {
namespace {
BOOLEAN count_invalid(PVOID) {
  ++g_invalid_calls;
  return TRUE;
}

// Scenario: a priority outside VIDEO_SYNCHRONIZE_PRIORITY. Expected: FALSE, the routine is not
// called, and one SyncInvalidPriority finding blames the caller; the machine keeps running.
TEST(SynchronizeInvalidPriority, ReturnsFalseWithoutCallingAndReports) {
  Rig rig;
  ASSERT_TRUE(rig.connect(&never_claims));
  g_invalid_calls = 0;
  BOOLEAN result = TRUE;
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    result = vidport_test_synchronize_with_raw_priority(rig.extension(), 7, &count_invalid, nullptr);
  }));
  EXPECT_EQ(result, FALSE);
  EXPECT_EQ(g_invalid_calls, 0);
  auto findings = rig.machine.findings().snapshot();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, findings::FindingKind::SyncInvalidPriority);
  EXPECT_EQ(findings[0].primary.processor, 0);
  EXPECT_NE(findings[0].message.find("priority 7"), std::string::npos);
  EXPECT_FALSE(rig.machine.halted());
}

}  // namespace
}  // namespace vidport::testing
