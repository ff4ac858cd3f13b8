// vgasync's full-screen validator through the whole path (docs/fullscreen.md): its trap sets, a
// sequencer reset bracket buffered and played back in one VpHighPriority callback, the "invalid"
// predicate refusing writes (reported through VideoPortLogError as deduplicated, capped
// findings), the ISR that only acknowledges while a program owns the card, save/restore mid
// bracket, and real programs. The VGA's own programming oracle checks the same predicate where
// writes land: with vgasync it stays silent, with the "validation off" build it catches them.
// "What the hardware saw" is every write to 3C2h/3C4h/3C5h that reached the machine's bus (the
// ISR's CRTC accesses run alongside and are left out).
#include <gtest/gtest.h>

#include <video.h>

#include <cstring>
#include <string>
#include <vector>

#include "image/image.h"
#include "image_compare.h"
#include "pc/program.h"
#include "reference_trace.h"
#include "v86_rig.h"
#include "videoport/emulator_ports.h"

extern "C" {
#include "vgasync.h"
}

namespace vidport::v86_test {
namespace {

using bus::Width;

SeenWrite b(std::uint16_t port, std::uint32_t value) { return {port, Width::Byte, value}; }
SeenWrite w(std::uint16_t port, std::uint32_t value) { return {port, Width::Word, value}; }

std::string vgasync_module(const std::string& name) { return std::string(VGASYNC_MODULE_DIR) + "/" + name + ".so"; }
std::string shipped_program(const std::string& name) { return std::string(VIDPORT_PROGRAMS_DIR) + "/" + name; }

struct Refusal {
  std::uint32_t reason, port, data;
  std::uint64_t count;
  bool operator==(const Refusal& o) const {
    return reason == o.reason && port == o.port && data == o.data && count == o.count;
  }
};

class VgasyncValidatorTest : public ::testing::Test {
 protected:
  void start(const std::string& module = "vgasync") {
    ASSERT_TRUE(rig.start(vgasync_module(module))) << rig.error();
    ASSERT_EQ(rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status, static_cast<std::uint32_t>(NO_ERROR));
    rig.session();
    rig.hardware().take();
  }
  videoport::EmulatorPorts& ports() { return *videoport::EmulatorPorts::of(*rig.adapter().adapter); }
  // A private query IOCTL's output structure (zeros when the request failed).
  template <typename T>
  T query(std::uint32_t code) {
    T out{};
    host::RequestResult result = rig.request(code, {}, sizeof(out));
    if (result.output.size() >= sizeof(out)) std::memcpy(&out, result.output.data(), sizeof(out));
    return out;
  }
  VGASYNC_VALIDATOR_STATS validator() { return query<VGASYNC_VALIDATOR_STATS>(IOCTL_VGASYNC_QUERY_VALIDATOR); }
  VGASYNC_STATS device_stats() { return query<VGASYNC_STATS>(IOCTL_VGASYNC_QUERY_STATS); }
  // The sequencer and Misc Output writes the card saw since the last call.
  std::vector<SeenWrite> seen() {
    std::vector<SeenWrite> kept;
    for (const SeenWrite& write : rig.hardware().take()) {
      if (write.port == 0x3C2 || write.port == 0x3C4 || write.port == 0x3C5) kept.push_back(write);
    }
    return kept;
  }
  // vgasync's refusals as the run's findings show them, decoded by vgasync.h's UniqueId layout.
  std::vector<Refusal> refusals() {
    std::vector<Refusal> out;
    for (const findings::Finding& f : rig.machine().findings().snapshot()) {
      if (f.kind != findings::FindingKind::MiniportLoggedError) continue;
      const auto id = static_cast<std::uint32_t>(f.detail);
      EXPECT_EQ(f.detail >> 32, static_cast<std::uint64_t>(ERROR_INVALID_PARAMETER));
      out.push_back({VGASYNC_REFUSAL_REASON(id), VGASYNC_REFUSAL_PORT(id), VGASYNC_REFUSAL_DATA(id), f.count});
    }
    return out;
  }
  unsigned device_faults() { return rig.platform().vga().programming_faults().distinct(); }
  std::uint8_t sequencer(unsigned index) { return rig.platform().vga().snapshot().sequencer.reg[index]; }
  std::string debug_text() {
    std::string text;
    for (const v86::NullAccess& access : rig.session().null_device().log()) {
      if (access.port == 0xE9 && access.direction == bus::Direction::Write) text += static_cast<char>(access.value);
    }
    return text;
  }

