// `vidport run` from a POST snapshot is `vidport run` after a fresh POST: the vgasync demo, the
// pulse sample's default requests and a full-screen program each give the same report.json and
// byte-identical screenshots whether the video BIOS ran (--no-snapshot, or the first run, which
// writes the cache file) or a second process restored the cache file. A damaged cache file never
// fails a run: the report says POST ran afresh and why, and the next run uses the rewritten file.
// Every process here uses a cache directory of this test's own (VIDPORT_SNAPSHOT_DIR).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli_runner.h"

namespace vidport::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct VidportRun {
  CliResult cli;
  json report;
  fs::path out;
};

class SnapshotCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cache_ = fresh_directory("snapshot-cache");
    ::setenv("VIDPORT_SNAPSHOT_DIR", cache_.c_str(), 1);
  }

  VidportRun run(const std::string& name, std::vector<std::string> args) {
    VidportRun r;
    r.out = fresh_directory(name);
    args.insert(args.begin(), "run");
    args.insert(args.end(), {"--out", r.out.string()});
    r.cli = run_vidport(args);
    r.report = read_report(r.out.string());
    EXPECT_EQ(schema_errors((r.out / "report.json").string()), "");
    return r;
  }

  void expect_same_runs(const std::vector<std::string>& args);

  std::string cache_;
};

// Drops the host addresses of call sites (where the loader put the module this time); their
// module and offset stay.
void drop_host_addresses(json& value) {
  if (value.is_object()) {
    if (value.contains("module") && value.contains("module_offset")) value.erase("address");
    for (auto& [key, item] : value.items()) drop_host_addresses(item);
  } else if (value.is_array()) {
    for (json& item : value) drop_host_addresses(item);
  }
}

// The report minus what says how POST was reached and the host addresses, with screenshots named
// by file, not path.
json comparable(json report) {
  report["machine"].erase("post");
  report["machine"].erase("post_note");
  drop_host_addresses(report);
  for (json& shot : report["screenshots"]) shot["path"] = fs::path(shot["path"].get<std::string>()).filename().string();
  return report;
}

// "" when the two runs' reports agree (see comparable) and their screenshots are the same bytes.
std::string compare_runs(const VidportRun& a, const VidportRun& b) {
  const json patch = json::diff(comparable(a.report), comparable(b.report));
  if (!patch.empty()) return "reports differ: " + patch.dump();
  for (const json& shot : a.report["screenshots"]) {
    const fs::path name = fs::path(shot["path"].get<std::string>()).filename();
    std::ifstream fa(a.out / name, std::ios::binary), fb(b.out / name, std::ios::binary);
    const std::string ba((std::istreambuf_iterator<char>(fa)), std::istreambuf_iterator<char>());
    const std::string bb((std::istreambuf_iterator<char>(fb)), std::istreambuf_iterator<char>());
    if (ba.empty() || ba != bb) return "screenshot " + name.string() + " differs";
  }
  return "";
}

std::string program(const std::string& name) {
  const char* binary = std::getenv("VIDPORT_BINARY_DIR");
  return std::string(binary ? binary : ".") + "/programs/" + name;
}

// What the run printed, with its --out directory written as OUT.
std::string printed(const VidportRun& r) {
  std::string text = r.cli.out;
  const std::string out = r.out.string();
  for (auto at = text.find(out); at != std::string::npos; at = text.find(out, at)) text.replace(at, out.size(), "OUT");
  return text;
}

