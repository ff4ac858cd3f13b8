// The whole full-screen path with the v86_test miniport: IOCTL_VIDEO_ENABLE_VDM installs its trap
// set, a full-screen program's accesses reach its emulator routines through the session's router,
// a sequencer synchronous-reset bracket is buffered, validated and played back in one
// synchronize callback, and save/restore keeps a half-finished bracket. "What the hardware saw"
// is every port write that reached the machine's bus.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <video.h>

#include <string>
#include <vector>

#include "image/image.h"
#include "image_compare.h"
#include "kernel/machine.h"
#include "pc/program.h"
#include "reference_trace.h"
#include "v86_rig.h"
#include "videoport/emulator_ports.h"

namespace vidport::v86_test {
namespace {

using bus::Width;

SeenWrite b(std::uint16_t port, std::uint32_t value) { return {port, Width::Byte, value}; }
SeenWrite w(std::uint16_t port, std::uint32_t value) { return {port, Width::Word, value}; }

class ValidatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(rig.start()) << rig.error();
    ASSERT_EQ(rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status, static_cast<std::uint32_t>(NO_ERROR));
    rig.session();
    rig.hardware().take();
  }
  videoport::EmulatorPorts& ports() { return *videoport::EmulatorPorts::of(*rig.adapter().adapter); }

  V86Rig rig;
};

// Scenario (sync-validator-vga.md §3.3): after ENABLE_VDM only the sequencer and Misc Output trap.
TEST_F(ValidatorTest, EnableVdmInstallsTheMinimalSet) {
  EXPECT_TRUE(ports().trapped(0x3C4, Width::Byte));
  EXPECT_TRUE(ports().trapped(0x3C5, Width::Byte));
  EXPECT_TRUE(ports().trapped(0x3C2, Width::Byte));
  EXPECT_FALSE(ports().trapped(0x3C0, Width::Byte));
  EXPECT_FALSE(ports().trapped(0x3D4, Width::Word));
  EXPECT_EQ(rig.stats().TrapCallsFailed, 0u);
}

// Scenario: the byte sequence 3C4<-00, 3C5<-01, 3C4<-01, 3C5<-21, 3C4<-00, 3C5<-03. The first
// write passes straight through; Full is installed at the second and the hardware sees nothing
// more until the last; then one playback replays the five buffered writes in order, and Minimal
// is back.
TEST_F(ValidatorTest, ByteSequenceIsBufferedAndPlayedBackOnce) {
  rig.out(0x3C4, Width::Byte, 0x00);
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{b(0x3C4, 0x00)}));
  rig.out(0x3C5, Width::Byte, 0x01);
  EXPECT_TRUE(ports().trapped(0x3C0, Width::Byte)) << "Full set installed at the reset";
  rig.out(0x3C4, Width::Byte, 0x01);
  rig.out(0x3C5, Width::Byte, 0x21);
  rig.out(0x3C4, Width::Byte, 0x00);
  EXPECT_TRUE(rig.hardware().take().empty());
  V86_TEST_STATS mid = rig.stats();
  EXPECT_EQ(mid.PendingCount, 4u);
  EXPECT_EQ(mid.Playbacks, 0u);

  rig.out(0x3C5, Width::Byte, 0x03);
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{b(0x3C5, 0x01), b(0x3C4, 0x01), b(0x3C5, 0x21),
                                                           b(0x3C4, 0x00), b(0x3C5, 0x03)}));
  V86_TEST_STATS after = rig.stats();
  EXPECT_EQ(after.Playbacks, 1u);
  EXPECT_EQ(after.LastPlaybackCount, 5u);
  EXPECT_EQ(after.PendingCount, 0u);
  EXPECT_FALSE(ports().trapped(0x3C0, Width::Byte)) << "Minimal set back";
  EXPECT_TRUE(ports().trapped(0x3C4, Width::Byte));
  // While Full was installed a normally visible port trapped too; now it goes direct again.
  rig.out(0x3CE, Width::Byte, 0x05);
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{b(0x3CE, 0x05)}));
  EXPECT_EQ(rig.stats().Playbacks, 1u);
}

// Scenario: the word-OUT form 3C4<-0100, 3C4<-0101, 3C4<-0300 (NT mode-set streams): the start
// is buffered, and the end plays back the three words as words.
TEST_F(ValidatorTest, WordFormIsBufferedAsWords) {
  rig.out(0x3C4, Width::Word, 0x0100);
  rig.out(0x3C4, Width::Word, 0x0101);
  rig.out(0x3CE, Width::Word, 0x0506);
  EXPECT_TRUE(rig.hardware().take().empty());
  rig.out(0x3C4, Width::Word, 0x0300);
  EXPECT_EQ(rig.hardware().take(),
            (std::vector<SeenWrite>{w(0x3C4, 0x0100), w(0x3C4, 0x0101), w(0x3CE, 0x0506), w(0x3C4, 0x0300)}));
  EXPECT_EQ(rig.stats().LastPlaybackCount, 4u);
}

