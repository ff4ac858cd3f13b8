// `vidport run --v86 PROGRAM` and the scenario's full_screen / hardware_state steps, through the
// real command line: the request order, the report's full_screen section, the screenshot of a
// program that ran through the validators, and a miniport without VDM support.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "image/image.h"
#include "vidport_run.h"
#include "image_compare.h"

namespace {

namespace fs = std::filesystem;

using CliRun = vidport::testing::VidportRun;

// Runs `vidport run ARGS --out DIR` and reads DIR/report.json.
CliRun vidport_run(const std::string& args, const fs::path& out) {
  return vidport::testing::vidport_run(VIDPORT_CLI, args, out);
}

std::string v86_test_module() { return std::string(V86_MODULE_DIR) + "/v86_test.so"; }
std::string program(const std::string& name) { return std::string(VIDPORT_PC_PROGRAMS) + "/" + name; }
fs::path out_dir(const std::string& name) { return fs::path(::testing::TempDir()) / ("v86_cli_" + name); }

std::vector<std::string> request_names(const nlohmann::json& report) {
  std::vector<std::string> names;
  for (const auto& request : report["requests"]) names.push_back(request["name"].get<std::string>());
  return names;
}

// Scenario: `vidport run --miniport v86_test.so --v86 boot13h.bin`: ENABLE_VDM, the program,
// SAVE_HARDWARE_STATE; the program halted, its sequencer and Misc Output writes went through the
// emulator routines, and its debug text (port E9h) went to the null device. Exit code 0.
TEST(V86CliTest, RunsAProgramFullScreen) {
  const CliRun run = vidport_run("--miniport " + v86_test_module() + " --v86 " + program("boot13h.bin"), out_dir("v86"));
  ASSERT_EQ(run.exit_code, 0) << run.report.dump(2);
  EXPECT_EQ(request_names(run.report),
            (std::vector<std::string>{"IOCTL_VIDEO_ENABLE_VDM", "IOCTL_VIDEO_SAVE_HARDWARE_STATE"}));
  ASSERT_EQ(run.report["full_screen"].size(), 1u);
  const auto& fs_run = run.report["full_screen"][0];
  EXPECT_EQ(fs_run["stop"], "halted");
  EXPECT_EQ(fs_run["origin"], "--v86");
  EXPECT_GE(fs_run["emulated"].get<int>(), 6);
  EXPECT_GT(fs_run["direct"].get<int>(), 0);
  bool debug_port = false;
  for (const auto& n : fs_run["null_ports"]) debug_port |= n["port"] == 0xE9 && n["accesses"] == 7;
  EXPECT_TRUE(debug_port) << fs_run.dump(2);
}

// Scenario: a scenario runs boot13h.bin full screen and takes a screenshot (QEMU's picture),
// switches away (save), runs boot03h.bin, and comes back (restore): every request succeeds, the
// report lists both programs, exit code 0.
TEST(V86CliTest, ScenarioStepsSwitchAwayAndBack) {
  const fs::path out = out_dir("scenario");
  const fs::path scenario = fs::path(::testing::TempDir()) / "v86_cli_scenario.yaml";
  {
    std::ofstream file(scenario);
    file << "steps:\n"
         << "  - full_screen: " << program("boot13h.bin") << "\n"
         << "  - screenshot: mode13h.png\n"
         << "  - hardware_state: save\n"
         << "  - full_screen: " << program("boot03h.bin") << "\n"
         << "  - hardware_state: restore\n";
  }
  const CliRun run = vidport_run("--miniport " + v86_test_module() + " --scenario " + scenario.string(), out);
  ASSERT_EQ(run.exit_code, 0) << run.report.dump(2);
  EXPECT_EQ(request_names(run.report),
            (std::vector<std::string>{"IOCTL_VIDEO_ENABLE_VDM", "IOCTL_VIDEO_SAVE_HARDWARE_STATE",
                                      "IOCTL_VIDEO_ENABLE_VDM", "IOCTL_VIDEO_RESTORE_HARDWARE_STATE"}));
  for (const auto& request : run.report["requests"]) EXPECT_EQ(request["status"], 0);
  ASSERT_EQ(run.report["full_screen"].size(), 2u);
  EXPECT_EQ(run.report["full_screen"][1]["stop"], "halted");

  vidport::image::Image expected, actual;
  ASSERT_EQ(vidport::image::read_png(std::string(VIDPORT_SOURCE_DIR) + "/tests/data/refs/qemu-mode13h.png", expected), "");
  ASSERT_EQ(vidport::image::read_png((out / "mode13h.png").string(), actual), "");
  EXPECT_EQ(vidport::pc::testing::compare_images(expected, actual), "");
}

// Scenario (negative control): the sample miniport has no VDM support and refuses
// IOCTL_VIDEO_ENABLE_VDM: the program does not run, the report says why, exit code 1.
TEST(V86CliTest, MiniportWithoutVdmSupportRefuses) {
  const CliRun run = vidport_run("--miniport " + std::string(PULSE_SAMPLE) + " --v86 " + program("boot13h.bin"),
                                 out_dir("refused"));
  EXPECT_EQ(run.exit_code, 1) << run.report.dump(2);
  EXPECT_TRUE(run.report["full_screen"].empty());
  bool explained = false;
  for (const auto& problem : run.report["problems"]) {
    explained |= problem.get<std::string>().find("IOCTL_VIDEO_ENABLE_VDM") != std::string::npos;
  }
  EXPECT_TRUE(explained) << run.report.dump(2);
}

std::string shipped(const std::string& name) { return std::string(VIDPORT_PROGRAMS_DIR) + "/" + name; }

std::size_t findings_of(const nlohmann::json& report, const std::string& kind) {
  std::size_t n = 0;
  for (const auto& finding : report["findings"]) n += finding["kind"] == kind;
  return n;
}

// Scenario: `vidport run --v86 ntreset13h.bin` with no --miniport: vgasync takes the program, its
// validator buffers the NT-style reset brackets and the report shows the playbacks (three, of
// 7 + 4 + 4 port writes, counted by hand from the program). Exit code 0.
TEST(V86CliTest, ShippedNtStyleProgramShowsItsPlaybacks) {
  const CliRun run = vidport_run("--v86 " + shipped("ntreset13h.bin"), out_dir("ntreset"));
  ASSERT_EQ(run.exit_code, 0) << run.report.dump(2);
  EXPECT_NE(run.report["miniport"].get<std::string>().find("vgasync"), std::string::npos);
  ASSERT_EQ(run.report["full_screen"].size(), 1u);
  EXPECT_EQ(run.report["full_screen"][0]["stop"], "halted");
  EXPECT_EQ(run.report["full_screen"][0]["playbacks"], 3);
  EXPECT_EQ(run.report["full_screen"][0]["playback_writes"], 15);
}

// Scenario: `vidport run --v86 boot13h.bin --out DIR` with the default miniport (vgasync): the
// reference program's mode set and drawing pass vgasync's validator, and DIR/boot13h.png (the
// screen the program left) equals QEMU's screenshot. Exit code 0, no findings.
TEST(V86CliTest, BootProgramThroughVgasyncWritesQemusScreen) {
  const fs::path out = out_dir("vgasync13h");
  const CliRun run = vidport_run("--v86 " + program("boot13h.bin"), out);
  ASSERT_EQ(run.exit_code, 0) << run.report.dump(2);
  EXPECT_TRUE(run.report["findings"].empty());
  ASSERT_EQ(run.report["screenshots"].size(), 1u);
  EXPECT_EQ(run.report["screenshots"][0]["origin"], "--v86");
  vidport::image::Image expected, actual;
  ASSERT_EQ(vidport::image::read_png(std::string(VIDPORT_SOURCE_DIR) + "/tests/data/refs/qemu-mode13h.png", expected), "");
  ASSERT_EQ(vidport::image::read_png((out / "boot13h.png").string(), actual), "");
  EXPECT_EQ(vidport::pc::testing::compare_images(expected, actual), "");
}

// Scenario: the shipped hostile program through vgasync. Expected: it runs to its end, the host
// survives, everything it tried is in the report (its refused writes as miniport-logged-error
// findings, its accesses outside the VGA under null_ports), nothing invalid reached the card (no
// device-invalid-programming finding); exit code 1 because of the findings.
TEST(V86CliTest, HostileProgramIsReportedAndStopped) {
  const CliRun run = vidport_run("--v86 " + shipped("hostile.bin"), out_dir("hostile"));
  ASSERT_EQ(run.exit_code, 1) << run.report.dump(2);
  ASSERT_EQ(run.report["full_screen"].size(), 1u);
  const auto& fs_run = run.report["full_screen"][0];
  EXPECT_EQ(fs_run["stop"], "halted");
  EXPECT_FALSE(fs_run["null_ports"].empty());
  EXPECT_GE(fs_run["string_calls"].get<int>(), 3);
  EXPECT_GE(findings_of(run.report, "miniport-logged-error"), 3u);
  EXPECT_EQ(findings_of(run.report, "device-invalid-programming"), 0u);
}

// Negative control: the same program through the "validation off" build: the VGA's programming
// oracle reports the invalid writes that landed.
TEST(V86CliTest, HostileProgramWithValidationOffIsCaughtByTheCard) {
  const CliRun run = vidport_run("--miniport " + std::string(VGASYNC_MODULE_DIR) + "/vgasync_no_validation.so --v86 " +
                                     shipped("hostile.bin"),
                                 out_dir("hostile_off"));
  ASSERT_EQ(run.exit_code, 1) << run.report.dump(2);
  EXPECT_GE(findings_of(run.report, "device-invalid-programming"), 3u);
  EXPECT_EQ(findings_of(run.report, "miniport-logged-error"), 0u);
}

}  // namespace
