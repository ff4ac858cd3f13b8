// Interrupt delivery rules: level-sensitive lines re-deliver until the device is acknowledged;
// a line no ISR claims is masked and reported after the documented threshold; latched lines
// deliver once per edge.
#include <gtest/gtest.h>

#include "rig.h"

namespace vidport::testing {
namespace {

std::atomic<int> g_calls{0};
int g_ack_on_call = 0;

// Claims every time, but dismisses the device only on the g_ack_on_call-th call.
BOOLEAN acknowledge_late(PVOID) {
  int n = g_calls.fetch_add(1) + 1;
  if (n == g_ack_on_call) VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);
  return TRUE;
}

BOOLEAN never_claims(PVOID) {
  g_calls.fetch_add(1);
  return FALSE;
}

// Scenario: a level-sensitive line whose ISR dismisses the device only on its third call.
// Expected: exactly three deliveries for one raise, then silence; no finding.
TEST(InterruptDelivery, LevelLineRedeliversUntilAcknowledged) {
  g_calls = 0;
  g_ack_on_call = 3;
  Rig rig;
  ASSERT_TRUE(rig.connect(&acknowledge_late, kernel::InterruptMode::LevelSensitive));
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return !rig.machine.interrupts().line_asserted(kLine); }));
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [] {}));  // let every processor settle
  ASSERT_TRUE(run_with_deadline(rig.machine, 1, [] {}));
  EXPECT_EQ(g_calls.load(), 3);
  auto stats = rig.machine.interrupts().statistics(kLine);
  EXPECT_EQ(stats.delivered, 3u);
  EXPECT_EQ(stats.claimed, 3u);
  EXPECT_EQ(rig.machine.findings().size(), 0u);
}

// Scenario: a latched line whose ISR never dismisses the device. Expected: one delivery for the
// one rising edge — a latched line does not re-deliver while it stays asserted.
TEST(InterruptDelivery, LatchedLineDeliversOncePerEdge) {
  g_calls = 0;
  g_ack_on_call = 1000000;
  Rig rig;
  ASSERT_TRUE(rig.connect(&acknowledge_late, kernel::InterruptMode::Latched));
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return g_calls.load() == 1; }));
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [] {}));
  ASSERT_TRUE(run_with_deadline(rig.machine, 1, [] {}));
  EXPECT_EQ(g_calls.load(), 1);
}

// Scenario: a level line stays asserted and its only ISR never claims it. Expected: after the
// configured threshold of consecutive unclaimed deliveries the line is masked, one InterruptStorm
// finding names the ISR, and the machine keeps running (a task still completes).
TEST(InterruptDelivery, UnclaimedLevelLineIsMaskedAndReported) {
  g_calls = 0;
  kernel::MachineConfig config;
  config.storm_threshold = 500;
  Rig rig(config);
  ASSERT_TRUE(rig.connect(&never_claims, kernel::InterruptMode::LevelSensitive));
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return rig.machine.interrupts().statistics(kLine).masked; }));
  auto stats = rig.machine.interrupts().statistics(kLine);
  EXPECT_TRUE(stats.storm);
  EXPECT_EQ(stats.unclaimed, 500u);
  EXPECT_EQ(g_calls.load(), 500);
  auto findings = rig.machine.findings().snapshot();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, findings::FindingKind::InterruptStorm);
  EXPECT_NE(findings[0].message.find("no ISR claimed it"), std::string::npos);
  EXPECT_EQ(findings[0].primary.site.symbol.find("never_claims") != std::string::npos, true)
      << findings[0].primary.site.describe();
  EXPECT_TRUE(run_with_deadline(rig.machine, 0, [] {}));
  EXPECT_FALSE(rig.machine.halted());
}

// Scenario: the ISR claims a level line but never dismisses the device (the "never acknowledges"
// bug). Expected: a storm finding that says the ISR claims but never dismisses; line masked.
TEST(InterruptDelivery, ClaimedButNeverAcknowledgedIsAStorm) {
  g_calls = 0;
  g_ack_on_call = 1000000;
  kernel::MachineConfig config;
  config.storm_threshold = 500;
  Rig rig(config);
  ASSERT_TRUE(rig.connect(&acknowledge_late, kernel::InterruptMode::LevelSensitive));
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return rig.machine.interrupts().statistics(kLine).masked; }));
  auto findings = rig.machine.findings().snapshot();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, findings::FindingKind::InterruptStorm);
  EXPECT_NE(findings[0].message.find("never dismisses"), std::string::npos);
}

// Negative control for both storm tests: an ISR that dismisses at once produces no storm however
// many interrupts arrive.
TEST(InterruptDelivery, PromptlyAcknowledgedInterruptsAreNoStorm) {
  g_calls = 0;
  g_ack_on_call = 1;
  kernel::MachineConfig config;
  config.storm_threshold = 50;
  Rig rig(config);
  ASSERT_TRUE(rig.connect(&acknowledge_late, kernel::InterruptMode::LevelSensitive));
  for (int i = 0; i < 200; ++i) {
    g_ack_on_call = i + 1;
    rig.device.raise();
    ASSERT_TRUE(spin_until([&] { return g_calls.load() == i + 1; }));
    ASSERT_TRUE(spin_until([&] { return !rig.machine.interrupts().line_asserted(kLine); }));
  }
  EXPECT_FALSE(rig.machine.interrupts().statistics(kLine).masked);
  EXPECT_EQ(rig.machine.findings().size(), 0u);
}

}  // namespace
}  // namespace vidport::testing