  V86Rig rig;
};

// Scenario: after ENABLE_VDM only the sequencer and Misc Output trap, and the ISR knows a
// full-screen program owns the card.
TEST_F(VgasyncValidatorTest, EnableVdmInstallsTheNarrowSet) {
  start();
  EXPECT_TRUE(ports().trapped(0x3C4, Width::Byte));
  EXPECT_TRUE(ports().trapped(0x3C5, Width::Byte));
  EXPECT_TRUE(ports().trapped(0x3C2, Width::Byte));
  EXPECT_FALSE(ports().trapped(0x3C0, Width::Byte));
  EXPECT_FALSE(ports().trapped(0x3D4, Width::Word));
  EXPECT_EQ(validator().TrapCallsFailed, 0u);
  EXPECT_EQ(validator().FullScreen, 1u);
}

// Scenario: the byte sequence 3C4<-00, 3C5<-01, 3C4<-01, 3C5<-21, 3C4<-00, 3C5<-03. The first
// write passes; the card sees nothing more until the reset ends; then one playback writes the
// five buffered writes in order, and the router counts it as one playback of five port writes.
TEST_F(VgasyncValidatorTest, ResetBracketIsPlayedBackOnce) {
  start();
  rig.out(0x3C4, Width::Byte, 0x00);
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{b(0x3C4, 0x00)}));
  rig.out(0x3C5, Width::Byte, 0x01);
  EXPECT_TRUE(ports().trapped(0x3C0, Width::Byte)) << "every port traps inside the bracket";
  rig.out(0x3C4, Width::Byte, 0x01);
  rig.out(0x3C5, Width::Byte, 0x21);
  rig.out(0x3C4, Width::Byte, 0x00);
  EXPECT_TRUE(seen().empty());
  EXPECT_EQ(validator().PendingWrites, 4u);
  rig.out(0x3C5, Width::Byte, 0x03);
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{b(0x3C5, 0x01), b(0x3C4, 0x01), b(0x3C5, 0x21), b(0x3C4, 0x00),
                                            b(0x3C5, 0x03)}));
  const VGASYNC_VALIDATOR_STATS stats = validator();
  EXPECT_EQ(stats.Playbacks, 1u);
  EXPECT_EQ(stats.LastPlaybackWrites, 5u);
  EXPECT_FALSE(ports().trapped(0x3C0, Width::Byte)) << "the narrow set is back";
  const v86::RouteCounts counts = rig.session().router().counts();
  EXPECT_EQ(counts.playbacks, 1u);
  EXPECT_EQ(counts.playback_writes, 5u);
}

// Scenario: outside a bracket, a clock-3 Misc Output write, an asynchronous reset (word 0000h to
// 3C4h) and chain-4 without extended memory (SR04 = 08h, index then data). Only the index write
// reaches the card; each refusal is one finding with the port, the data and the reason; the VGA's
// own oracle saw nothing invalid land.
TEST_F(VgasyncValidatorTest, InvalidWritesAreRefusedAndReported) {
  start();
  rig.out(0x3C2, Width::Byte, 0x6F);
  rig.out(0x3C4, Width::Word, 0x0000);
  rig.out(0x3C4, Width::Byte, 0x04);
  rig.out(0x3C5, Width::Byte, 0x08);
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{b(0x3C4, 0x04)}));
  EXPECT_EQ(refusals(), (std::vector<Refusal>{{VGASYNC_INVALID_CLOCK, 0x3C2, 0x6F, 1},
                                              {VGASYNC_INVALID_ASYNC_RESET, 0x3C4, 0x0000, 1},
                                              {VGASYNC_INVALID_CHAIN4, 0x3C5, 0x08, 1}}));
  EXPECT_EQ(validator().RefusedWrites, 3u);
  EXPECT_EQ(device_faults(), 0u);
  EXPECT_EQ(sequencer(0) & 0x03, 0x03) << "the sequencer still runs";
}

