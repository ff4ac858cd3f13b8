#include "cli/run_command.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "host/bundled_miniports.h"
#include "host/hosted_run.h"
#include "host/scenario.h"
#include "host/scenario_runner.h"
#include "host/vgasync_demo.h"
#include "report/report_json.h"
#include "report/summary_printer.h"

namespace vidport::cli {

namespace {

constexpr int kUsageError = static_cast<int>(report::Outcome::HostError);

// Options are taken as text and checked here, so every usage error ends with exit code 4 and a
// message, whatever CLI11 would have said.
struct RunArguments {
  std::string miniport;
  std::string scenario;
  std::string cpus = "2";
  std::string sync_semantics = "docs";
  std::string clock = "virtual";
  std::string watchdog = "5";
  std::string out;
  std::string v86;
  bool no_snapshot = false;
};

constexpr const char* kFooter = R"(Exit codes (the highest that applies wins):
  4  usage or host error: bad options, a module that cannot be loaded (no DriverEntry, a
     VideoPort function vidport does not implement), a scenario file with errors
     (reported as file:line: reason), an output directory that cannot be written
  3  miniport crash or hang: a fault in a miniport routine (bugcheck-style report naming the
     routine, the faulting address and the module offset) or the watchdog ending a routine
     that made no VideoPort call for --watchdog seconds
  2  miniport failure: DriverEntry, HwVidFindAdapter or HwVidInitialize failed
  1  findings: the verifier found rule violations, the miniport logged errors
     (VideoPortLogError), the device caught invalid programming, or a scenario expectation failed
  0  clean

With no --miniport, --scenario or --v86, vidport runs its built-in demo: the bundled vgasync
miniport on the emulated VGA after the video BIOS's POST sets mode 13h, draws a picture through
the mapped video memory, animates the palette from its ISR at vertical retrace, pans, returns to
text mode, and writes screenshots into --out (default: the current folder). With --miniport and
no --scenario, vidport issues the display driver's start-up requests (modes, set mode,
map video memory, reset) and lets two seconds of clock time pass.

With --v86 PROGRAM (vgasync unless --miniport names another), vidport switches to full screen
instead: IOCTL_VIDEO_ENABLE_VDM, then PROGRAM (a boot image, or a .COM file) runs with its
trapped ports going to the miniport's emulator routines (vgasync's validator refuses writes that
would hang or stop the card: see docs/fullscreen.md), then IOCTL_VIDEO_SAVE_HARDWARE_STATE
switches back (after the scenario's steps, if one is given). With --out, the screen the program
left is written there first, as PROGRAM's name with .png.

report.json is written to --out (atomically) even when the miniport crashed;
docs/report.schema.json describes it.)";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "vidport run: %s (see vidport run --help)\n", message.c_str());
  return kUsageError;
}

int finish(report::Report& report, const std::string& out) {
  std::fputs(report::format_summary(report).c_str(), stdout);
  std::fflush(stdout);
  if (!out.empty()) {
    std::string error = report::write_report_json(report, out);
    if (!error.empty()) {
      std::fprintf(stderr, "vidport run: %s\n", error.c_str());
      return kUsageError;
    }
  }
  return report.exit_code();
}

