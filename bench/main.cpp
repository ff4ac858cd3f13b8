// `make bench`: every benchmark of the project in one run, then the goal ratios, each measured
// against its baseline in this same run (never against numbers from elsewhere).
#include <cstdio>

#include "ratio_reporter.h"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  vidport::bench::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  std::printf("\nGoals (ratios measured in this run):\n");
  using vidport::bench::print_ratio;
  print_ratio(reporter, "VideoPortSynchronizeExecution(Medium) vs spin lock + call",
              "BM_SynchronizeMediumWithIsr", "BM_BaselineSpinLockCall", 1.3);
  print_ratio(reporter, "std::mutex lock+unlock vs spin lock + call (context)", "BM_StdMutexLockUnlock",
              "BM_BaselineSpinLockCall", 1e9);
  print_ratio(reporter, "INT 10h mode 13h set: vidport PC vs bare libx86emu", "BM_ModeSetOnVidport/19",
              "BM_ModeSetOnBareX86emu/19", 1.5);
  return 0;
}
