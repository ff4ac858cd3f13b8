// report.json is written atomically: a reader finds either the previous complete report or the
// new complete one, never a partial file, and no temporary file is left behind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/report_json.h"

namespace vidport::report {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Scenario: two runs write into the same --out directory. The second report replaces the first
// as a whole, and the directory holds report.json only.
TEST(ReportJson, ReplacesAtomicallyAndLeavesNoTemporaryFile) {
  auto dir = std::filesystem::temp_directory_path() / ("vidport-report-json-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  Report first;
  first.miniport = "first.so";
  ASSERT_EQ(write_report_json(first, dir.string()), "");
  Report second;
  second.miniport = "second.so";
  second.fail(Outcome::CrashOrHang, "the machine stopped");
  ASSERT_EQ(write_report_json(second, dir.string()), "");
  auto json = nlohmann::json::parse(read(dir / "report.json"));
  EXPECT_EQ(json["miniport"], "second.so");
  EXPECT_EQ(json["outcome"], "crash-or-hang");
  EXPECT_EQ(json["exit_code"], 3);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++files;
    EXPECT_EQ(entry.path().filename(), "report.json");
  }
  EXPECT_EQ(files, 1u);
  std::filesystem::remove_all(dir);
}

// Scenario: the outcome is the highest of everything that went wrong, whatever the order.
TEST(ReportOutcome, HighestWins) {
  Report r;
  EXPECT_EQ(r.exit_code(), 0);
  r.fail(Outcome::MiniportFailure, "a");
  r.fail(Outcome::Findings, "b");
  EXPECT_EQ(r.exit_code(), 2);
  r.fail(Outcome::HostError, "c");
  r.fail(Outcome::CrashOrHang, "d");
  EXPECT_EQ(r.exit_code(), 4);
  EXPECT_EQ(r.problems.size(), 4u);
}

// Scenario: an output directory that cannot be created gives a message naming it.
TEST(ReportJson, UnwritableDirectoryIsNamed) {
  std::string error = write_report_json(Report{}, "/proc/vidport-no-such-dir");
  EXPECT_NE(error.find("/proc/vidport-no-such-dir"), std::string::npos) << error;
}

}  // namespace
}  // namespace vidport::report