int run(const RunArguments& args, const std::vector<std::string>& extras) {
  if (!extras.empty()) return usage_error(fmt::format("unexpected argument {}", extras.front()));
  host::RunOptions options;
  // No module, no scenario, no program: the built-in default, vgasync's demo on the POSTed VGA.
  const bool demo = args.miniport.empty() && args.scenario.empty() && args.v86.empty();
  if (!args.miniport.empty()) {
    options.miniport = args.miniport;
  } else if (demo || !args.v86.empty()) {
    // The demo, and a full-screen program: vgasync, the bundled VGA miniport with a validator.
    options.miniport = host::bundled_vgasync_miniport();
  } else {
    // A scenario without a module drives the pulse sample, as its examples expect.
    options.miniport = host::bundled_sample_miniport();
  }
  char* end = nullptr;
  unsigned long cpus = std::strtoul(args.cpus.c_str(), &end, 10);
  if (args.cpus.empty() || *end != 0 || cpus < 1 || cpus > 64) return usage_error("--cpus must be a number from 1 to 64");
  options.cpus = static_cast<unsigned>(cpus);
  auto profile = kernel::parse_profile(args.sync_semantics);
  if (!profile) return usage_error("--sync-semantics must be docs, nt4 or reactos");
  options.profile = *profile;
  if (args.clock != "virtual" && args.clock != "real") return usage_error("--clock must be virtual or real");
  options.virtual_clock = args.clock == "virtual";
  double watchdog = std::strtod(args.watchdog.c_str(), &end);
  if (args.watchdog.empty() || *end != 0 || !(watchdog > 0) || watchdog > 3600) {
    return usage_error("--watchdog must be a number of seconds above 0");
  }
  options.watchdog = std::chrono::milliseconds(static_cast<long long>(watchdog * 1000));

  std::optional<host::Scenario> scenario;
  if (!args.scenario.empty()) {
    auto parsed = host::load_scenario(args.scenario);
    if (auto* error = std::get_if<host::ScenarioError>(&parsed)) {
      std::fprintf(stderr, "vidport run: %s\n", error->describe().c_str());
      return kUsageError;
    }
    scenario = std::get<host::Scenario>(std::move(parsed));
    options.scenario = args.scenario;
    options.output_directory = args.out;
    options.registry = scenario->registry;
  }
  // Every miniport meets a PC that booted: the video BIOS's POST has left the VGA in text mode
  // 03h (font in plane 2, BIOS data area filled) before DriverEntry, and VideoPortInt10 has a BIOS.
  options.full_screen = true;
  options.use_snapshots = !args.no_snapshot;
  if (demo || !args.v86.empty()) options.output_directory = args.out;

  auto hosted = std::make_unique<host::HostedRun>(options);
  if (hosted->load() && hosted->start()) {
    bool go_on = true;
    if (demo) {
      host::VgasyncDemoResult result = host::run_vgasync_demo(*hosted);
      report::DemoSummary summary{result.failed_step, result.retraces, result.palette_updates_applied,
                                  result.pans_applied, result.dpc_runs, result.exclusion_violations};
      hosted->report().demo = summary;
      if (!result.ok && !hosted->halted()) {
        hosted->report().fail(report::Outcome::Findings, "the demo failed at: " + result.failed_step);
      }
    } else if (scenario) {
      go_on = host::run_scenario(*hosted, *scenario);
    } else if (args.v86.empty()) {
      host::run_default_sequence(*hosted);
    }
    if (go_on && !args.v86.empty() && hosted->run_full_screen(0, args.v86, "--v86")) {
      // The screen the program left, before the switch back: PROGRAM's name with .png, in --out.
      const bool shot = args.out.empty() ||
                        hosted->screenshot(std::filesystem::path(args.v86).stem().string() + ".png", "--v86");
      if (shot) hosted->hardware_state(0, true, "--v86");
    }
  }
  report::Report report = hosted->finish();
  hosted.reset();
  return finish(report, args.out);
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArguments>();
  CLI::App* cmd = app.add_subcommand("run", "Load a miniport and drive it as Windows would: DriverEntry, "
                                            "HwVidFindAdapter, HwVidInitialize, requests, HwVidResetHw");
  cmd->add_option("--miniport", args->miniport, "the miniport module (.so); default: vgasync (demo, --v86), or the pulse sample with --scenario")->type_name("PATH");
  cmd->add_option("--scenario", args->scenario, "a scenario file (YAML, see docs/scenario.md)")->type_name("FILE");
  cmd->add_option("--cpus", args->cpus, "virtual processors (1-64, default 2)")->type_name("N");
  cmd->add_option("--sync-semantics", args->sync_semantics,
                  "VideoPortSynchronizeExecution semantics: docs (default), nt4 or reactos")
      ->type_name("PROFILE");
  cmd->add_option("--clock", args->clock, "virtual (default; deterministic, fast) or real")->type_name("KIND");
  cmd->add_option("--watchdog", args->watchdog,
                  "seconds of host time a miniport routine may run without a VideoPort call (default 5)")
      ->type_name("SECONDS");
  cmd->add_option("--out", args->out, "directory for report.json and screenshots")->type_name("DIR");
  cmd->add_option("--v86", args->v86,
                  "run PROGRAM full-screen through the miniport's emulator routines (docs/fullscreen.md)")
      ->type_name("PROGRAM");
  cmd->add_flag("--no-snapshot", args->no_snapshot,
                "run the video BIOS's POST even if a snapshot of it could be restored (docs/snapshot.md)");
  cmd->footer(kFooter);
  cmd->allow_extras();
  cmd->callback([cmd, args, &exit_code] { exit_code = run(*args, cmd->remaining()); });
}

}  // namespace vidport::cli
