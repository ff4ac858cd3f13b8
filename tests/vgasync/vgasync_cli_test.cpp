// vgasync under the real `vidport run` (the host's machine): a scenario that animates the palette
// from the ISR with screenshots, and the buggy twins (c) and (d) with their findings and exit codes.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "image/image.h"
#include "vidport_run.h"

namespace {

namespace fs = std::filesystem;

using CliRun = vidport::testing::VidportRun;

// Runs `vidport run ARGS --out DIR` and reads DIR/report.json.
CliRun vidport_run(const std::string& args, const fs::path& out) {
  return vidport::testing::vidport_run(VIDPORT_CLI, args, out);
}

std::string module(const std::string& name) { return std::string(VGASYNC_MODULE_DIR) + "/" + name + ".so"; }
fs::path out_dir(const std::string& name) { return fs::path(::testing::TempDir()) / ("vgasync_cli_" + name); }

// The colour the whole 13h screen shows (13h memory is cleared: every pixel is DAC entry 0).
std::array<std::uint8_t, 3> screen_colour(const fs::path& png) {
  vidport::image::Image shot;
  std::string error = vidport::image::read_png(png.string(), shot);
  EXPECT_EQ(error, "");
  if (!error.empty() || shot.width == 0) return {1, 1, 1};
  const std::uint8_t* p = shot.pixel(shot.width / 2, shot.height / 2);
  return {p[0], p[1], p[2]};
}

// Scenario: tests/vgasync/scenarios/animate.yaml: 13h, a red then a blue palette entry 0, each
// written by the ISR at the retrace the request waits for; the screenshots show red then blue,
// the retrace interrupt was delivered and claimed, no finding, exit code 0.
TEST(VgasyncCliTest, ScenarioAnimatesPaletteFromIsr) {
  const fs::path out = out_dir("scenario");
  CliRun run = vidport_run("--miniport " + module("vgasync") + " --scenario " + std::string(VIDPORT_SOURCE_DIR) +
                            "/tests/vgasync/scenarios/animate.yaml",
                        out);
  ASSERT_EQ(run.exit_code, 0);
  ASSERT_TRUE(run.report.is_object());
  EXPECT_TRUE(run.report["findings"].empty());
  const auto& interrupt = run.report["adapters"][0]["interrupt"];
  EXPECT_EQ(interrupt["line"], 9);
  EXPECT_GE(interrupt["claimed"].get<int>(), 5);
  EXPECT_EQ(interrupt["claimed"], interrupt["delivered"]);
  EXPECT_EQ(run.report["screenshots"].size(), 2u);
  EXPECT_EQ(screen_colour(out / "red.png"), (std::array<std::uint8_t, 3>{255, 0, 0}));
  EXPECT_EQ(screen_colour(out / "blue.png"), (std::array<std::uint8_t, 3>{0, 0, 255}));
}

// Scenario: twin (d) never acknowledges the retrace: the level line is re-delivered until it is
// masked as a storm, a finding, exit code 1. Twin (c) calls VideoPortSynchronizeExecution from its
// ISR: the machine stops with SYNC_NESTED_DEADLOCK, exit code 3. Negative control: vgasync's own
// default run is clean.
TEST(VgasyncCliTest, BuggyTwinsFindingsAndExitCodes) {
  CliRun no_ack = vidport_run("--miniport " + module("vgasync_bug_no_ack"), out_dir("no_ack"));
  EXPECT_EQ(no_ack.exit_code, 1);
  ASSERT_TRUE(no_ack.report.is_object());
  ASSERT_FALSE(no_ack.report["findings"].empty());
  EXPECT_EQ(no_ack.report["findings"][0]["kind"], "interrupt-storm");
  EXPECT_EQ(no_ack.report["adapters"][0]["interrupt"]["storm"], true);

  CliRun sync_from_isr = vidport_run("--miniport " + module("vgasync_bug_sync_from_isr"), out_dir("sync_from_isr"));
  EXPECT_EQ(sync_from_isr.exit_code, 3);
  ASSERT_TRUE(sync_from_isr.report.is_object());
  EXPECT_EQ(sync_from_isr.report["stop"]["kind"], "sync-nested-deadlock");
  EXPECT_EQ(sync_from_isr.report["stop"]["primary"]["context"], "isr");
  // The second side is the ISR holding the lock it tried to take again.
  EXPECT_EQ(sync_from_isr.report["stop"]["other"]["role"], "ISR holding the lock");
  EXPECT_EQ(sync_from_isr.report["stop"]["other"]["site"]["symbol"], "VgaSyncInterrupt");

  CliRun clean = vidport_run("--miniport " + module("vgasync"), out_dir("clean"));
  EXPECT_EQ(clean.exit_code, 0);
  ASSERT_TRUE(clean.report.is_object());
  EXPECT_TRUE(clean.report["findings"].empty());
  EXPECT_TRUE(clean.report["stop"].is_null());
}

}  // namespace
