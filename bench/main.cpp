// `make bench`: every benchmark of the project in one run, then the goal ratios, each measured
// against its baseline in this same run (never against numbers from elsewhere).
#include "ratio_reporter.h"

int main(int argc, char** argv) {
  return vidport::bench::run_benchmarks(
      argc, argv,
      {{"VideoPortSynchronizeExecution(Medium) vs spin lock + call", "BM_SynchronizeMediumWithIsr",
        "BM_BaselineSpinLockCall", 1.3},
       {"std::mutex lock+unlock vs spin lock + call (context)", "BM_StdMutexLockUnlock", "BM_BaselineSpinLockCall",
        1e9},
       {"INT 10h mode 13h set: vidport PC vs bare libx86emu", "BM_ModeSetOnVidport/19", "BM_ModeSetOnBareX86emu/19",
        1.5},
       {"POST: restore the process's snapshot vs run the video BIOS", "BM_PostFromProcessSnapshot",
        "BM_PostFresh", 0.01},
       {"POST: restore the cache file vs run the video BIOS", "BM_PostFromCacheFile", "BM_PostFresh", 0.01},
       {"vidport run pulse sample CPU: snapshot vs --no-snapshot", "BM_VidportRunPulse/snapshot:1",
        "BM_VidportRunPulse/snapshot:0", 1.0 / 3},
       {"vidport run pulse start-up CPU: snapshot vs --no-snapshot", "BM_VidportRunPulseStartup/snapshot:1",
        "BM_VidportRunPulseStartup/snapshot:0", 1.0 / 3}});
}