// Scenario: a bracket with 120 data writes overflows the 100-entry buffer: the first 100 entries
// are played back early, the real sequencer index is restored, the batch is seeded again with
// 0100h to 3C4h, and the end plays back the rest (seed + 21 + 2 writes + end = 25).
TEST_F(ValidatorTest, OverflowAtOneHundredEntriesPlaysBackEarly) {
  rig.out(0x3C4, Width::Byte, 0x00);
  rig.out(0x3C5, Width::Byte, 0x01);
  rig.out(0x3C4, Width::Byte, 0x02);
  rig.hardware().take();
  for (int i = 0; i < 120; ++i) rig.out(0x3C5, Width::Byte, 0x0F);
  std::vector<SeenWrite> early = rig.hardware().take();
  ASSERT_EQ(early.size(), 101u) << "100 played back, then the index restored";
  EXPECT_EQ(early[0], b(0x3C5, 0x01));
  EXPECT_EQ(early[1], b(0x3C4, 0x02));
  EXPECT_EQ(early[100], b(0x3C4, 0x02));
  V86_TEST_STATS mid = rig.stats();
  EXPECT_EQ(mid.EarlyFlushes, 1u);
  EXPECT_EQ(mid.PendingCount, 23u);
  rig.out(0x3C4, Width::Byte, 0x00);
  rig.out(0x3C5, Width::Byte, 0x03);
  std::vector<SeenWrite> rest = rig.hardware().take();
  ASSERT_EQ(rest.size(), 25u);
  EXPECT_EQ(rest[0], w(0x3C4, 0x0100)) << "the rest stays inside the reset";
  EXPECT_EQ(rest[24], b(0x3C5, 0x03));
  EXPECT_EQ(rig.stats().Playbacks, 2u);
}

// Scenario: a read in the middle of a bracket needs real hardware state: what is buffered is
// played back, the index restored, the read done on the device (it returns the device's value),
// and the rest of the bracket is seeded with a new reset.
TEST_F(ValidatorTest, ReadMidSequencePlaysBackFirst) {
  // The device's clocking mode register before the program runs (host side, no processor busy).
  rig.machine().bus().write_port(0x3C4, Width::Byte, 0x01);
  const std::uint32_t device_value = rig.machine().bus().read_port(0x3C5, Width::Byte);
  rig.hardware().take();

  rig.out(0x3C4, Width::Byte, 0x00);
  rig.out(0x3C5, Width::Byte, 0x01);
  rig.out(0x3C4, Width::Byte, 0x01);
  rig.hardware().take();
  EXPECT_EQ(rig.in(0x3C5, Width::Byte), device_value);
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{b(0x3C5, 0x01), b(0x3C4, 0x01), b(0x3C4, 0x01)}));
  rig.out(0x3C5, Width::Byte, 0x21);
  rig.out(0x3C4, Width::Byte, 0x00);
  rig.out(0x3C5, Width::Byte, 0x03);
  EXPECT_EQ(rig.hardware().take(),
            (std::vector<SeenWrite>{w(0x3C4, 0x0100), b(0x3C5, 0x21), b(0x3C4, 0x00), b(0x3C5, 0x03)}));
  EXPECT_EQ(rig.stats().EarlyFlushes, 1u);
}

// Scenario: the user switches away in the middle of a bracket (SAVE_HARDWARE_STATE), another
// full-screen session starts (ENABLE_VDM clears the batch), then the first comes back
// (RESTORE_HARDWARE_STATE): the half-finished bracket and the Full set are back, and finishing
// it plays back exactly what the byte sequence test plays back.
TEST_F(ValidatorTest, SaveRestoreMidSequenceKeepsTheBatch) {
  rig.out(0x3C4, Width::Byte, 0x00);
  rig.out(0x3C5, Width::Byte, 0x01);
  rig.out(0x3C4, Width::Byte, 0x01);
  std::vector<std::uint8_t> state;
  ASSERT_EQ(rig.save_state(state), static_cast<std::uint32_t>(NO_ERROR));
  ASSERT_EQ(rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status, static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_EQ(rig.stats().PendingCount, 0u);
  EXPECT_FALSE(ports().trapped(0x3C0, Width::Byte));
  ASSERT_EQ(rig.restore_state(state), static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_EQ(rig.stats().PendingCount, 2u);
  EXPECT_TRUE(ports().trapped(0x3C0, Width::Byte));
  rig.hardware().take();
  rig.out(0x3C5, Width::Byte, 0x21);
  rig.out(0x3C4, Width::Byte, 0x00);
  rig.out(0x3C5, Width::Byte, 0x03);
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{b(0x3C5, 0x01), b(0x3C4, 0x01), b(0x3C5, 0x21),
                                                           b(0x3C4, 0x00), b(0x3C5, 0x03)}));
}