// Scenario: the same invalid write 500 times, then every invalid Misc Output value once (128 of
// them). Expected: one finding with count 501 for the repeated value, at most 64 distinct
// findings of the kind, and the other 64 values counted as overflow.
TEST_F(VgasyncValidatorTest, RefusalsAreDeduplicatedAndCapped) {
  start();
  for (int i = 0; i < 500; ++i) rig.out(0x3C2, Width::Byte, 0x6F);
  unsigned invalid_values = 0;
  for (unsigned value = 0; value < 256; ++value) {
    if (((value >> 2) & 3) < 2) continue;
    ++invalid_values;
    rig.out(0x3C2, Width::Byte, value);
  }
  ASSERT_EQ(invalid_values, 128u);
  const std::vector<Refusal> found = refusals();
  ASSERT_EQ(found.size(), findings::FindingsChannel::kMaxDistinctPerKind);
  EXPECT_EQ(found.front(), (Refusal{VGASYNC_INVALID_CLOCK, 0x3C2, 0x6F, 501}));
  EXPECT_EQ(rig.machine().findings().overflow(), 128u - findings::FindingsChannel::kMaxDistinctPerKind);
  EXPECT_TRUE(seen().empty());
  EXPECT_EQ(validator().RefusedWrites, 628u);
}

// Scenario: a bracket 0100h, Misc 6Fh (clock 3), Misc 67h (clock 1), 0200h (ends the
// synchronous reset into an asynchronous one), 0300h. Expected: the two invalid writes are left
// out and the rest plays back as one unit.
TEST_F(VgasyncValidatorTest, InvalidWritesInsideABracketAreLeftOut) {
  start();
  rig.out(0x3C4, Width::Word, 0x0100);
  rig.out(0x3C2, Width::Byte, 0x6F);
  rig.out(0x3C2, Width::Byte, 0x67);
  rig.out(0x3C4, Width::Word, 0x0200);
  EXPECT_TRUE(seen().empty());
  rig.out(0x3C4, Width::Word, 0x0300);
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{w(0x3C4, 0x0100), b(0x3C2, 0x67), w(0x3C4, 0x0300)}));
  EXPECT_EQ(refusals().size(), 2u);
  EXPECT_EQ(device_faults(), 0u);
}

// Scenario: a read inside a bracket needs the card's real state. Expected: what is buffered plays
// back as a closed bracket (ending with 0300h and the program's index), so the card is not left
// in reset while the program runs on; the read sees the card; the rest is bracketed again, with
// the program's index selected after the new start-of-reset (which moves the card's index to 0).
TEST_F(VgasyncValidatorTest, ReadInsideABracketClosesTheResetFirst) {
  start();
  rig.out(0x3C4, Width::Word, 0x0100);
  rig.out(0x3C4, Width::Byte, 0x01);
  const std::uint32_t value = rig.in(0x3C5, Width::Byte);
  EXPECT_EQ(value, sequencer(1));
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{w(0x3C4, 0x0100), b(0x3C4, 0x01), w(0x3C4, 0x0300), b(0x3C4, 0x01)}));
  EXPECT_EQ(sequencer(0), 0x03) << "not left in reset between playbacks";
  rig.out(0x3C5, Width::Byte, value);
  rig.out(0x3C4, Width::Word, 0x0300);
  // The new bracket selects the program's index again before its data write.
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{w(0x3C4, 0x0100), b(0x3C4, 0x01), b(0x3C5, value), w(0x3C4, 0x0300)}));
  EXPECT_EQ(validator().EarlyPlaybacks, 1u);
}

