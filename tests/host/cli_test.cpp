// `vidport run` as a user runs it: the real executable on real compiled miniports, one test per
// case of issue 3 (good runs and every bad input), each checking the exit code, what the terminal
// says and report.json (validated against docs/report.schema.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.h"

namespace vidport::testing {
namespace {

using nlohmann::json;

// Runs `vidport run` with `args` and --out into a fresh directory; returns the result and the
// report (null when none was written).
struct RunOutput {
  CliResult cli;
  json report;
  std::string report_path;
};

RunOutput run(const std::string& name, std::vector<std::string> args) {
  RunOutput r;
  std::string out = fresh_directory(name);
  args.insert(args.begin(), "run");
  args.push_back("--out");
  args.push_back(out);
  r.cli = run_vidport(args);
  r.report_path = out + "/report.json";
  r.report = read_report(out);
  EXPECT_EQ(schema_errors(r.report_path), "") << "report.json does not match the schema";
  return r;
}

bool log_mentions(const json& report, const std::string& text) {
  for (const json& line : report["log"]) {
    if (line["text"].get<std::string>().find(text) != std::string::npos) return true;
  }
  return false;
}

// Scenario: `vidport run --miniport pulse_sample.so` (the no-argument default, vgasync's demo,
// is tested in tests/vgasync/demo_cli_test.cpp). The sample runs on the PulseDevice: interrupts
// are delivered and claimed, DPCs and the timer run, synchronize calls happen, HwVidResetHw runs
// at the end, and the run is clean.
TEST(RunCommand, PulseSampleRunsClean) {
  RunOutput r = run("sample", {"--miniport", miniport_path("pulse_sample")});
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.out << r.cli.err;
  EXPECT_NE(r.cli.out.find("interrupt line 10"), std::string::npos) << r.cli.out;
  EXPECT_NE(r.cli.out.find("outcome: clean (exit code 0)"), std::string::npos) << r.cli.out;
  ASSERT_EQ(r.report["adapters"].size(), 1u);
  const json& adapter = r.report["adapters"][0];
  EXPECT_GT(adapter["interrupt"]["claimed"].get<int>(), 100);
  EXPECT_EQ(adapter["interrupt"]["unclaimed"], 0);
  EXPECT_GT(adapter["dpcs_run"].get<int>(), 0);
  EXPECT_GE(adapter["timer_ticks"].get<int>(), 1);
  EXPECT_EQ(adapter["reset_hw"], true);
  EXPECT_EQ(adapter["modes"].size(), 1u);
  EXPECT_GT(r.report["statistics"]["synchronize_calls"]["medium"].get<int>(), 0);
  EXPECT_EQ(r.report["findings"].size(), 0u);
  EXPECT_TRUE(r.report["stop"].is_null());
}

// Scenario: the idioms miniport (real-world source idioms, built with -Wall -Werror) runs clean,
// registers its mode, takes the palette and maps its RAM-backed frame buffer.
TEST(RunCommand, IdiomsMiniportRunsClean) {
  RunOutput r = run("idioms", {"--miniport", miniport_path("idioms")});
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.out << r.cli.err;
  ASSERT_EQ(r.report["adapters"].size(), 1u);
  EXPECT_EQ(r.report["adapters"][0]["modes"][0]["width"], 320);
  EXPECT_EQ(r.report["adapters"][0]["registry_writes"][0]["name"], "IdiomsLastMode");
  ASSERT_EQ(r.report["initialize_calls"].size(), 2u);  // PCI first (no device), then ISA
  EXPECT_EQ(r.report["initialize_calls"][0]["status"], 55);
  EXPECT_EQ(r.report["initialize_calls"][1]["status"], 0);
  for (const json& q : r.report["requests"]) EXPECT_EQ(q["status"], 0) << q.dump();
}

// Scenario: a user builds the sample with the one-line command of the documentation (the system
// C compiler, no build system, nothing but vidport's headers) and runs it.
TEST(RunCommand, DocumentedBuildLineMakesARunnableMiniport) {
  std::string dir = fresh_directory("build-line");
  CliResult cc = run_program({"/usr/bin/cc", "-shared", "-fPIC", "-fshort-wchar", "-I" + source_path("include/ddk"),
                              source_path("miniports/pulse_sample.c"), "-o", dir + "/driver.so"});
  ASSERT_EQ(cc.exit_code, 0) << cc.err;
  RunOutput r = run("build-line-run", {"--miniport", dir + "/driver.so"});
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.out << r.cli.err;
  EXPECT_GT(r.report["adapters"][0]["interrupt"]["claimed"].get<int>(), 0);
}

// Scenario: a module with no DriverEntry. Host error (4), with a message naming the problem.
TEST(RunCommand, ModuleWithoutDriverEntryIsAHostError) {
  RunOutput r = run("no-entry", {"--miniport", miniport_path("no_entry")});
  EXPECT_EQ(r.cli.exit_code, 4);
  EXPECT_NE(r.cli.out.find("exports no DriverEntry"), std::string::npos) << r.cli.out;
  EXPECT_EQ(r.report["loaded"], false);
}

// Scenario: a miniport calls a VideoPort function vidport does not have. The load fails and the
// message names the function.
TEST(RunCommand, UnknownVideoPortImportIsNamed) {
  RunOutput r = run("missing-import", {"--miniport", miniport_path("defect_missing_import")});
  EXPECT_EQ(r.cli.exit_code, 4);
  EXPECT_NE(r.cli.out.find("calls VideoPortFrobnicate, which vidport does not implement"), std::string::npos)
      << r.cli.out;
}

// Scenario: DriverEntry returns an error status: a miniport failure (2), nothing else runs.
TEST(RunCommand, FailingDriverEntryIsAMiniportFailure) {
  RunOutput r = run("entry-fails", {"--miniport", miniport_path("defect_entry_fails")});
  EXPECT_EQ(r.cli.exit_code, 2);
  EXPECT_EQ(r.report["driver_entry_status"].get<std::int64_t>(), static_cast<std::int32_t>(0xC0000001));
  EXPECT_NE(r.cli.out.find("DriverEntry failed with 0xc0000001"), std::string::npos) << r.cli.out;
}

// Scenario: HwInitDataSize 136, none of the documented sizes: VideoPortInitialize answers
// ERROR_REVISION_MISMATCH, DriverEntry passes it on, the run is a miniport failure.
TEST(RunCommand, WrongInitDataSizeIsRefused) {
  RunOutput r = run("bad-size", {"--miniport", miniport_path("defect_bad_init_size")});
  EXPECT_EQ(r.cli.exit_code, 2);
  ASSERT_EQ(r.report["initialize_calls"].size(), 1u);
  EXPECT_EQ(r.report["initialize_calls"][0]["status"], 1306);
  EXPECT_NE(r.report["initialize_calls"][0]["note"].get<std::string>().find("HwInitDataSize 136"), std::string::npos);
  EXPECT_EQ(r.report["adapters"].size(), 0u);
}

// Scenario: the miniport asks for a second adapter that claims the first one's ports. The claim
// fails, a finding names both ranges, only one adapter exists, and the run goes on (exit 1).
TEST(RunCommand, ConflictingAccessRangesAreReported) {
  RunOutput r = run("conflict", {"--miniport", miniport_path("defect_range_conflict")});
  EXPECT_EQ(r.cli.exit_code, 1) << r.cli.out;
  EXPECT_EQ(r.report["adapters"].size(), 1u);
  ASSERT_GE(r.report["findings"].size(), 1u);
  EXPECT_EQ(r.report["findings"][0]["kind"], "access-range-conflict");
  EXPECT_NE(r.report["findings"][0]["message"].get<std::string>().find("held by adapter0"), std::string::npos);
}

// Negative control for the defect miniports: without a defect the same source runs clean and
// HwVidResetHw is called at the end.
TEST(RunCommand, DefectFreeBuildRunsClean) {
  RunOutput r = run("defect-none", {"--miniport", miniport_path("defect_none")});
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.out;
  EXPECT_TRUE(r.report["stop"].is_null());
  EXPECT_TRUE(log_mentions(r.report, "HwVidResetHw(80, 50)"));
}

// Scenario: a compiled miniport dereferences NULL in one kind of callback. The run ends with a
// bugcheck-style report naming the routine, the faulting address and the module offset;
// report.json is still written, HwVidResetHw is not called, exit code 3.
struct CrashCase {
  const char* module;
  const char* routine;   // as the report names it
  const char* context;
  const char* caller;    // the miniport function that called DefectCrash, or nullptr where the
                         // compiler may make the call a tail jump (which leaves no frame)
};

class CrashTest : public ::testing::TestWithParam<CrashCase> {};

TEST_P(CrashTest, NullDereferenceEndsWithABugcheckReport) {
  const CrashCase& c = GetParam();
  RunOutput r = run(c.module, {"--miniport", miniport_path(c.module)});
  EXPECT_EQ(r.cli.exit_code, 3) << r.cli.out << r.cli.err;
  EXPECT_NE(r.cli.out.find("*** STOP: KMODE_EXCEPTION_NOT_HANDLED"), std::string::npos) << r.cli.out;
  const json& stop = r.report["stop"];
  ASSERT_FALSE(stop.is_null());
  EXPECT_EQ(stop["kind"], "miniport-crash");
  EXPECT_EQ(stop["primary"]["context"], c.context);
  std::string message = stop["message"];
  EXPECT_NE(message.find(c.routine), std::string::npos) << message;
  EXPECT_NE(message.find("faulting address: NULL"), std::string::npos) << message;
  const json& site = stop["primary"]["site"];
  EXPECT_EQ(site["module"], std::string(c.module) + ".so");
  EXPECT_TRUE(site.contains("module_offset"));
  EXPECT_EQ(site["symbol"], "DefectCrash");
  if (c.caller != nullptr) {
    // The short stack names the miniport function that called DefectCrash.
    ASSERT_FALSE(stop["primary"]["stack"].empty()) << stop.dump(2);
    EXPECT_EQ(stop["primary"]["stack"][0]["symbol"], c.caller);
  }
  EXPECT_FALSE(log_mentions(r.report, "HwVidResetHw")) << "HwVidResetHw ran after a crash";
}

INSTANTIATE_TEST_SUITE_P(
    EachCallback, CrashTest,
    ::testing::Values(CrashCase{"defect_crash_find_adapter", "HwVidFindAdapter", "passive", "DefectFindAdapter"},
                      CrashCase{"defect_crash_initialize", "HwVidInitialize", "passive", "DefectInitialize"},
                      CrashCase{"defect_crash_start_io", "HwVidStartIO", "passive", "DefectStartIO"},
                      CrashCase{"defect_crash_interrupt", "HwVidInterrupt", "isr", "DefectInterrupt"},
                      CrashCase{"defect_crash_dpc", "dpc context", "dpc", nullptr},
                      CrashCase{"defect_crash_timer", "HwVidTimer", "dpc", nullptr},
                      CrashCase{"defect_crash_synchronize", "synchronize-callback context", "synchronize-callback",
                                nullptr}),
    [](const ::testing::TestParamInfo<CrashCase>& info) { return std::string(info.param.module).substr(13); });

// Scenario: HwVidInitialize holds a VideoPort spin lock and calls a helper that acquires it again.
// Expected: exit code 3 with a SPIN_LOCK_ALREADY_OWNED stop with two sides. The primary side is the
// helper's call, at DISPATCH_LEVEL, called from DefectInitialize (its short stack) and holding the
// lock; the second side, "lock taken at", is DefectInitialize's first acquisition. The terminal
// shows both sides. Negative control: the defect-free build of the same file (DefectFreeBuildRunsClean).
TEST(RunCommand, SpinLockRecursionShowsBothSides) {
  RunOutput r = run("recursion", {"--miniport", miniport_path("defect_spin_lock_recursion")});
  EXPECT_EQ(r.cli.exit_code, 3) << r.cli.out;
  const json& stop = r.report["stop"];
  ASSERT_FALSE(stop.is_null());
  EXPECT_EQ(stop["kind"], "spin-lock-recursion");
  const json& primary = stop["primary"];
  EXPECT_EQ(primary["site"]["symbol"], "DefectTakeLockAgain");
  EXPECT_EQ(primary["irql"], 2);
  ASSERT_FALSE(primary["stack"].empty());
  EXPECT_EQ(primary["stack"][0]["symbol"], "DefectInitialize");
  ASSERT_EQ(primary["locks"].size(), 1u);
  EXPECT_EQ(primary["locks"][0]["kind"], "spin-lock");
  EXPECT_EQ(primary["locks"][0]["taken_at"]["symbol"], "DefectInitialize");
  const json& other = stop["other"];
  ASSERT_TRUE(other.is_object());
  EXPECT_EQ(other["role"], "lock taken at");
  EXPECT_EQ(other["site"]["symbol"], "DefectInitialize");
  EXPECT_EQ(other["site"], primary["locks"][0]["taken_at"]);
  EXPECT_EQ(other["context"], "passive");
  EXPECT_EQ(other["processor"], primary["processor"]);
  EXPECT_NE(r.cli.out.find("(DefectTakeLockAgain+0x"), std::string::npos) << r.cli.out;
  EXPECT_NE(r.cli.out.find("called from   defect_spin_lock_recursion.so+0x"), std::string::npos) << r.cli.out;
  EXPECT_NE(r.cli.out.find("holding       VideoPort spin lock taken at"), std::string::npos) << r.cli.out;
  EXPECT_NE(r.cli.out.find("  lock taken at:\n  processor 0   IRQL 2 (DISPATCH_LEVEL)   context passive\n"),
            std::string::npos)
      << r.cli.out;
}

// Scenario: a plain store into the VGA window mapped with VideoPortGetDeviceBase. It is caught
// and reported as a dereference of a device window, not as an anonymous crash.
TEST(RunCommand, PlainDereferenceOfADeviceWindowIsNamed) {
  RunOutput r = run("window", {"--miniport", miniport_path("defect_window_deref")});
  EXPECT_EQ(r.cli.exit_code, 3);
  EXPECT_EQ(r.report["stop"]["kind"], "device-window-dereference");
  EXPECT_NE(r.report["stop"]["message"].get<std::string>().find("physical 0xa0010"), std::string::npos);
}

// Scenario: HwVidStartIO, or an ISR, spins without any VideoPort call. The watchdog ends it,
// naming the routine each processor was in and where it was interrupted; exit code 3 and a report.
TEST(RunCommand, WatchdogEndsAHang) {
  struct Case {
    const char* module;
    const char* routine;
    const char* symbol;
  };
  for (Case c : {Case{"defect_hang_start_io", "HwVidStartIO", "DefectStartIO"},
                 Case{"defect_hang_interrupt", "HwVidInterrupt", "DefectInterrupt"}}) {
    RunOutput r = run(c.module, {"--miniport", miniport_path(c.module), "--watchdog", "0.5"});
    EXPECT_EQ(r.cli.exit_code, 3) << r.cli.out;
    EXPECT_NE(r.cli.out.find("MINIPORT_WATCHDOG_TIMEOUT"), std::string::npos) << r.cli.out;
    std::string message = r.report["stop"]["message"];
    // Either processor may be the one that took the interrupt; each is named with its routine.
    EXPECT_NE(message.find(std::string(" in ") + c.routine), std::string::npos) << message;
    EXPECT_NE(message.find("processor 0 in"), std::string::npos) << message;
    EXPECT_NE(message.find("processor 1 in"), std::string::npos) << message;
    EXPECT_EQ(r.report["stop"]["primary"]["site"]["symbol"], c.symbol);
  }
}

// Scenario: an ISR that never claims its level-sensitive line. The storm is reported, the line
// masked, and the run continues to its end (exit 1, not 3).
TEST(RunCommand, InterruptStormIsMaskedAndTheRunContinues) {
  RunOutput r = run("storm", {"--miniport", miniport_path("defect_storm")});
  EXPECT_EQ(r.cli.exit_code, 1) << r.cli.out;
  const json& irq = r.report["adapters"][0]["interrupt"];
  EXPECT_EQ(irq["storm"], true);
  EXPECT_EQ(irq["masked"], true);
  EXPECT_EQ(irq["claimed"], 0);
  EXPECT_EQ(r.report["findings"][0]["kind"], "interrupt-storm");
  EXPECT_GE(r.report["statistics"]["clock_ns"].get<std::uint64_t>(), 2'000'000'000u);
  EXPECT_TRUE(log_mentions(r.report, "HwVidResetHw"));
}

// Scenario: an IOCTL whose output buffer is too small. The miniport answers
// ERROR_INSUFFICIENT_BUFFER with the size it needs, and the report shows both; the scenario's
// expectation of exactly that passes.
TEST(RunCommand, TooSmallOutputBufferReportsTheRequiredSize) {
  std::string scenario = write_file("small.yaml",
                                    "steps:\n"
                                    "  - ioctl: 0x232000   # IOCTL_PULSE_QUERY_STATE\n"
                                    "    output_size: 4\n"
                                    "    expect: {status: ERROR_INSUFFICIENT_BUFFER, information: 20}\n");
  RunOutput r = run("small-buffer", {"--scenario", scenario});
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.out << r.cli.err;
  ASSERT_EQ(r.report["requests"].size(), 1u);
  EXPECT_EQ(r.report["requests"][0]["status"], 122);
  EXPECT_EQ(r.report["requests"][0]["information"], 20);
  EXPECT_NE(r.cli.out.find("the miniport needs 20 bytes"), std::string::npos) << r.cli.out;
}

// Scenario: a scenario drives the sample: a new period through the registry-recorded IOCTL, time
// passes, a given number of interrupts arrive, and the state IOCTL (ISR counters read under
// VideoPortSynchronizeExecution) is checked. A wrong expectation is the negative control: it
// makes the run end with findings (exit 1).
TEST(RunCommand, ScenarioDrivesTheSample) {
  const std::string steps =
      "registry:\n"
      "  PulsePeriod: 500\n"
      "steps:\n"
      "  - display_driver: standard\n"
      "  - ioctl: 0x232008   # IOCTL_PULSE_RESET_COUNTS\n"
      "  - wait_interrupts: 10\n"
      "    within: 100ms\n"
      "  - ioctl: 0x232004   # IOCTL_PULSE_SET_PERIOD\n"
      "    input_ulongs: [250]\n"
      "    expect: {status: NO_ERROR}\n"
      "  - wait: 10ms\n"
      "  - ioctl: 0x232000   # IOCTL_PULSE_QUERY_STATE\n"
      "    output_size: 20\n";
  std::string good = write_file("good.yaml", steps + "    expect: {status: NO_ERROR, information: 20}\n");
  RunOutput r = run("scenario", {"--scenario", good});
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.out << r.cli.err;
  EXPECT_EQ(r.report["adapters"][0]["registry_writes"][0]["value"], "250");
  for (const json& e : r.report["expectations"]) EXPECT_TRUE(e["passed"].get<bool>()) << e.dump();
  EXPECT_EQ(r.report["expectations"].size(), 4u);

  std::string bad = write_file("bad.yaml", steps + "    expect: {status: NO_ERROR, output_ulongs: [0]}\n");
  RunOutput negative = run("scenario-negative", {"--scenario", bad});
  EXPECT_EQ(negative.cli.exit_code, 1) << negative.cli.out;
  EXPECT_NE(negative.cli.out.find("FAILED"), std::string::npos) << negative.cli.out;
}

// Scenario: a screenshot step saves what the VGA shows as a PNG under --out and the report lists
// it with the step's file:line and its path relative to --out, where report.json is.
TEST(RunCommand, ScreenshotStepWritesAPng) {
  std::string scenario = write_file("shot.yaml", "steps:\n  - wait: 1ms\n  - screenshot: shots/vga.png\n");
  RunOutput r = run("screenshot", {"--scenario", scenario});
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.out << r.cli.err;
  ASSERT_EQ(r.report["screenshots"].size(), 1u);
  const json& shot = r.report["screenshots"][0];
  EXPECT_EQ(shot["origin"], scenario + ":3");
  EXPECT_EQ(shot["path"], "shots/vga.png");
  std::string path = std::filesystem::path(r.report_path).parent_path() / "shots/vga.png";
  std::ifstream png(path, std::ios::binary);
  char magic[4] = {};
  png.read(magic, 4);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG") << path;
  EXPECT_GT(shot["width"].get<int>(), 0);
}

// Scenario: scenario files with mistakes. vidport names file and line and the reason, runs
// nothing, and exits with 4.
struct ScenarioMistake {
  const char* name;
  const char* text;
  int line;
  const char* reason;
};

class ScenarioMistakeTest : public ::testing::TestWithParam<ScenarioMistake> {};

TEST_P(ScenarioMistakeTest, IsReportedWithFileAndLine) {
  const ScenarioMistake& m = GetParam();
  std::string path = write_file(std::string(m.name) + ".yaml", m.text);
  CliResult r = run_vidport({"run", "--scenario", path});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find(path + ":" + std::to_string(m.line) + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(m.reason), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "") << "nothing may run";
}

INSTANTIATE_TEST_SUITE_P(
    Mistakes, ScenarioMistakeTest,
    ::testing::Values(
        ScenarioMistake{"unknown_step", "steps:\n  - wait: 1ms\n  - jump: 3\n", 3, "unknown step"},
        ScenarioMistake{"bad_duration", "steps:\n  - wait: 10 minutes\n", 2, "is no duration"},
        ScenarioMistake{"syntax", "steps:\n  - wait: [1ms\n", 3, ""},
        ScenarioMistake{"unknown_ioctl", "steps:\n  - ioctl: IOCTL_VIDEO_FLY\n", 2, "unknown IOCTL name"},
        ScenarioMistake{"unknown_key", "steps:\n  - ioctl: 0x232000\n    outptu_size: 4\n", 3,
                        "unknown key \"outptu_size\""},
        ScenarioMistake{"bad_status", "steps:\n  - ioctl: 0x232000\n    expect:\n      status: OOPS\n", 4,
                        "status must be"}),
    [](const ::testing::TestParamInfo<ScenarioMistake>& info) { return std::string(info.param.name); });

// Scenario: options a user mistypes. Exit code 4 with a message, never a CLI11 error code.
TEST(RunCommand, UsageErrorsExitWithFour) {
  EXPECT_EQ(run_vidport({"run", "--cpus", "0"}).exit_code, 4);
  EXPECT_EQ(run_vidport({"run", "--sync-semantics", "win95"}).exit_code, 4);
  CliResult extra = run_vidport({"run", "--bogus"});
  EXPECT_EQ(extra.exit_code, 4);
  EXPECT_NE(extra.err.find("--bogus"), std::string::npos) << extra.err;
  EXPECT_EQ(run_vidport({"run", "--scenario", "/nonexistent/scenario.yaml"}).exit_code, 4);
  // An --out that cannot be created: the run itself is clean, the host error wins.
  CliResult unwritable = run_vidport({"run", "--out", "/proc/vidport-cannot-create"});
  EXPECT_EQ(unwritable.exit_code, 4);
  EXPECT_NE(unwritable.err.find("cannot create /proc/vidport-cannot-create"), std::string::npos) << unwritable.err;
}

// Scenario: `vidport run --help` documents every option and every exit code.
TEST(RunCommand, HelpDocumentsOptionsAndExitCodes) {
  CliResult r = run_vidport({"run", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* text : {"--miniport", "--scenario", "--cpus", "--sync-semantics", "--out", "--watchdog",
                           "4  usage or host error", "3  miniport crash or hang", "2  miniport failure",
                           "1  findings", "0  clean"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
  }
}

// Negative control for the schema check used above: a report missing its outcome is rejected.
TEST(ReportSchema, RejectsAReportWithoutOutcome) {
  RunOutput r = run("schema-negative", {});
  json broken = r.report;
  broken.erase("outcome");
  std::string path = write_file("broken.json", broken.dump());
  EXPECT_NE(schema_errors(path), "");
}

}  // namespace
}  // namespace vidport::testing
