// One process starts the same miniport again and again, as a test runner or a benchmark does, and
// every start behaves as the first: the module's globals are put back as they were at load
// (MiniportModule::restore_load_state) and every machine is the POSTed one (from the process's
// POST snapshot after the first).
#include <gtest/gtest.h>

#include <memory>

#include "devices/testdev/pulse_device.h"
#include "host/display_driver.h"
#include "host/hosted_run.h"
#include "host/miniport_module.h"
#include "kernel/machine.h"
#include "report/report_json.h"
#include "started_miniport.h"

namespace vidport::testing {
namespace {

std::string miniport(const std::string& name) {
  const char* binary = std::getenv("VIDPORT_BINARY_DIR");
  return std::string(binary ? binary : ".") + "/miniports/" + name + ".so";
}

// Scenario: the pulse sample started 100 times in one process, each time as `vidport run` starts
// it (a machine after POST, DriverEntry, HwVidInitialize), then the display driver's start-up
// requests, 50.5 ms of clock time with its interrupts, DPCs and timer, and HwVidResetHw. The module
// stays loaded throughout (the test holds it), so its data would carry over if nothing reset it.
// Every run's report equals the first run's, but for how POST was reached (afresh the first time,
// from the process's snapshot afterwards).
TEST(Restart, PulseSampleStartedAHundredTimesBehavesAsTheFirstTime) {
  std::unique_ptr<host::MiniportModule> held;
  ASSERT_EQ(StartedMiniport::load(miniport("pulse_sample"), held), "");
  ASSERT_GT(held->load_state_size(), 0u) << "the module has writable data to keep";
  nlohmann::json first;
  for (int start = 0; start < 100; ++start) {
    host::RunOptions options;
    options.miniport = held->path();
    options.full_screen = true;  // POST, as `vidport run` does
    // The first run POSTs afresh; the later ones restore the process's POST snapshot, so the
    // comparison also shows a restored machine giving the report a fresh POST gives.
    options.use_snapshots = start > 0;
    host::HostedRun run(options);
    ASSERT_TRUE(run.load() && run.start()) << "start " << start;
    ASSERT_TRUE(host::run_display_driver_startup(run, 0));
    // Half a period away from the sample's 1 ms interrupts, so the wait never ends on one of them
    // (an interrupt due at the very end of a wait races with the end of the run).
    ASSERT_TRUE(run.wait_for(50 * kernel::kMillisecond + 500 * kernel::kMicrosecond));
    nlohmann::json report = report::to_json(run.finish());
    // The second run finds no snapshot in the process yet (the first did not keep one): it reads
    // the cache file or POSTs, and keeps what it got for the others.
    if (start != 1) {
      EXPECT_EQ(report["machine"]["post"], start == 0 ? "fresh" : "snapshot") << "start " << start;
    }
    report["machine"].erase("post");
    report["machine"].erase("post_note");
    if (start == 0) {
      first = report;
      ASSERT_GT(first["adapters"][0]["interrupt"]["claimed"].get<int>(), 10);
    } else {
      ASSERT_EQ(nlohmann::json::diff(first, report), nlohmann::json::array()) << "start " << start;
    }
  }
}

// The module-state checker's own scenario, with its negative control: defect_range_conflict counts
// the adapters it found in a global and asks for a second adapter while that count is below 2.
// Started twice in one process without putting its globals back, the second start begins with the
// count at 2 and calls HwVidFindAdapter once instead of twice; with them put back (what vidport
// does), both starts are the same.
std::vector<std::uint32_t> find_adapter_calls(host::MiniportModule& module, bool fresh_module) {
  kernel::MachineConfig config;
  config.clock = kernel::ClockKind::Virtual;
  config.processors = 1;
  kernel::Machine machine(config);
  devices::PulseDevice pulse(machine.clock(), machine.interrupts(), host::kPulseLine, host::kPulseBase);
  EXPECT_TRUE(pulse.attach(machine.bus()));
  StartedMiniport started;
  EXPECT_EQ(started.start(machine, module, fresh_module), "");
  const auto records = started.port_driver().initialize_records();
  return records.empty() ? std::vector<std::uint32_t>{} : records.front().find_adapter_results;
}

TEST(Restart, ModuleGlobalsArePutBackBeforeEachStart) {
  std::unique_ptr<host::MiniportModule> module;
  ASSERT_EQ(StartedMiniport::load(miniport("defect_range_conflict"), module), "");
  const std::vector<std::uint32_t> first = find_adapter_calls(*module, true);
  ASSERT_EQ(first.size(), 2u) << "the first start asks for a second adapter";
  EXPECT_EQ(find_adapter_calls(*module, true), first);
  EXPECT_EQ(find_adapter_calls(*module, true), first);
  // Negative control: without the reset the global carries over and the start differs.
  EXPECT_NE(find_adapter_calls(*module, false), first);
  EXPECT_EQ(find_adapter_calls(*module, true), first);
}

}  // namespace
}  // namespace vidport::testing
