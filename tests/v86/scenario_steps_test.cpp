// The scenario's full-screen steps as parsed: full_screen paths relative to the scenario's
// folder, hardware_state save/restore, and the mistakes reported with their line.
#include <gtest/gtest.h>

#include <variant>

#include "host/scenario.h"

namespace vidport::host {
namespace {

// Scenario: a scenario in /data/s.yaml names prog/a.bin, an absolute program, and both
// hardware_state forms; the run needs a PC because of the full_screen steps.
TEST(ScenarioFullScreenSteps, ParsesProgramsAndStateSteps) {
  auto parsed = parse_scenario(
      "steps:\n  - full_screen: prog/a.bin\n  - hardware_state: save\n  - full_screen: /abs/b.com\n"
      "  - hardware_state: restore\n",
      "/data/s.yaml");
  ASSERT_TRUE(std::holds_alternative<Scenario>(parsed)) << std::get<ScenarioError>(parsed).describe();
  const Scenario& scenario = std::get<Scenario>(parsed);
  ASSERT_EQ(scenario.steps.size(), 4u);
  EXPECT_EQ(scenario.steps[0].kind, Step::Kind::FullScreen);
  EXPECT_EQ(scenario.steps[0].file, "/data/prog/a.bin");
  EXPECT_EQ(scenario.steps[1].kind, Step::Kind::HardwareState);
  EXPECT_TRUE(scenario.steps[1].save);
  EXPECT_EQ(scenario.steps[2].file, "/abs/b.com");
  EXPECT_FALSE(scenario.steps[3].save);
  EXPECT_TRUE(uses_full_screen(scenario));
}

// Scenario: mistakes name their line; a scenario without full_screen steps needs no PC
// (negative control for uses_full_screen).
TEST(ScenarioFullScreenSteps, ReportsMistakesWithTheirLine) {
  auto bad_state = parse_scenario("steps:\n  - wait: 1ms\n  - hardware_state: later\n", "s.yaml");
  ASSERT_TRUE(std::holds_alternative<ScenarioError>(bad_state));
  EXPECT_EQ(std::get<ScenarioError>(bad_state).line, 3);
  EXPECT_NE(std::get<ScenarioError>(bad_state).reason.find("save or restore"), std::string::npos);
  auto no_program = parse_scenario("steps:\n  - full_screen: [1]\n", "s.yaml");
  ASSERT_TRUE(std::holds_alternative<ScenarioError>(no_program));
  EXPECT_EQ(std::get<ScenarioError>(no_program).line, 2);
  auto plain = parse_scenario("steps:\n  - wait: 1ms\n", "s.yaml");
  ASSERT_TRUE(std::holds_alternative<Scenario>(plain));
  EXPECT_FALSE(uses_full_screen(std::get<Scenario>(plain)));
}

}  // namespace
}  // namespace vidport::host
