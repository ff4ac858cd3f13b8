// Display timing derived from the registers, and the Input Status 1 bits that follow the clock.
// Expected numbers come from the standard mode table (sync-validator-vga.md §4.9): the dot clock
// over dots per line over lines per frame.
#include "vga_fixture.h"

namespace vidport::devices::vga::testing {
namespace {

using Timing = VgaFixture;

// Mode 03h: 28.322 MHz, 100 x 9 dots, 449 lines -> 70.09 Hz; retrace at line 412.
TEST_F(Timing, Mode03Is70HzWithRetraceAtLine412) {
  program(kMode03);
  DisplayTiming t = vga.timing();
  EXPECT_EQ(t.horizontal_total * t.dots_per_char, 900u);
  EXPECT_EQ(t.vertical_total, 449u);
  EXPECT_EQ(t.vertical_display, 400u);
  EXPECT_EQ(t.retrace_start, 412u);
  EXPECT_NEAR(t.line_hz(), 28322000.0 / 900, 1e-6);
  EXPECT_NEAR(t.refresh_hz(), 70.09, 0.01);
}

// Mode 12h: 25.175 MHz, 800 dots, 525 lines -> 59.94 Hz; retrace at line 490.
TEST_F(Timing, Mode12Is60HzWithRetraceAtLine490) {
  program(kMode12);
  DisplayTiming t = vga.timing();
  EXPECT_EQ(t.horizontal_total * t.dots_per_char, 800u);
  EXPECT_EQ(t.vertical_total, 525u);
  EXPECT_EQ(t.vertical_display, 480u);
  EXPECT_EQ(t.retrace_start, 490u);
  EXPECT_NEAR(t.refresh_hz(), 59.94, 0.01);
}

// Mode 13h: 25.175 MHz, 800 dots, 449 lines -> 70.09 Hz.
TEST_F(Timing, Mode13Is70Hz) {
  program(kMode13);
  DisplayTiming t = vga.timing();
  EXPECT_EQ(t.horizontal_total * t.dots_per_char, 800u);
  EXPECT_EQ(t.vertical_total, 449u);
  EXPECT_EQ(t.retrace_start, 412u);
  EXPECT_NEAR(t.refresh_hz(), 70.09, 0.01);
}

// The dot clock follows the registers, not a mode number: halving it (SR01 bit 3) halves the rate.
TEST_F(Timing, DotClockDivideHalvesTheRate) {
  program(kMode13);
  seq(0x01, 0x09);
  EXPECT_NEAR(vga.timing().refresh_hz(), 70.09 / 2, 0.01);
}

// Input Status 1 across one mode 12h frame: display enabled at the top left, bit 0 set in the
// horizontal blanking, bits 3 and 0 set during vertical retrace (lines 490-491), clear after.
TEST_F(Timing, InputStatus1FollowsTheBeam) {
  program(kMode12);
  const double line_ns = 1e9 * 800 / 25175000.0;
  auto status_at = [&](double ns) {
    clock.pass_until(static_cast<kernel::ClockTime>(ns));
    return in(0x3DA) & 0x09;
  };
  EXPECT_EQ(status_at(line_ns * 10 + 100), 0x00);             // line 10, char clock ~3
  EXPECT_EQ(status_at(line_ns * 10 + line_ns * 0.9), 0x01);   // line 10, char 90 of 100: blanking
  EXPECT_EQ(status_at(line_ns * 485.5), 0x01);                // below the display, before retrace
  EXPECT_EQ(status_at(line_ns * 490.5), 0x09);                // in retrace
  EXPECT_EQ(status_at(line_ns * 491.5), 0x09);
  EXPECT_EQ(status_at(line_ns * 492.5), 0x01);                // CR11 = 8Ch: retrace ends at line 492
  EXPECT_EQ(status_at(line_ns * (525 + 10) + 100), 0x00);     // next frame's line 10
}

// A forced refresh rate replaces the frame period and keeps the beam's relative positions.
TEST(TimingForced, ForcedRefreshRateReplacesThePeriod) {
  kernel::VirtualClock clock;
  RecordingLines lines;
  Vga vga(clock, lines, VgaOptions{.refresh_hz = 10000.0});
  bus::IoBus bus;
  ASSERT_TRUE(vga.attach(bus));
  bus.write_port(0x3C2, bus::Width::Byte, 0x63);
  for (unsigned i = 0; i < kMode13.crtc.size(); ++i) {
    bus.write_port(0x3D4, bus::Width::Word, std::uint32_t{kMode13.crtc[i]} << 8 | i);
  }
  DisplayTiming t = vga.timing();
  EXPECT_DOUBLE_EQ(t.refresh_hz(), 10000.0);
  EXPECT_EQ(t.retrace_start, 412u);
  EXPECT_NEAR(double(next_retrace_start(t, 0)), 100000.0 * 412 / 449, 1.0);
}

// Retrace start times come from the frame number: no drift after many frames.
TEST(TimingPure, RetraceTimesDoNotDrift) {
  ExternalRegisters ext;
  ext.misc_output = kMode12.misc;
  Sequencer seq;
  for (unsigned i = 0; i < 5; ++i) seq.reg[i] = kMode12.seq[i];
  Crtc crtc;
  for (unsigned i = 0; i < Crtc::kCount; ++i) crtc.reg[i] = kMode12.crtc[i];
  DisplayTiming t = derive_timing(ext, seq, crtc, 0);
  const double frame_ns = 1e9 * 800 * 525 / 25175000.0;
  const double offset_ns = frame_ns * 490 / 525;
  kernel::ClockTime when = 0;
  for (int n = 0; n < 1000; ++n) when = next_retrace_start(t, when);
  EXPECT_NEAR(double(when), 999 * frame_ns + offset_ns, 1.0);
}

}  // namespace
}  // namespace vidport::devices::vga::testing