// Scenario: the user switches away in the middle of a bracket and comes back. Expected: nothing of
// the bracket reached the card before; the bracket survives in the state buffer, the ISR gets its
// work back while away, and the bracket plays back after the restore. A damaged or forged
// buffer is refused.
TEST_F(VgasyncValidatorTest, SaveAndRestoreKeepAHalfBracket) {
  start();
  rig.out(0x3C4, Width::Word, 0x0100);
  rig.out(0x3C4, Width::Word, 0x0F02);
  std::vector<std::uint8_t> state;
  EXPECT_TRUE(seen().empty());
  ASSERT_EQ(rig.save_state(state), static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_EQ(validator().FullScreen, 0u);
  seen();  // saving reads the card's registers and planes and puts the indexes back

  std::vector<std::uint8_t> damaged = state;
  auto* header = reinterpret_cast<VIDEO_HARDWARE_STATE_HEADER*>(damaged.data());
  // More than vgasync ever leaves buffered (an early playback needs room for two more writes).
  for (ULONG count : {ULONG{VGASYNC_VALIDATOR_DEPTH + 1}, ULONG{VGASYNC_VALIDATOR_DEPTH - 1}}) {
    std::memcpy(damaged.data() + header->ExtendedValidatorStateOffset, &count, sizeof(count));
    EXPECT_EQ(rig.restore_state(damaged), static_cast<std::uint32_t>(ERROR_INVALID_PARAMETER)) << count;
  }
  std::vector<std::uint8_t> forged = state;
  // The second buffered write (0F02h to 3C4h) becomes Misc Output 6Fh, a clock the card lacks.
  const std::size_t second = header->ExtendedValidatorStateOffset + sizeof(ULONG) + 12;
  const ULONG port = 0x3C2, data = 0x6F;
  std::memcpy(forged.data() + second, &port, sizeof(port));
  forged[second + 4] = 1;
  std::memcpy(forged.data() + second + 8, &data, sizeof(data));
  EXPECT_EQ(rig.restore_state(forged), static_cast<std::uint32_t>(ERROR_INVALID_PARAMETER));

  ASSERT_EQ(rig.restore_state(state), static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_EQ(validator().FullScreen, 1u);
  EXPECT_TRUE(ports().trapped(0x3C0, Width::Byte)) << "the full set is back with the bracket";
  seen();  // restoring reloads the card
  rig.out(0x3C4, Width::Word, 0x0300);
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{w(0x3C4, 0x0100), w(0x3C4, 0x0F02), w(0x3C4, 0x0300)}));
}

