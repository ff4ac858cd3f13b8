// Halts during a full-screen program (kernel/halt.h): a miniport's emulator routine crashes while
// the emulator runs the program. The machine must stop with the crash as its finding, vidport's
// own frames must unwind (the emulator, which only one processor at a time may run, is free
// again), and a second run in the same process must complete. Runs under TSan and ASan+UBSan too.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <video.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>

#include "kernel/machine.h"
#include "pc/program.h"
#include "v86_rig.h"

namespace vidport::v86_test {
namespace {

using ::testing::HasSubstr;

// mov dx,3C4h; mov al,01h; out dx,al; inc dx; mov al,<value>; out dx,al; cli; hlt
pc::Program sequencer_write(std::uint8_t value) {
  pc::Program program;
  program.kind = pc::Program::Kind::BootImage;
  program.bytes = {0xBA, 0xC4, 0x03, 0xB0, 0x01, 0xEE, 0x42, 0xB0, value, 0xEE, 0xFA, 0xF4};
  return program;
}

// Starts `module` on the rig and lets it trap the VGA ports (IOCTL_VIDEO_ENABLE_VDM).
void start_full_screen(V86Rig& rig, const char* module) {
  ASSERT_TRUE(rig.start(module)) << rig.error();
  ASSERT_EQ(rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status, static_cast<std::uint32_t>(NO_ERROR));
}

// Runs `body` with a deadline: a run that never ends is reported and the process exits, instead
// of leaving CI waiting.
template <class F>
void within_deadline(const char* what, F body) {
  auto done = std::async(std::launch::async, body);
  if (done.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    std::fprintf(stderr, "FAILED: %s did not finish within 60 s (the emulator stayed locked?)\n", what);
    std::_Exit(1);
  }
  done.get();
}

// Scenario: the faulting twin of v86_test is in full screen; the program writes EEh to the
// sequencer, which the twin's emulator routine crashes on. Expected: the run ends as a fault that
// says the machine halted, and the stop finding is a miniport crash in HwVidEmulatorRoutine.
// Then a second machine in the same process, with the correct v86_test, runs a program to its HLT.
TEST(FullScreenHalt, CrashInEmulatorRoutineThenSecondRunCompletes) {
  within_deadline("the run with the crashing emulator routine", [] {
    V86Rig rig;
    ASSERT_NO_FATAL_FAILURE(start_full_screen(rig, "v86_test_faulting"));
    const pc::RunResult result = rig.session().run(sequencer_write(0xEE));
    EXPECT_FALSE(result.halted());
    EXPECT_THAT(result.message, HasSubstr("halted"));
    ASSERT_TRUE(rig.machine().halted());
    auto stop = rig.machine().stop_finding();
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->kind, findings::FindingKind::MiniportCrash);
    EXPECT_THAT(stop->message, HasSubstr("HwVidEmulatorRoutine"));
    EXPECT_THAT(stop->primary.site.module, HasSubstr("v86_test_faulting"));
  });
  within_deadline("the second run", [] {
    V86Rig rig;
    ASSERT_NO_FATAL_FAILURE(start_full_screen(rig, "v86_test"));
    const pc::RunResult result = rig.session().run(sequencer_write(0x03));
    EXPECT_TRUE(result.halted()) << result.message;
    EXPECT_FALSE(rig.machine().halted());
  });
}

// The negative control of the scenario above: the same program with a byte the twin does not
// crash on runs to its HLT on the twin, so the crash is the byte's doing.
TEST(FullScreenHalt, TwinRunsWhenTheByteIsHarmless) {
  within_deadline("the harmless run", [] {
    V86Rig rig;
    ASSERT_NO_FATAL_FAILURE(start_full_screen(rig, "v86_test_faulting"));
    const pc::RunResult result = rig.session().run(sequencer_write(0x03));
    EXPECT_TRUE(result.halted()) << result.message;
    EXPECT_FALSE(rig.machine().halted());
  });
}

}  // namespace
}  // namespace vidport::v86_test
