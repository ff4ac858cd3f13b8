// The VGA called from several threads at once, as on the machine: a processor thread acknowledging
// retrace interrupts the way HwVidInterrupt does, another processor thread drawing and reading
// status, a host thread moving the virtual clock (which runs the retrace callbacks) and a host
// thread rendering. Run under ThreadSanitizer (SET concurrency), it must show no data race and
// no deadlock; the interrupt bookkeeping must stay consistent.
#include <atomic>
#include <thread>

#include "vga_fixture.h"

namespace vidport::devices::vga::testing {
namespace {

// Counts asserts and deasserts; must be thread-safe because callbacks and port writes race.
class CountingLines final : public bus::InterruptLines {
 public:
  void set_line(unsigned, bool asserted) override { (asserted ? raised : lowered).fetch_add(1); }
  std::atomic<int> raised{0}, lowered{0};
};

TEST(VgaConcurrency, PortsClockAndRenderFromSeveralThreads) {
  kernel::VirtualClock clock;
  CountingLines lines;
  bus::IoBus bus;
  Vga vga(clock, lines, VgaOptions{.refresh_hz = 10000.0});
  ASSERT_TRUE(vga.attach(bus));
  bus.write_port(0x3C2, bus::Width::Byte, 0x63);
  bus.write_port(0x3C4, bus::Width::Word, 0x0101);  // 8-dot clocks: 80 x 8 = 640 dots
  for (unsigned i = 0; i < kMode13.crtc.size(); ++i) {
    bus.write_port(0x3D4, bus::Width::Word, std::uint32_t{kMode13.crtc[i]} << 8 | i);
  }
  bus.write_port(0x3D4, bus::Width::Word, 0x1E11);  // arm

  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged{0};
  std::thread isr([&] {
    while (!stop.load()) {
      if (bus.read_port(0x3C2, bus::Width::Byte) & 0x80) {
        bus.write_port(0x3D4, bus::Width::Word, 0x0E11);
        bus.write_port(0x3D4, bus::Width::Word, 0x1E11);
        acknowledged.fetch_add(1);
      }
    }
  });
  std::thread drawer([&] {
    for (unsigned i = 0; !stop.load(); ++i) {
      bus.write_memory(0xA0000 + (i % 64000), bus::Width::Byte, i & 0xFF);
      bus.read_port(0x3DA, bus::Width::Byte);
    }
  });
  std::thread renderer([&] {
    while (!stop.load()) EXPECT_EQ(vga.render().width, 640u);
  });
  for (kernel::ClockTime t = 0; t < 50 * kernel::kMillisecond; t += 5 * kernel::kMicrosecond) {
    clock.pass_until(t);
    std::this_thread::yield();
  }
  stop.store(true);
  isr.join();
  drawer.join();
  renderer.join();

  // Every assert was either acknowledged (one deassert each) or is still pending.
  bool pending = bus.read_port(0x3C2, bus::Width::Byte) & 0x80;
  EXPECT_EQ(lines.raised.load(), lines.lowered.load() + (pending ? 1 : 0));
  EXPECT_EQ(lines.lowered.load(), acknowledged.load());
  EXPECT_GT(lines.raised.load(), 0);
  EXPECT_LE(lines.raised.load(), 500);  // at most one per frame: 50 ms at 10 kHz
}

}  // namespace
}  // namespace vidport::devices::vga::testing
