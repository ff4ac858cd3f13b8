// POST snapshots (docs/snapshot.md): what restoring the POSTed machine costs against running the
// video BIOS's POST, and what that does to a plain `vidport run` of the pulse sample (its default
// requests) as a whole, and to its start-up alone. The goals: restore at least 100x faster
// than POST; a plain run at most 1/3 of the CPU time of a run that POSTs.
#include <benchmark/benchmark.h>

#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "platform/pc_platform.h"
#include "platform/snapshot_file.h"
#include "platform/snapshot_store.h"

extern char** environ;

namespace {

using vidport::platform::PcPlatform;
using vidport::platform::PlatformOptions;

// A platform with nothing POSTed yet: what both sides start from (not timed).
std::unique_ptr<PcPlatform> unposted() {
  PlatformOptions options;
  options.machine.clock = vidport::kernel::ClockKind::Virtual;
  options.machine.processors = 1;
  options.post = false;
  return std::move(std::get<std::unique_ptr<PcPlatform>>(PcPlatform::create(options)));
}

// The cache directory of this benchmark run, never the user's; removed when the process ends.
const std::filesystem::path& cache_directory() {
  struct Temporary {
    std::filesystem::path path;
    Temporary() {
      char name[] = "/tmp/vidport-bench-snapshots-XXXXXX";
      if (const char* made = ::mkdtemp(name)) path = made;
    }
    ~Temporary() {
      std::error_code ignored;
      if (!path.empty()) std::filesystem::remove_all(path, ignored);
    }
  };
  static const Temporary directory;
  return directory.path;
}

// What a POST left, with its key: the source of the restoring benchmarks (nullopt: POST failed).
std::optional<vidport::platform::PostSnapshot> posted_snapshot() {
  auto source = unposted();
  if (!vidport::pc::VideoBios(source->pc()).post(vidport::pc::VideoBios::kDefaultRomPath).empty()) return std::nullopt;
  auto captured = source->capture_post();
  const auto rom =
      std::get<vidport::platform::RomIdentity>(vidport::platform::identify_rom(vidport::pc::VideoBios::kDefaultRomPath));
  if (captured) captured->key = {rom.sha256, rom.size, vidport::kernel::MachineConfig{}.bus_access_cost, 0};
  return captured;
}

// The video BIOS's POST (ROM init, then mode 03h) on a fresh platform.
void BM_PostFresh(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto platform = unposted();
    state.ResumeTiming();
    const std::string error = vidport::pc::VideoBios(platform->pc()).post(vidport::pc::VideoBios::kDefaultRomPath);
    state.PauseTiming();
    if (!error.empty()) state.SkipWithError(error.c_str());
    platform.reset();
    state.ResumeTiming();
  }
}

// What a platform pays instead when this process has POSTed before: name the ROM (a stat and a
// lookup), find the kept snapshot, restore it.
void BM_PostFromProcessSnapshot(benchmark::State& state) {
  auto captured = posted_snapshot();
  if (!captured) {
    state.SkipWithError("POST failed");
    return;
  }
  vidport::platform::SnapshotStore::process().keep(std::make_shared<const vidport::platform::PostSnapshot>(*captured));
  for (auto _ : state) {
    state.PauseTiming();
    auto platform = unposted();
    state.ResumeTiming();
    const auto identity = std::get<vidport::platform::RomIdentity>(vidport::platform::identify_rom(vidport::pc::VideoBios::kDefaultRomPath));
    const auto kept = vidport::platform::SnapshotStore::process().find(
        {identity.sha256, identity.size, vidport::kernel::MachineConfig{}.bus_access_cost, 0});
    platform->restore_post(*kept);
    state.PauseTiming();
    platform.reset();
    state.ResumeTiming();
  }
  vidport::platform::SnapshotStore::process().clear();
}

// The first platform of a new process: read and check the cache file, then restore.
void BM_PostFromCacheFile(benchmark::State& state) {
  auto captured = posted_snapshot();
  if (!captured) {
    state.SkipWithError("POST failed");
    return;
  }
  if (cache_directory().empty()) {
    state.SkipWithError("no temporary cache directory");
    return;
  }
  const auto file = cache_directory() / "bench.snap";
  if (!vidport::platform::write_snapshot_file(*captured, file).empty()) {
    state.SkipWithError("cannot write the snapshot file");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto platform = unposted();
    state.ResumeTiming();
    auto read = vidport::platform::read_snapshot_file(file, captured->key);
    platform->restore_post(std::get<vidport::platform::PostSnapshot>(read));
    state.PauseTiming();
    platform.reset();
    state.ResumeTiming();
  }
}

// `vidport run --miniport pulse_sample.so ARGS` as a process (range 0: --no-snapshot; 1: the
// snapshot, from the cache file the first run wrote); the time is the CPU time (user + system) the
// process used, so other load on the machine changes it less than wall time.
void run_vidport(benchmark::State& state, std::vector<std::string> args) {
  const bool snapshot = state.range(0) != 0;
  if (cache_directory().empty()) {
    state.SkipWithError("no temporary cache directory");  // never fall back to the user's cache
    return;
  }
  ::setenv("VIDPORT_SNAPSHOT_DIR", cache_directory().c_str(), 1);
  args.insert(args.begin(), {VIDPORT_CLI, "run", "--miniport", VIDPORT_SAMPLE_MINIPORT});
  if (!snapshot) args.push_back("--no-snapshot");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  auto cpu_of_children = [] {
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  };
  for (auto _ : state) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const double before = cpu_of_children();
    pid_t pid = 0;
    int status = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0 || ::waitpid(pid, &status, 0) != pid ||
        !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("vidport run failed");
    }
    posix_spawn_file_actions_destroy(&actions);
    state.SetIterationTime(cpu_of_children() - before);
  }
}

// The plain run: the display driver's start-up requests, then two seconds of clock time with the
// sample's 1 kHz interrupts, DPCs and timer.
void BM_VidportRunPulse(benchmark::State& state) { run_vidport(state, {}); }

// The start-up alone (a scenario with the display driver's requests and no wait): what every run
// pays before the miniport's own traffic.
void BM_VidportRunPulseStartup(benchmark::State& state) {
  const std::filesystem::path scenario = cache_directory() / "startup.yaml";
  std::ofstream(scenario) << "steps:\n  - display_driver: standard\n";
  run_vidport(state, {"--scenario", scenario.string()});
}

BENCHMARK(BM_PostFresh)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PostFromProcessSnapshot)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PostFromCacheFile)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_VidportRunPulse)->ArgName("snapshot")->Arg(0)->Arg(1)->UseManualTime()->Iterations(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VidportRunPulseStartup)->ArgName("snapshot")->Arg(0)->Arg(1)->UseManualTime()->Iterations(20)->Unit(benchmark::kMillisecond);

}  // namespace
