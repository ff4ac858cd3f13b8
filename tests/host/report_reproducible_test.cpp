// report.json depends on what ran, not on the process that ran it: the same run in two processes
// (different load addresses, heap addresses and --out directories) writes the same bytes. Runs on
// more than one processor are the same run only when the host threads interleave alike; these
// scenarios are deterministic: the built-in demo (whose steps wait for each other) and runs on one
// processor.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace vidport::testing {
namespace {

struct Written {
  int exit_code = -1;
  std::string out;   // what the terminal showed
  std::string json;  // report.json, byte for byte
};

Written run_into(const std::string& name, std::vector<std::string> args) {
  std::string dir = fresh_directory(name);
  args.insert(args.begin(), "run");
  args.push_back("--out");
  args.push_back(dir);
  CliResult cli = run_vidport(args);
  std::ifstream in(dir + "/report.json", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(schema_errors(dir + "/report.json"), "") << name;
  return Written{cli.exit_code, cli.out, bytes.str()};
}

// An absolute host address: modules, heap and stacks are mapped above 4 GiB.
const std::regex kAbsoluteAddress("0x[0-9a-f]{9,}");

// Runs `args` in two processes with different --out directories; expects identical report.json
// without any absolute address, and returns the first report.
nlohmann::json expect_same_report(const std::string& name, const std::vector<std::string>& args, int exit_code) {
  Written first = run_into(name + "-1", args);
  Written second = run_into(name + "-2", args);
  EXPECT_EQ(first.exit_code, exit_code) << first.out;
  EXPECT_FALSE(first.json.empty());
  EXPECT_TRUE(first.json == second.json) << "report.json differs between two processes:\n"
                                         << first.json << "\n----\n" << second.json;
  EXPECT_FALSE(std::regex_search(first.json, kAbsoluteAddress)) << first.json;
  EXPECT_FALSE(std::regex_search(first.out, kAbsoluteAddress)) << first.out;
  return nlohmann::json::parse(first.json, nullptr, false);
}

// Scenario: the built-in demo (`vidport run --out DIR`) twice. Expected: byte-identical reports,
// screenshots named relative to the report's directory.
TEST(ReproducibleReport, DemoWritesTheSameReportInEveryProcess) {
  nlohmann::json report = expect_same_report("demo", {}, 0);
  ASSERT_FALSE(report["screenshots"].empty());
  EXPECT_EQ(report["screenshots"][0]["path"], "13h-picture.png");
}

// Scenario: vgasync's twin that calls VideoPortSynchronizeExecution from its ISR, on one
// processor, twice. Expected: byte-identical reports whose stop finding has both sides, the ISR
// holding the lock resolved to VgaSyncInterrupt.
TEST(ReproducibleReport, TwoSidedDeadlockWritesTheSameReportInEveryProcess) {
  nlohmann::json report = expect_same_report(
      "sync-from-isr", {"--cpus", "1", "--miniport", miniport_path("vgasync/vgasync_bug_sync_from_isr")}, 3);
  const nlohmann::json& stop = report["stop"];
  EXPECT_EQ(stop["kind"], "sync-nested-deadlock");
  ASSERT_TRUE(stop["other"].is_object()) << stop.dump(2);
  EXPECT_EQ(stop["other"]["site"]["symbol"], "VgaSyncInterrupt");
}

// Scenario: a miniport that takes a spin lock it holds, from a helper (defects.c), twice.
// Expected: byte-identical reports; the finding's short stack and held lock are part of them.
TEST(ReproducibleReport, SpinLockRecursionWritesTheSameReportInEveryProcess) {
  nlohmann::json report =
      expect_same_report("recursion", {"--cpus", "1", "--miniport", miniport_path("defect_spin_lock_recursion")}, 3);
  const nlohmann::json& stop = report["stop"];
  EXPECT_EQ(stop["kind"], "spin-lock-recursion");
  EXPECT_FALSE(stop["primary"]["stack"].empty()) << stop.dump(2);
  EXPECT_FALSE(stop["primary"]["locks"].empty()) << stop.dump(2);
}

// Negative control for the comparison: two runs that differ in one option (the processor count,
// which the report records) do not compare equal.
TEST(ReproducibleReport, DifferentRunsWriteDifferentReports) {
  Written one = run_into("demo-cpus-1", {"--cpus", "1"});
  Written two = run_into("demo-cpus-2", {"--cpus", "2"});
  EXPECT_FALSE(one.json.empty());
  EXPECT_NE(one.json, two.json);
}

}  // namespace
}  // namespace vidport::testing