// Scenario: the same `vidport run ARGS` three times: with --no-snapshot, then twice with an empty
// cache (the first POSTs and writes the file, the second process restores it).
void SnapshotCliTest::expect_same_runs(const std::vector<std::string>& args) {
  std::vector<std::string> no_snapshot = args;
  no_snapshot.push_back("--no-snapshot");
  const VidportRun posted = run("posted", no_snapshot);
  const VidportRun first = run("first", args);
  const VidportRun restored = run("restored", args);
  EXPECT_EQ(posted.report["machine"]["post"], "fresh");
  EXPECT_EQ(first.report["machine"]["post"], "fresh");
  EXPECT_EQ(restored.report["machine"]["post"], "snapshot-file");
  EXPECT_EQ(restored.report["machine"]["post_note"], "");
  EXPECT_EQ(posted.cli.exit_code, restored.cli.exit_code);
  EXPECT_EQ(printed(posted), printed(restored));
  EXPECT_EQ(compare_runs(posted, first), "");
  EXPECT_EQ(compare_runs(posted, restored), "");
}

TEST_F(SnapshotCliTest, VgasyncDemoFromTheCacheFileEqualsAFreshPost) {
  expect_same_runs({});
}

// The pulse sample's start-up requests, a wait and the text screen POST left. The wait ends half a
// period away from the sample's 1 ms interrupts: one due at the very end of a wait races with the
// end of the run (the default sequence's 2 s wait ends on one, so its counts can differ by one from
// run to run, snapshot or not).
TEST_F(SnapshotCliTest, PulseSampleFromTheCacheFileEqualsAFreshPost) {
  const std::string scenario = write_file("pulse.yaml",
                                          "steps:\n"
                                          "  - display_driver: standard\n"
                                          "  - wait: 200500us\n"
                                          "  - screenshot: text.png\n");
  expect_same_runs({"--miniport", miniport_path("pulse_sample"), "--scenario", scenario});
}

TEST_F(SnapshotCliTest, FullScreenProgramFromTheCacheFileEqualsAFreshPost) {
  // One processor: which of two would meet the retrace storm first is the host's choice.
  expect_same_runs({"--v86", program("hostile.bin"), "--cpus", "1"});
}

// Negative control of the comparison: a different run is a difference, in the report and in the
// screenshots.
TEST_F(SnapshotCliTest, ComparisonSeesDifferentRuns) {
  VidportRun demo = run("demo", {});
  VidportRun other = demo;
  other.report["demo"]["palette_updates_applied"] = other.report["demo"]["palette_updates_applied"].get<int>() + 1;
  EXPECT_NE(compare_runs(demo, other), "");
  VidportRun shifted = demo;
  shifted.report["screenshots"][0]["path"] = demo.report["screenshots"][1]["path"];
  shifted.report["screenshots"][1]["path"] = demo.report["screenshots"][0]["path"];
  EXPECT_NE(compare_runs(shifted, demo), "");  // two different pictures under each other's names
}

TEST_F(SnapshotCliTest, DamagedCacheFileFallsBackToAFreshPost) {
  const VidportRun posted = run("posted", {"--no-snapshot"});
  ASSERT_EQ(run("warm", {}).report["machine"]["post"], "fresh");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(cache_)) files.push_back(entry.path());
  ASSERT_EQ(files.size(), 1u);
  std::ofstream(files.front(), std::ios::binary | std::ios::trunc) << "this is not a snapshot";

  const VidportRun damaged = run("damaged", {});
  EXPECT_EQ(damaged.cli.exit_code, posted.cli.exit_code) << damaged.cli.err;
  EXPECT_EQ(damaged.report["machine"]["post"], "fresh");
  const std::string note = damaged.report["machine"]["post_note"];
  EXPECT_NE(note.find("is not a snapshot file"), std::string::npos) << note;
  EXPECT_NE(note.find("rewrote it"), std::string::npos) << note;
  EXPECT_EQ(compare_runs(posted, damaged), "");
  EXPECT_EQ(damaged.cli.err, "") << "a damaged cache file is a note in the report, not an error";

  const VidportRun next = run("next", {});
  EXPECT_EQ(next.report["machine"]["post"], "snapshot-file");
  EXPECT_EQ(compare_runs(posted, next), "");
}

}  // namespace
}  // namespace vidport::testing
