#include "host/scenario_runner.h"

#include <cstring>

#include <fmt/format.h>

#include "host/display_driver.h"

namespace vidport::host {

namespace {

void check_expectation(HostedRun& run, const Step& step, const RequestResult& result, const std::string& origin) {
  const Expect& e = *step.expect;
  report::Report& r = run.report();
  auto record = [&](std::string what, bool passed, std::string detail) {
    r.expectations.push_back(report::Expectation{origin, std::move(what), passed, std::move(detail)});
  };
  if (!result.record.completed) {
    record(result.record.name, false, "the request did not complete");
    return;
  }
  if (e.status) {
    record(fmt::format("status {}", *e.status), result.record.status == *e.status,
           fmt::format("got {}", result.record.status));
  }
  if (e.information) {
    record(fmt::format("information {}", *e.information), result.record.information == *e.information,
           fmt::format("got {}", result.record.information));
  }
  if (!e.output_ulongs.empty()) {
    std::vector<std::uint32_t> got(result.output.size() / 4);
    if (!got.empty()) std::memcpy(got.data(), result.output.data(), got.size() * 4);
    bool passed = got.size() >= e.output_ulongs.size() &&
                  std::equal(e.output_ulongs.begin(), e.output_ulongs.end(), got.begin());
    record("output_ulongs", passed, fmt::format("got [{}]", fmt::join(got, ", ")));
  }
}

}  // namespace

bool run_scenario(HostedRun& run, const Scenario& scenario) {
  for (const Step& step : scenario.steps) {
    std::string origin = fmt::format("{}:{}", scenario.file, step.line);
    if (step.adapter >= run.adapter_count()) {
      run.report().fail(report::Outcome::HostError,
                        fmt::format("{}: adapter {} does not exist ({} adapter(s) found)", origin, step.adapter,
                                    run.adapter_count()));
      return false;
    }
    bool go_on = true;
    switch (step.kind) {
      case Step::Kind::DisplayDriver:
        go_on = run_display_driver_startup(run, step.adapter);
        break;
      case Step::Kind::Ioctl: {
        RequestResult result = run.request(step.adapter, step.ioctl, step.input, step.output_size, origin);
        if (step.expect) check_expectation(run, step, result, origin);
        go_on = !run.halted();
        break;
      }
      case Step::Kind::Wait:
        go_on = run.wait_for(step.duration);
        break;
      case Step::Kind::Screenshot:
        go_on = run.screenshot(step.file, origin);
        break;
      case Step::Kind::FullScreen:
        go_on = run.run_full_screen(step.adapter, step.file, origin);
        break;
      case Step::Kind::HardwareState:
        go_on = run.hardware_state(step.adapter, step.save, origin);
        break;
      case Step::Kind::WaitInterrupts: {
        bool came = run.wait_for_interrupts(step.adapter, step.interrupts, step.duration);
        run.report().expectations.push_back(report::Expectation{
            origin, fmt::format("{} interrupts within {} ns", step.interrupts, step.duration), came,
            came ? "" : "they did not come in time"});
        go_on = !run.halted();
        break;
      }
    }
    if (!go_on) return false;
  }
  return true;
}

bool run_default_sequence(HostedRun& run) {
  for (std::size_t i = 0; i < run.adapter_count(); ++i) {
    if (!run_display_driver_startup(run, i)) return false;
  }
  return run.wait_for(2 * kernel::kSecond);
}

}  // namespace vidport::host
