// The sample miniport in process, on two processors with a fast periodic interrupt: the ISR,
// its DPC, the timer and requests that read the ISR's counters through
// VideoPortSynchronizeExecution all run at once. Under TSan this shows the hosting layer adds no
// race of its own; everywhere it checks the counters the user would read.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include "host/display_driver.h"
#include "host/hosted_run.h"

namespace vidport::host {
namespace {

struct PulseState {
  std::uint32_t interrupts, interrupts_seen_by_dpc, dpc_runs, timer_ticks, period_us;
};
constexpr std::uint32_t kQueryState = 0x232000;

// Scenario: the sample runs for 1.5 s of clock time at a 200 us period. Its ISR claimed every
// delivery, the DPC saw a count no larger than the ISR's, the timer ticked, and the report's
// interrupt statistics agree with what the miniport counted.
TEST(SampleMiniport, InterruptsDpcsAndRequestsRunTogether) {
  RunOptions options;
  options.miniport = std::string(std::getenv("VIDPORT_BINARY_DIR")) + "/miniports/pulse_sample.so";
  videoport::RegistryValue period{"PulsePeriod", videoport::RegistryType::Dword, {200, 0, 0, 0}};
  options.registry.push_back(period);
  HostedRun run(options);
  ASSERT_TRUE(run.load());
  ASSERT_TRUE(run.start());
  ASSERT_TRUE(run_display_driver_startup(run, 0));
  PulseState state{};
  for (int i = 0; i < 15; ++i) {
    ASSERT_TRUE(run.wait_for(100 * kernel::kMillisecond));
    RequestResult r = run.request(0, kQueryState, {}, sizeof(PulseState), "test");
    ASSERT_EQ(r.record.status, 0u);
    std::memcpy(&state, r.output.data(), sizeof state);
    EXPECT_LE(state.interrupts_seen_by_dpc, state.interrupts);
  }
  EXPECT_EQ(state.period_us, 200u);
  EXPECT_GE(state.timer_ticks, 1u);
  report::Report& report = run.finish();
  EXPECT_EQ(report.exit_code(), 0) << (report.problems.empty() ? "" : report.problems.front());
  ASSERT_TRUE(report.adapters.at(0).interrupt.has_value());
  EXPECT_EQ(report.adapters[0].interrupt->claimed, report.adapters[0].interrupt->delivered);
  EXPECT_GE(report.adapters[0].interrupt->claimed, state.interrupts);
  EXPECT_GT(state.interrupts, 1000u);
}

}  // namespace
}  // namespace vidport::host

namespace vidport::host {
namespace {

// Scenario: on a single processor, the sample stalls 1000 us with VideoPortStallExecution inside
// a request while its device interrupts every 100 us. Clock time passes during the stall and the
// interrupts are delivered on the stalling processor itself, so the ISR's count grows by about
// ten. A zero-length stall is the negative control: no time passes, nothing is delivered.
TEST(SampleMiniport, InterruptsArriveDuringAStall) {
  RunOptions options;
  options.cpus = 1;
  options.miniport = std::string(std::getenv("VIDPORT_BINARY_DIR")) + "/miniports/pulse_sample.so";
  options.registry.push_back(videoport::RegistryValue{"PulsePeriod", videoport::RegistryType::Dword, {100, 0, 0, 0}});
  HostedRun run(options);
  ASSERT_TRUE(run.load());
  ASSERT_TRUE(run.start());
  constexpr std::uint32_t kStall = 0x23200c;
  auto stall = [&](std::uint32_t micros) {
    std::vector<std::uint8_t> input(4);
    std::memcpy(input.data(), &micros, 4);
    RequestResult r = run.request(0, kStall, input, 4, "test");
    EXPECT_EQ(r.record.status, 0u);
    std::uint32_t during = 0;
    if (r.output.size() == 4) std::memcpy(&during, r.output.data(), 4);
    return during;
  };
  std::uint32_t during = stall(1000);
  EXPECT_GE(during, 9u);
  EXPECT_LE(during, 11u);
  EXPECT_EQ(stall(0), 0u);
  EXPECT_EQ(run.finish().exit_code(), 0);
}

}  // namespace
}  // namespace vidport::host
