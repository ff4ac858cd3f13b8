// vgasync's benchmarks (issue 5): the demo's wall time at the registers' 70 Hz retrace and at a
// scaled 10,000 Hz, and VideoPortSynchronizeExecution calls per second (one per
// IOCTL_VGASYNC_QUERY_STATS) while the ISR runs at 10,000 Hz of real time, against the same calls
// with the retrace line masked, in the same run.
#include <benchmark/benchmark.h>

#include <devioctl.h>
#include <ntddvdeo.h>
#include <video.h>

#include <memory>

#include "kernel/machine.h"
#include "vgasync_demo.h"
#include "vgasync_rig.h"

extern "C" {
#include "vgasync.h"
}

namespace {

using namespace vidport;
using vgasync_test::VgasyncRig;

// Arg: forced retrace rate in Hz, 0 for the rate the registers give (70 Hz).
void BM_VgasyncDemo(benchmark::State& state) {
  platform::PlatformOptions options;
  options.machine.clock = kernel::ClockKind::Virtual;
  options.retrace_hz = static_cast<double>(state.range(0));
  std::uint64_t palettes = 0, tears = 0;
  std::unique_ptr<VgasyncRig> rig;
  for (auto _ : state) {
    // POST and the previous iteration's teardown are not the demo's cost.
    state.PauseTiming();
    rig.reset();
    rig = std::make_unique<VgasyncRig>(options);
    state.ResumeTiming();
    if (!rig->start("vgasync")) {
      state.SkipWithError(rig->error().c_str());
      break;
    }
    vgasync_test::DemoResult result = vgasync_test::run_demo(*rig, {});
    if (!result.ok) {
      state.SkipWithError(result.failed_step.c_str());
      break;
    }
    palettes += result.stats[vgasync_test::kPaletteUpdatesApplied];
    tears += rig->platform().vga().tears().total_tears();
  }
  rig.reset();
  state.counters["palettes"] = benchmark::Counter(static_cast<double>(palettes), benchmark::Counter::kAvgIterations);
  state.counters["tears"] = benchmark::Counter(static_cast<double>(tears), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_VgasyncDemo)->Arg(0)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

// Arg: 1 = the retrace interrupt live at 10,000 Hz (real clock), 0 = its line masked.
void BM_VgasyncSynchronizeCalls(benchmark::State& state) {
  platform::PlatformOptions options;
  options.machine.clock = kernel::ClockKind::Real;
  options.retrace_hz = 10'000;
  VgasyncRig rig(options);
  if (!rig.start("vgasync")) {
    state.SkipWithError(rig.error().c_str());
    return;
  }
  if (state.range(0) == 0) rig.machine().interrupts().set_masked(VGASYNC_IRQ, true);
  const std::uint32_t before = rig.stats()[vgasync_test::kRetraces];
  for (auto _ : state) {
    rig.request(IOCTL_VGASYNC_QUERY_STATS, {}, sizeof(VGASYNC_STATS));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["isr_runs"] = static_cast<double>(rig.stats()[vgasync_test::kRetraces] - before);
}
BENCHMARK(BM_VgasyncSynchronizeCalls)->Arg(1)->Arg(0)->UseRealTime();

}  // namespace
