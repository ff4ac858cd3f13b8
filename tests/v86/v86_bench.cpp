// The cost of the full-screen path (issue 6's benchmark): port writes through the v86_test
// miniport's emulator routines with buffering and playback, against the same writes going
// straight to the VGA, in the same run; and a BIOS mode set (INT 10h AX=0013h) through the
// validators against the same mode set with the traps off. Wall time: the work runs on the
// machine's processor 0, not on the benchmark's thread.
#include <benchmark/benchmark.h>

#include <video.h>

#include "pc/pc.h"
#include "v86/session_bios.h"
#include "v86_rig.h"

namespace vidport::v86_test {
namespace {

constexpr int kWritesPerBatch = 96;  // inside one bracket: under the 100-entry buffer

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
  if (!rig.start() || rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status != NO_ERROR) {
    state.SkipWithError(rig.error().c_str());
    return;
  }
  rig.machine().bus().set_observer(nullptr);  // the rig's write log would grow without bound
  v86::PortRouter& router = rig.session().router();
  for (auto _ : state) rig.on_processor([&] { bracket(router); });
  state.SetItemsProcessed(state.iterations() * (kWritesPerBatch + 4));
}
BENCHMARK(BM_ValidatedPlayback)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The same writes straight to the VGA (no miniport: every VGA port visible).
void BM_DirectWrites(benchmark::State& state) {
  V86Rig rig;
  rig.machine().bus().set_observer(nullptr);
  v86::PortRouter& router = rig.session().router();
  for (auto _ : state) rig.on_processor([&] { bracket(router); });
  state.SetItemsProcessed(state.iterations() * (kWritesPerBatch + 4));
}
BENCHMARK(BM_DirectWrites)->Unit(benchmark::kMicrosecond)->UseRealTime();

// A BIOS mode set with the ROM's port I/O through the validators (the program's INT 10h).
void BM_ModeSetThroughValidators(benchmark::State& state) {
  V86Rig rig;
  if (!rig.start() || rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status != NO_ERROR) {
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
  if (!rig.start()) {
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

BENCHMARK_MAIN();