// Scenario: a program sets mode 13h and draws (the reference boot program); the user switches
// away, the display driver sets text mode 03h, and the user comes back. Expected: the restore
// brings back the program's screen exactly (QEMU's mode 13h screenshot), and the card's registers
// and DAC equal what they were when it was saved.
TEST_F(VgasyncValidatorTest, SwitchingAwayAndBackRestoresTheProgramsScreen) {
  ASSERT_EQ(pc::testing::check_reference_rom(), "");
  start();
  pc::Program program;
  ASSERT_EQ(pc::read_program(pc::testing::programs_dir() + "/boot13h.bin", program), "");
  image::Image expected;
  ASSERT_EQ(image::read_png(pc::testing::refs_dir() + "/qemu-mode13h.png", expected), "");
  ASSERT_TRUE(rig.session().run(program).halted());
  const devices::vga::VgaState before = rig.platform().vga().snapshot();

  std::vector<std::uint8_t> state;
  ASSERT_EQ(rig.save_state(state), static_cast<std::uint32_t>(NO_ERROR));
  VIDEO_MODE text{VGASYNC_MODE_03H};
  std::vector<std::uint8_t> mode(sizeof(text));
  std::memcpy(mode.data(), &text, sizeof(text));
  ASSERT_EQ(rig.request(IOCTL_VIDEO_SET_CURRENT_MODE, mode).record.status, static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_NE(pc::testing::compare_images(expected, rig.platform().vga().render()), "") << "text mode is showing";

  ASSERT_EQ(rig.restore_state(state), static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_EQ(pc::testing::compare_images(expected, rig.platform().vga().render()), "");
  const devices::vga::VgaState after = rig.platform().vga().snapshot();
  EXPECT_EQ(after.dac.rgb, before.dac.rgb);
  EXPECT_EQ(after.sequencer.reg, before.sequencer.reg);
  EXPECT_EQ(after.graphics.reg, before.graphics.reg);
  EXPECT_EQ(after.external.misc_output, before.external.misc_output);
  EXPECT_EQ(after.memory.planes, before.memory.planes);
  EXPECT_EQ(device_faults(), 0u);
}

// Scenario: while a program owns the card, a palette is queued and three retraces pass.
// Expected: the ISR acknowledged them (the waits complete) but left the palette queued; once the
// display driver is back (DISABLE_VDM) the next retraces apply it.
TEST_F(VgasyncValidatorTest, IsrOnlyAcknowledgesDuringASession) {
  start();
  const VGASYNC_STATS before = device_stats();
  std::vector<std::uint8_t> input(offsetof(VIDEO_CLUT, LookupTable) + sizeof(ULONG));
  VIDEO_CLUT clut{};
  clut.NumEntries = 1;
  clut.FirstEntry = 5;
  std::memcpy(input.data(), &clut, offsetof(VIDEO_CLUT, LookupTable));
  const VIDEO_CLUTDATA entry{10, 20, 30, 0};
  std::memcpy(input.data() + offsetof(VIDEO_CLUT, LookupTable), &entry, sizeof(entry));
  ASSERT_EQ(rig.request(IOCTL_VIDEO_SET_COLOR_REGISTERS, input).record.status, static_cast<std::uint32_t>(NO_ERROR));
  const ULONG three = 3;
  std::vector<std::uint8_t> wait(sizeof(three));
  std::memcpy(wait.data(), &three, sizeof(three));
  ASSERT_EQ(rig.request(IOCTL_VGASYNC_WAIT_RETRACES, wait, sizeof(ULONG)).record.status,
            static_cast<std::uint32_t>(NO_ERROR));
  const VGASYNC_STATS during = device_stats();
  EXPECT_GE(validator().RetracesDeferred, 3u);
  EXPECT_EQ(during.PaletteUpdatesApplied, before.PaletteUpdatesApplied);
  EXPECT_EQ(during.QueuedPalettes, 1u);

  ASSERT_EQ(rig.request(IOCTL_VIDEO_DISABLE_VDM).record.status, static_cast<std::uint32_t>(NO_ERROR));
  ASSERT_EQ(rig.request(IOCTL_VGASYNC_WAIT_RETRACES, wait, sizeof(ULONG)).record.status,
            static_cast<std::uint32_t>(NO_ERROR));
  const VGASYNC_STATS after = device_stats();
  EXPECT_EQ(after.PaletteUpdatesApplied, before.PaletteUpdatesApplied + 1);
  EXPECT_EQ(after.QueuedPalettes, 0u);
  EXPECT_EQ(rig.platform().vga().snapshot().dac.rgb[5 * 3], 10);
}

// Negative control: the "validation off" build lets the same invalid writes through, and the
// VGA's programming oracle catches each where it lands.
TEST_F(VgasyncValidatorTest, DevicePredicateCatchesWhatValidationOffLetsThrough) {
  start("vgasync_no_validation");
  rig.out(0x3C2, Width::Byte, 0x6F);
  rig.out(0x3C4, Width::Word, 0x0804);
  rig.out(0x3C4, Width::Word, 0x0200);
  EXPECT_EQ(seen(), (std::vector<SeenWrite>{b(0x3C2, 0x6F), w(0x3C4, 0x0804), w(0x3C4, 0x0200)}));
  const devices::vga::ProgrammingOracle oracle = rig.platform().vga().programming_faults();
  ASSERT_EQ(oracle.distinct(), 3u);
  EXPECT_EQ(oracle.faults()[0].kind, devices::vga::ProgrammingFaultKind::MissingClock);
  EXPECT_EQ(oracle.faults()[1].kind, devices::vga::ProgrammingFaultKind::ChainFourWithoutMemory);
  EXPECT_EQ(oracle.faults()[2].kind, devices::vga::ProgrammingFaultKind::AsynchronousReset);
  EXPECT_TRUE(refusals().empty());
}

// Scenario: the three reference boot programs run as full-screen programs through vgasync (the
// ROM's mode sets pass its validator write by write). Expected: the screens equal QEMU's.
class VgasyncBootProgramTest : public VgasyncValidatorTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(VgasyncBootProgramTest, ScreenMatchesQemu) {
  ASSERT_EQ(pc::testing::check_reference_rom(), "");
  start();
  const std::string mode = GetParam();
  pc::Program program;
  ASSERT_EQ(pc::read_program(pc::testing::programs_dir() + "/boot" + mode + ".bin", program), "");
  image::Image expected;
  ASSERT_EQ(image::read_png(pc::testing::refs_dir() + "/qemu-mode" + mode + ".png", expected), "");
  const pc::RunResult result = rig.session().run(program);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_GE(rig.session().router().counts().emulated, 6u) << "the ROM's sequencer and Misc Output writes trapped";
  EXPECT_EQ(pc::testing::compare_images(expected, rig.platform().vga().render()), "");
  EXPECT_EQ(device_faults(), 0u);
  EXPECT_TRUE(refusals().empty());
}

INSTANTIATE_TEST_SUITE_P(Modes, VgasyncBootProgramTest, ::testing::Values("03h", "12h", "13h"));

// Scenario: the shipped NT-style program: mode 13h by the BIOS, then the sequencer and Misc
// Output again as a bracket of word OUTs, then a bracket with a read inside. Expected (counted
// by hand from the program): bracket 1 is one playback of 7 writes; bracket 2 an early playback
// of 4 (0100h, index 1, 0300h, index 1) and a final one of 4 (0100h, index 1, SR01, 0300h). The
// picture is in chain-4 memory and the card runs.
TEST_F(VgasyncValidatorTest, NtStyleProgramIsBufferedAndPlayedBack) {
  start();
  pc::Program program;
  ASSERT_EQ(pc::read_program(shipped_program("ntreset13h.bin"), program), "");
  const pc::RunResult result = rig.session().run(program);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(debug_text(), "NTRESET13 DONE\n");
  const v86::RouteCounts counts = rig.session().router().counts();
  EXPECT_EQ(counts.playbacks, 3u);
  EXPECT_EQ(counts.playback_writes, 15u);
  EXPECT_EQ(validator().EarlyPlaybacks, 1u);
  EXPECT_EQ(sequencer(0), 0x03);
  EXPECT_EQ(sequencer(4), 0x0E);
  const devices::vga::VgaState state = rig.platform().vga().snapshot();
  for (unsigned y : {0u, 7u, 199u}) {
    for (unsigned x : {0u, 1u, 2u, 3u, 255u, 319u}) {
      const unsigned offset = y * 320 + x;  // chain-4: plane = offset & 3, byte = offset & ~3
      EXPECT_EQ(state.memory.planes[offset & 3][offset & ~3u], (x + y) & 0xFF) << "pixel " << x << "," << y;
    }
  }
  EXPECT_TRUE(refusals().empty());
}

// Scenario: the shipped hostile program (invalid writes, wrong and unclosed brackets, string
// floods, 30000 random accesses). Expected: it runs to its end, nothing invalid landed on the
// card, its refusals are findings, its floods reached the string routine whole, its accesses
// outside the VGA went to the null device. With validation off the same program is caught by
// the card's oracle (negative control in the next test).
TEST_F(VgasyncValidatorTest, HostileProgramGetsNothingInvalidPast) {
  start();
  pc::Program program;
  ASSERT_EQ(pc::read_program(shipped_program("hostile.bin"), program), "");
  const pc::RunResult result = rig.session().run(program);
  ASSERT_TRUE(result.halted()) << result.message;
  // Its last act writes "HOSTILE DONE\n" to port E9h (random writes may have hit E9h too).
  const auto null_counts = rig.session().null_device().counts();
  ASSERT_TRUE(null_counts.count(0xE9) != 0);
  EXPECT_GE(null_counts.at(0xE9), 13u) << "the program did not reach its end";
  EXPECT_EQ(device_faults(), 0u) << "an invalid write reached the card";
  EXPECT_EQ(sequencer(0) & 0x03, 0x03) << "the card was left in reset";
  EXPECT_GE(refusals().size(), 3u);
  const VGASYNC_VALIDATOR_STATS stats = validator();
  EXPECT_GT(stats.RefusedWrites, 0u);
  EXPECT_GE(stats.StringCalls, 3u);
  EXPECT_GT(rig.session().null_device().total(), 0u);
}

TEST_F(VgasyncValidatorTest, HostileProgramWithValidationOffIsCaughtByTheCard) {
  start("vgasync_no_validation");
  pc::Program program;
  ASSERT_EQ(pc::read_program(shipped_program("hostile.bin"), program), "");
  const pc::RunResult result = rig.session().run(program);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_GE(device_faults(), 3u);
}

}  // namespace
}  // namespace vidport::v86_test
