#include "cli/core_demo_command.h"

#include <video.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "devices/testdev/pulse_device.h"
#include "findings/finding_format.h"
#include "kernel/machine.h"
#include "videoport/adapter.h"

namespace vidport::cli {

namespace {

constexpr unsigned kLine = 9;
constexpr std::uint16_t kBase = 0x300;

// The state the ISR and the callbacks share, as a miniport would keep it in its device extension.
struct SharedState {
  std::atomic<std::uint64_t> head{0}, tail{0};  // equal whenever no update is half made
  std::atomic<std::uint64_t> torn_reads{0};
  std::atomic<std::uint64_t> isr_calls{0};
  std::atomic<std::uint64_t> dpc_calls{0};
};

SharedState* state_of(void* extension) { return *static_cast<SharedState**>(extension); }
PUCHAR port(std::uint16_t offset) { return reinterpret_cast<PUCHAR>(static_cast<std::uintptr_t>(kBase + offset)); }

VOID count_dpc(PVOID extension, PVOID) { state_of(extension)->dpc_calls.fetch_add(1, std::memory_order_relaxed); }

BOOLEAN demo_isr(PVOID extension) {
  SharedState* s = state_of(extension);
  if (s->head.load(std::memory_order_relaxed) != s->tail.load(std::memory_order_relaxed)) {
    s->torn_reads.fetch_add(1, std::memory_order_relaxed);
  }
  std::uint64_t n = s->isr_calls.fetch_add(1, std::memory_order_relaxed) + 1;
  if (n % 64 == 0) VideoPortQueueDpc(extension, &count_dpc, nullptr);
  VideoPortWritePortUchar(port(devices::PulseDevice::kStatus), 0);  // dismiss; storm mode re-raises
  return TRUE;
}

BOOLEAN demo_update(PVOID extension) {
  SharedState* s = state_of(extension);
  s->head.store(s->head.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  (void)VideoPortReadPortUchar(port(devices::PulseDevice::kStatus));  // a preemption point
  s->tail.store(s->tail.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  return TRUE;
}

struct Options {
  unsigned cpus = 2;
  std::string semantics = "docs";
  std::string priority = "medium";
  std::uint64_t iterations = 200000;
};

int run(const Options& options) {
  auto profile = kernel::parse_profile(options.semantics);
  static const std::map<std::string, VIDEO_SYNCHRONIZE_PRIORITY> priorities{
      {"low", VpLowPriority}, {"medium", VpMediumPriority}, {"high", VpHighPriority}};
  auto priority = priorities.find(options.priority);
  if (!profile || priority == priorities.end() || options.cpus < 1 || options.cpus > 64) {
    std::fprintf(stderr, "vidport core-demo: bad arguments (see --help)\n");
    return 4;
  }
  kernel::MachineConfig config;
  config.processors = options.cpus;
  config.profile = *profile;
  SharedState state;
  kernel::Machine machine(config);
  devices::PulseDevice device(machine.clock(), machine.interrupts(), kLine, kBase);
  device.attach(machine.bus());
  videoport::Adapter adapter(machine, sizeof(void*), "pulse");
  *static_cast<SharedState**>(adapter.extension()) = &state;
  adapter.connect_interrupt(kLine, kernel::InterruptMode::LevelSensitive, false, &demo_isr);
  // With two or more processors the ISR runs on the others, so it really races the callbacks.
  if (options.cpus > 1) machine.interrupts().set_affinity(kLine, ~std::uint64_t{1});

  std::printf("vidport core demo: %u processor(s), %s semantics, Vp%sPriority, %llu synchronize calls\n",
              options.cpus, options.semantics.c_str(), priority->first == "low" ? "Low" : priority->first == "medium" ? "Medium" : "High",
              static_cast<unsigned long long>(options.iterations));
  std::printf("A device interrupts as fast as its ISR dismisses it (IRQ %u, DIRQL %u); processor 0 runs\n"
              "callbacks that break and mend an invariant around a DDK call; the ISR checks it.\n\n",
              kLine, kernel::dirql_for_line(kLine));
  void* extension = adapter.extension();
  bool completed = machine.run_on(0, [&] {
    VideoPortWritePortUchar(port(devices::PulseDevice::kControl), devices::PulseDevice::kStorm);
    for (std::uint64_t i = 0; i < options.iterations; ++i) {
      VideoPortSynchronizeExecution(extension, priority->second, &demo_update, extension);
    }
    VideoPortWritePortUchar(port(devices::PulseDevice::kControl), 0);
  });
  adapter.disconnect_interrupt();

  kernel::LineStatistics line = machine.interrupts().statistics(kLine);
  std::printf("interrupts delivered   %llu (claimed %llu, unclaimed %llu)\n",
              static_cast<unsigned long long>(line.delivered), static_cast<unsigned long long>(line.claimed),
              static_cast<unsigned long long>(line.unclaimed));
  for (unsigned i = 0; i < machine.processor_count(); ++i) {
    kernel::Processor& p = machine.processor(i);
    std::printf("processor %-2u           ISR chains %llu, DPCs %llu, synchronize low/medium/high %llu/%llu/%llu\n", i,
                static_cast<unsigned long long>(p.isrs_run()), static_cast<unsigned long long>(p.dpcs_run()),
                static_cast<unsigned long long>(p.synchronize_calls(0)), static_cast<unsigned long long>(p.synchronize_calls(1)),
                static_cast<unsigned long long>(p.synchronize_calls(2)));
  }
  std::printf("torn reads by the ISR  %llu\n", static_cast<unsigned long long>(state.torn_reads.load()));
  for (const findings::Finding& f : machine.findings().snapshot()) std::printf("\n%s", findings::format_text(f).c_str());
  if (!completed) {
    std::printf("\nthe machine stopped before the demo finished\n");
    return 3;
  }
  bool clean = state.torn_reads.load() == 0 && machine.findings().size() == 0;
  std::printf("\n%s\n", clean ? "result: the ISR never saw a half-made update"
                              : "result: the ISR saw half-made updates: these semantics do not exclude it");
  return clean ? 0 : 1;
}

}  // namespace

void add_core_demo_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "core-demo", "Race an interrupting device against synchronize callbacks on the execution core alone");
  sub->add_option("--cpus", options->cpus, "virtual processors")->capture_default_str()->check(CLI::Range(1, 64));
  sub->add_option("--sync-semantics", options->semantics, "docs | nt4 | reactos")
      ->capture_default_str()->check(CLI::IsMember({"docs", "nt4", "reactos"}));
  sub->add_option("--priority", options->priority, "low | medium | high")
      ->capture_default_str()->check(CLI::IsMember({"low", "medium", "high"}));
  sub->add_option("--iterations", options->iterations, "synchronize calls")->capture_default_str();
  sub->callback([options, &exit_code] { exit_code = run(*options); });
}

}  // namespace vidport::cli
