// `vidport run` with no arguments — `make demo` — checked end to end: vgasync on the POSTed VGA
// animates its palette from the ISR, the screenshots show exactly the queued palettes, no tears,
// exit code 0; the same with 1 and 4 processors.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "image/image.h"
#include "vidport_run.h"

namespace {

namespace fs = std::filesystem;

using DemoRun = vidport::testing::VidportRun;

DemoRun run_demo(const std::string& extra, const fs::path& out) {
  return vidport::testing::vidport_run(VIDPORT_CLI, extra, out);
}

// QEMU's 6-to-8-bit DAC expansion (shared/refs/README.md), written out here on purpose: the
// expected colours must not come from vidport's renderer.
std::uint8_t expand(unsigned v) { return static_cast<std::uint8_t>((v << 2) | ((v & 1) * 3)); }

// Entry 0 of the demo's palette step k, as the demo queues it: 6-bit (3k*7, 11k, 9k) & 63.
std::array<std::uint8_t, 3> entry0_of_step(unsigned k) {
  return {expand((k * 7) & 63), expand((k * 11) & 63), expand((k * 9) & 63)};
}

std::array<std::uint8_t, 3> top_left(const fs::path& png) {
  vidport::image::Image shot;
  std::string error = vidport::image::read_png(png.string(), shot);
  EXPECT_EQ(error, "") << png;
  if (!error.empty() || shot.width == 0) return {1, 2, 3};
  return {shot.rgb[0], shot.rgb[1], shot.rgb[2]};
}

class Demo : public ::testing::TestWithParam<int> {};

// Scenario: `vidport run [--cpus N] --out DIR` with nothing else. Expected: exit code 0; the report
// says vgasync's ISR applied all 12 queued palettes and one pan at retrace, its callbacks never
// overlapped the ISR, the VGA saw 0 tears and no finding was made; the screenshots after palette
// steps 3, 7 and 11 show the picture's colour 0 (its top-left pixel) as exactly that step's entry 0.
TEST_P(Demo, AnimatesThePaletteFromTheIsrWithoutTears) {
  const int cpus = GetParam();
  const fs::path out = fs::path(::testing::TempDir()) / ("vidport_demo_" + std::to_string(cpus));
  DemoRun run = run_demo(cpus == 2 ? "" : "--cpus " + std::to_string(cpus), out);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  ASSERT_FALSE(run.report.is_discarded()) << run.output;
  const nlohmann::json& demo = run.report["demo"];
  ASSERT_TRUE(demo.is_object()) << run.output;
  EXPECT_EQ(demo["failed_step"], "");
  EXPECT_GE(demo["palette_updates_applied"].get<int>(), 12);
  EXPECT_EQ(demo["pans_applied"], 1);
  EXPECT_EQ(demo["exclusion_violations"], 0);
  EXPECT_GE(demo["retraces"].get<int>(), 13);
  EXPECT_EQ(run.report["vga"]["tears"], 0);
  EXPECT_EQ(run.report["findings"].size(), 0u);
  EXPECT_EQ(run.report["machine"]["cpus"], cpus);
  EXPECT_NE(run.output.find("VGA tears: 0"), std::string::npos) << run.output;
  for (unsigned k : {3u, 7u, 11u}) {
    char name[32];
    std::snprintf(name, sizeof name, "13h-palette-%02u.png", k);
    EXPECT_EQ(top_left(out / name), entry0_of_step(k)) << name;
  }
  EXPECT_NE(top_left(out / "13h-palette-03.png"), top_left(out / "13h-palette-07.png"));
  EXPECT_TRUE(fs::exists(out / "text.png"));
}

INSTANTIATE_TEST_SUITE_P(Cpus, Demo, ::testing::Values(1, 2, 4));

}  // namespace
