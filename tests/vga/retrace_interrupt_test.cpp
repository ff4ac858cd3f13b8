// The vertical retrace interrupt under the virtual clock: CR11 bit 4 (clear, active low) and bit 5
// (disable), the pending flag in Input Status 0 bit 7, and the interrupt line (IRQ 9 by default).
#include "vga_fixture.h"

namespace vidport::devices::vga::testing {
namespace {

class RetraceInterrupt : public VgaFixture {
 protected:
  void SetUp() override { program(kMode13); }  // leaves CR11 = 8Eh: bit 4 = 0, no interrupts
  // Clock time of the start of retrace in frame `n` (line 412 of 449 at 70.09 Hz).
  static double retrace_ns(int n) {
    const double frame_ns = 1e9 * 800 * 449 / 25175000.0;
    return n * frame_ns + frame_ns * 412 / 449;
  }
  bool pending() { return in(0x3C2) & 0x80; }
  using Calls = std::vector<std::pair<unsigned, bool>>;
};

// A freshly set mode (CR11 bit 4 = 0) raises nothing, however long the clock runs.
TEST_F(RetraceInterrupt, FreshModeRaisesNothing) {
  clock.pass_until(static_cast<kernel::ClockTime>(retrace_ns(5)));
  EXPECT_FALSE(pending());
  EXPECT_TRUE(lines.calls.empty());
  EXPECT_FALSE(clock.next_event_time().has_value());
}

// Arming (bit 4 = 1, bit 5 = 0): the next retrace start sets the flag and asserts IRQ 9 exactly
// then, not a nanosecond earlier.
TEST_F(RetraceInterrupt, ArmedRetraceSetsPendingAndAssertsLine) {
  crtc(0x11, 0x9E);
  ASSERT_TRUE(clock.next_event_time().has_value());
  EXPECT_NEAR(double(*clock.next_event_time()), retrace_ns(0), 1.0);
  clock.pass_until(*clock.next_event_time() - 1);
  EXPECT_FALSE(pending());
  EXPECT_TRUE(lines.calls.empty());
  clock.pass_until(*clock.next_event_time());
  EXPECT_TRUE(pending());
  EXPECT_EQ(lines.calls, (Calls{{9, true}}));
}

// The flag stays set over later retraces and the line is not asserted twice.
TEST_F(RetraceInterrupt, PendingStaysUntilAcknowledged) {
  crtc(0x11, 0x9E);
  clock.pass_until(static_cast<kernel::ClockTime>(retrace_ns(3)) + 1000);
  EXPECT_TRUE(pending());
  EXPECT_EQ(lines.calls, (Calls{{9, true}}));
}

// The HwVidInterrupt pattern: CR11 with bit 4 = 0 clears the flag and drops the line; writing
// bit 4 = 1 re-arms for the next retrace, not the one already past.
TEST_F(RetraceInterrupt, AcknowledgeAndRearm) {
  crtc(0x11, 0x9E);
  clock.pass_until(static_cast<kernel::ClockTime>(retrace_ns(0)) + 1000);
  ASSERT_TRUE(pending());
  crtc(0x11, 0x8E);
  EXPECT_FALSE(pending());
  crtc(0x11, 0x9E);
  EXPECT_FALSE(pending());
  EXPECT_EQ(lines.calls, (Calls{{9, true}, {9, false}}));
  ASSERT_TRUE(clock.next_event_time().has_value());
  EXPECT_NEAR(double(*clock.next_event_time()), retrace_ns(1), 1.0);
  clock.pass_until(static_cast<kernel::ClockTime>(retrace_ns(1)) + 1000);
  EXPECT_TRUE(pending());
  EXPECT_EQ(lines.calls, (Calls{{9, true}, {9, false}, {9, true}}));
}

// Bit 5 = 1 disables: no flag, no line, no clock event; clearing it arms again.
TEST_F(RetraceInterrupt, DisableBitStopsInterrupts) {
  crtc(0x11, 0xBE);
  EXPECT_FALSE(clock.next_event_time().has_value());
  clock.pass_until(static_cast<kernel::ClockTime>(retrace_ns(2)));
  EXPECT_FALSE(pending());
  EXPECT_TRUE(lines.calls.empty());
  crtc(0x11, 0x9E);
  clock.pass_until(static_cast<kernel::ClockTime>(retrace_ns(3)) + 1000);
  EXPECT_TRUE(pending());
}

// Disabling after the flag is set leaves the pending interrupt (and the line) as they are; only
// bit 4 = 0 clears them.
TEST_F(RetraceInterrupt, DisableKeepsAPendingInterrupt) {
  crtc(0x11, 0x9E);
  clock.pass_until(static_cast<kernel::ClockTime>(retrace_ns(0)) + 1000);
  crtc(0x11, 0xBE);
  EXPECT_TRUE(pending());
  EXPECT_EQ(lines.calls, (Calls{{9, true}}));
  crtc(0x11, 0xAE);
  EXPECT_FALSE(pending());
  EXPECT_EQ(lines.calls, (Calls{{9, true}, {9, false}}));
}

// Writing bit 4 = 0 while nothing is pending does not touch the line.
TEST_F(RetraceInterrupt, ClearWithoutPendingLeavesLineAlone) {
  crtc(0x11, 0x8E);
  crtc(0x11, 0x8E);
  EXPECT_TRUE(lines.calls.empty());
}

// A timing change while armed moves the scheduled retrace to where the new timing puts it.
TEST_F(RetraceInterrupt, TimingChangeReschedules) {
  crtc(0x11, 0x1E);  // unprotect too, so CR06/CR07 can change
  crtc(0x10, 0x00);  // retrace start low byte 0: line 256 while CR07 bit 2 is set
  crtc(0x07, 0x1B);  // CR07 bit 2 clear: retrace start = line 0
  ASSERT_TRUE(clock.next_event_time().has_value());
  const double frame_ns = 1e9 * 800 * 449 / 25175000.0;
  EXPECT_NEAR(double(*clock.next_event_time()), frame_ns, 1.0);  // line 0 of frame 1
}

// The line number comes from the options, and a forced 10 kHz refresh raises at that rate.
TEST(RetraceInterruptOptions, ForcedRateAndOtherLine) {
  kernel::VirtualClock clock;
  RecordingLines lines;
  Vga vga(clock, lines, VgaOptions{.irq = 2, .refresh_hz = 10000.0});
  bus::IoBus bus;
  ASSERT_TRUE(vga.attach(bus));
  bus.write_port(0x3C2, bus::Width::Byte, 0x63);
  for (unsigned i = 0; i < kMode13.crtc.size(); ++i) {
    bus.write_port(0x3D4, bus::Width::Word, std::uint32_t{kMode13.crtc[i]} << 8 | i);
  }
  int raised = 0;
  // Acknowledge each interrupt the way a miniport's HwVidInterrupt does, for 100 frames (10 ms).
  bus.write_port(0x3D4, bus::Width::Word, 0x1E11);
  for (kernel::ClockTime t = 0; t <= 10 * kernel::kMillisecond; t += 10 * kernel::kMicrosecond) {
    clock.pass_until(t);
    if (bus.read_port(0x3C2, bus::Width::Byte) & 0x80) {
      ++raised;
      bus.write_port(0x3D4, bus::Width::Word, 0x0E11);
      bus.write_port(0x3D4, bus::Width::Word, 0x1E11);
    }
  }
  EXPECT_EQ(raised, 100);
  ASSERT_FALSE(lines.calls.empty());
  EXPECT_EQ(lines.calls.front(), std::make_pair(2u, true));
  EXPECT_EQ(lines.calls.size(), 200u);
}

}  // namespace
}  // namespace vidport::devices::vga::testing