// Scenario: a bracket that selects a clock a plain VGA does not have (Misc Output 0Ch) is
// refused: nothing of it reaches the hardware. Negative control: the byte sequence test.
TEST_F(ValidatorTest, InvalidBatchIsDiscarded) {
  rig.out(0x3C4, Width::Byte, 0x00);
  rig.out(0x3C5, Width::Byte, 0x01);
  rig.out(0x3C2, Width::Byte, 0x6F);
  rig.out(0x3C5, Width::Byte, 0x03);
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{b(0x3C4, 0x00)}));
  EXPECT_EQ(rig.stats().Discarded, 1u);
  EXPECT_EQ(rig.stats().Playbacks, 0u);
}

// Scenario: REP OUTSB of 3 bytes to the trapped sequencer data port reaches the byte family's
// string routine as one call with DataLength 3.
TEST_F(ValidatorTest, StringOutputIsOneCall) {
  rig.out(0x3C4, Width::Byte, 0x02);
  std::vector<std::uint8_t> bytes = {0x0F, 0x0E, 0x0F};
  v86::PortRouter& router = rig.session().router();
  rig.on_processor([&] { router.transfer_string(bus::Direction::Write, 0x3C5, Width::Byte, bytes.data(), 3); });
  V86_TEST_STATS stats = rig.stats();
  EXPECT_EQ(stats.StringCalls, 1u);
  EXPECT_EQ(stats.LongestString, 3u);
  EXPECT_EQ(rig.hardware().take(),
            (std::vector<SeenWrite>{b(0x3C4, 0x02), b(0x3C5, 0x0F), b(0x3C5, 0x0E), b(0x3C5, 0x0F)}));
}

// Scenario: a program that masks the PIC (OUT 21h), reads the PIT (IN 40h) and writes a VGA
// register: only the VGA write reaches the machine's bus; the null device logged the others.
TEST_F(ValidatorTest, ProgramCannotReachDevicesOutsideTheVga) {
  pc::Program program;
  program.kind = pc::Program::Kind::BootImage;
  // mov al,FFh; out 21h,al; in al,40h; mov dx,3CEh; mov al,05h; out dx,al; cli; hlt
  program.bytes = {0xB0, 0xFF, 0xE6, 0x21, 0xE4, 0x40, 0xBA, 0xCE, 0x03, 0xB0, 0x05, 0xEE, 0xFA, 0xF4};
  const pc::RunResult result = rig.session().run(program);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{b(0x3CE, 0x05)}));
  const auto counts = rig.session().null_device().counts();
  EXPECT_EQ(counts.at(0x21), 1u);
  EXPECT_EQ(counts.at(0x40), 1u);
}

// Scenario: the reference mode 13h boot program runs as a full-screen program through the
// validators: the ROM's mode set goes through the emulator routines (its sequencer writes trap),
// the DONE text lands in the null device, and the screen equals QEMU's, as with `vidport boot`.
TEST_F(ValidatorTest, BootProgramThroughValidatorsMatchesQemu) {
  ASSERT_EQ(pc::testing::check_reference_rom(), "");
  pc::Program program;
  ASSERT_EQ(pc::read_program(pc::testing::programs_dir() + "/boot13h.bin", program), "");
  image::Image expected;
  ASSERT_EQ(image::read_png(pc::testing::refs_dir() + "/qemu-mode13h.png", expected), "");
  const pc::RunResult result = rig.session().run(program);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_GE(rig.session().router().counts().emulated, 6u) << "5 sequencer words and Misc Output";
  std::string text;
  for (const v86::NullAccess& access : rig.session().null_device().log()) {
    if (access.port == 0xE9 && access.direction == bus::Direction::Write) text += static_cast<char>(access.value);
  }
  EXPECT_EQ(text, "DONE13\n");
  const image::Image actual = rig.platform().vga().render();
  EXPECT_EQ(pc::testing::compare_images(expected, actual), "");
}

}  // namespace
}  // namespace vidport::v86_test
