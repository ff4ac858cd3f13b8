// The cost of the full-screen path (issue 6's benchmark), for `make bench`: port writes through
// vgasync's emulator routines with buffering, validation and playback, against the same writes
// going straight to the VGA, in the same run; and a BIOS mode set (INT 10h AX=0013h) through the
// validators against the same mode set with the traps off. The ratios are printed at the end.
// The write loops run on the machine's processor 0 itself (as a program's accesses do), so
// a thread hand-off does not hide the per-write cost; wall time throughout.
#include <benchmark/benchmark.h>

#include <video.h>

#include <string>

#include "pc/pc.h"
#include "ratio_reporter.h"
#include "v86/session_bios.h"
#include "v86_rig.h"

namespace vidport::v86_test {
namespace {

constexpr int kWritesPerBatch = 96;  // inside one bracket: under the 100-entry buffer
constexpr int kWritesPerIteration = kWritesPerBatch + 4;

std::string vgasync_module() { return std::string(VGASYNC_MODULE_DIR) + "/vgasync.so"; }

// Writes one sequencer reset bracket of kWritesPerBatch + 4 writes through `router`.
void bracket(v86::PortRouter& router) {
  router.write_port(0x3C4, bus::Width::Byte, 0x00);
  router.write_port(0x3C5, bus::Width::Byte, 0x01);
  for (int i = 0; i < kWritesPerBatch / 2; ++i) {
    router.write_port(0x3C4, bus::Width::Byte, 0x02);
    router.write_port(0x3C5, bus::Width::Byte, 0x0F);
  }
  router.write_port(0x3C4, bus::Width::Byte, 0x00);
  router.write_port(0x3C5, bus::Width::Byte, 0x03);
}

// Port writes through the emulator routines, buffered and played back in one synchronize call.
void BM_ValidatedPlayback(benchmark::State& state) {
  V86Rig rig;
  if (!rig.start(vgasync_module()) || rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status != NO_ERROR) {
    state.SkipWithError(rig.error().c_str());
    return;
  }
  rig.machine().bus().set_observer(nullptr);  // the rig's write log would grow without bound
  v86::PortRouter& router = rig.session().router();
  rig.on_processor([&] {
    for (auto _ : state) bracket(router);
  });
  if (router.counts().playbacks != static_cast<std::uint64_t>(state.iterations())) {
    state.SkipWithError("not one playback per bracket");
  }
  state.SetItemsProcessed(state.iterations() * kWritesPerIteration);
}
BENCHMARK(BM_ValidatedPlayback)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The same writes straight to the VGA (no miniport: every VGA port visible).
void BM_DirectWrites(benchmark::State& state) {
  V86Rig rig;
  rig.machine().bus().set_observer(nullptr);
  v86::PortRouter& router = rig.session().router();
  rig.on_processor([&] {
    for (auto _ : state) bracket(router);
  });
  state.SetItemsProcessed(state.iterations() * kWritesPerIteration);
}
BENCHMARK(BM_DirectWrites)->Unit(benchmark::kMicrosecond)->UseRealTime();

// A BIOS mode set with the ROM's port I/O through the validators (the program's INT 10h).
void BM_ModeSetThroughValidators(benchmark::State& state) {
  V86Rig rig;
  if (!rig.start(vgasync_module()) || rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status != NO_ERROR) {
    state.SkipWithError(rig.error().c_str());
    return;
  }
  v86::V86Session& session = rig.session();
  for (auto _ : state) {
    session.pc().registers().R_EAX = 0x0013;
    session.pc().set_segment(R_SS_INDEX, v86::kBiosStackSegment);
    session.pc().registers().R_ESP = v86::kBiosStackPointer;
    if (!session.int10().halted()) state.SkipWithError("the mode set did not return");
  }
}
BENCHMARK(BM_ModeSetThroughValidators)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same mode set with the traps off (VideoPortInt10's path).
void BM_ModeSetDirect(benchmark::State& state) {
  V86Rig rig;
  if (!rig.start(vgasync_module())) {
    state.SkipWithError(rig.error().c_str());
    return;
  }
  v86::SessionBios bios(rig.session());
  for (auto _ : state) {
    videoport::BiosRegisters regs;
    regs.eax = 0x0013;
    bool ok = false;
    rig.on_processor([&] { ok = bios.int10(regs); });
    if (!ok) state.SkipWithError("the mode set did not return");
  }
}
BENCHMARK(BM_ModeSetDirect)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace vidport::v86_test

int main(int argc, char** argv) {
  return vidport::bench::run_benchmarks(
      argc, argv,
      {{"full screen: validated playback vs direct, per port write", "BM_ValidatedPlayback", "BM_DirectWrites", 2.0},
       {"full screen: BIOS mode set through validators vs direct", "BM_ModeSetThroughValidators", "BM_ModeSetDirect",
        2.0}});
}
