// Scenario files as data: what a valid file turns into, and the file:line of mistakes (the CLI
// tests check the same through `vidport run`).
#include <gtest/gtest.h>

#include "host/scenario.h"

namespace vidport::host {
namespace {

// Scenario: durations in every unit, and malformed ones refused.
TEST(ScenarioDuration, UnitsAndMistakes) {
  EXPECT_EQ(parse_duration("500ns"), 500u);
  EXPECT_EQ(parse_duration("250us"), 250'000u);
  EXPECT_EQ(parse_duration("10ms"), 10'000'000u);
  EXPECT_EQ(parse_duration("2s"), 2'000'000'000u);
  EXPECT_EQ(parse_duration("10"), std::nullopt);
  EXPECT_EQ(parse_duration("ms"), std::nullopt);
  EXPECT_EQ(parse_duration("1.5s"), std::nullopt);
}

// Scenario: a file using every step kind and registry value type parses into the steps it says.
TEST(ScenarioParse, EveryStepKind) {
  auto parsed = parse_scenario(
      "registry:\n"
      "  Period: 0x10\n"
      "  Name: ab\n"
      "  Blob: [1, 2]\n"
      "steps:\n"
      "  - display_driver: standard\n"
      "  - ioctl: IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES\n"
      "    output_size: 8\n"
      "    expect: {status: NO_ERROR, information: 8, output_ulongs: [1]}\n"
      "  - ioctl: 0x232004\n"
      "    input_ulongs: [0x01020304]\n"
      "  - wait: 3ms\n"
      "  - wait_interrupts: 5\n"
      "    within: 1s\n",
      "s.yaml");
  ASSERT_TRUE(std::holds_alternative<Scenario>(parsed)) << std::get<ScenarioError>(parsed).describe();
  const Scenario& s = std::get<Scenario>(parsed);
  ASSERT_EQ(s.registry.size(), 3u);
  EXPECT_EQ(s.registry[0].data, (std::vector<std::uint8_t>{0x10, 0, 0, 0}));
  EXPECT_EQ(s.registry[1].type, videoport::RegistryType::String);
  EXPECT_EQ(s.registry[1].data, (std::vector<std::uint8_t>{'a', 0, 'b', 0, 0, 0}));
  EXPECT_EQ(s.registry[2].data, (std::vector<std::uint8_t>{1, 2}));
  ASSERT_EQ(s.steps.size(), 5u);
  EXPECT_EQ(s.steps[0].kind, Step::Kind::DisplayDriver);
  EXPECT_EQ(s.steps[1].ioctl, 0x230404u);  // the documented value of the code
  EXPECT_EQ(s.steps[1].line, 7);
  EXPECT_EQ(s.steps[1].expect->status, 0u);
  EXPECT_EQ(s.steps[1].expect->output_ulongs, (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(s.steps[2].input, (std::vector<std::uint8_t>{4, 3, 2, 1}));
  EXPECT_EQ(s.steps[3].duration, 3'000'000u);
  EXPECT_EQ(s.steps[4].interrupts, 5u);
  EXPECT_EQ(s.steps[4].duration, 1'000'000'000u);
}

// Scenario: mistakes are refused with the line of the offending node and a reason.
TEST(ScenarioParse, MistakesNameTheLine) {
  auto error = [](const std::string& text) { return std::get<ScenarioError>(parse_scenario(text, "f.yaml")); };
  EXPECT_EQ(error("steps:\n  - wait: 1ms\n  - ioctl: 0x1\n    input: [300]\n").describe(),
            "f.yaml:4: an input byte 300 is out of range (at most 255)");
  EXPECT_EQ(error("stepz: []\n").line, 1);
  EXPECT_EQ(error("registry: {}\n").reason, "the scenario has no steps");
  EXPECT_EQ(error("steps:\n  - wait: 1ms\n  - screenshot: a.jpg\n").describe(), "f.yaml:3: screenshot must name a .png file");
}

}  // namespace
}  // namespace vidport::host
