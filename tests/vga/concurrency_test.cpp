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

// The memory paths added for speed and the state restore, racing with rendering and register
// writes: a thread storing REP STOS runs and wide words, a thread reprogramming the graphics
// controller (which re-derives the memory mode), a thread restoring a saved state and a thread
// rendering. Under ThreadSanitizer there must be no race; every picture keeps the 13h size, since
// no thread changes the CRTC or sequencer clocking.
TEST(VgaConcurrency, RepeatedStoresRestoreAndRenderFromSeveralThreads) {
  kernel::VirtualClock clock;
  CountingLines lines;
  bus::IoBus bus;
  Vga vga(clock, lines);
  ASSERT_TRUE(vga.attach(bus));
  bus.write_port(0x3C2, bus::Width::Byte, 0x63);
  bus.write_port(0x3C4, bus::Width::Word, 0x0101);
  bus.write_port(0x3C4, bus::Width::Word, 0x0E04);  // chain-4
  bus.write_port(0x3C4, bus::Width::Word, 0x0F02);
  for (unsigned i = 0; i < kMode13.crtc.size(); ++i) {
    bus.write_port(0x3D4, bus::Width::Word, std::uint32_t{kMode13.crtc[i]} << 8 | i);
  }
  const VgaState saved = vga.snapshot();

  std::atomic<bool> stop{false};
  std::thread storer([&] {
    for (unsigned i = 0; !stop.load(); ++i) {
      vga.write_memory_repeated(0xA0000 + (i % 1000) * 64, bus::Width::Word, i, 32, (i & 1) != 0);
      bus.write_memory(0xA8000 + (i % 4000) * 2, bus::Width::Word, i);
      bus.read_memory(0xA8000 + (i % 4000) * 2, bus::Width::Dword);
    }
  });
  std::thread programmer([&] {
    for (unsigned i = 0; !stop.load(); ++i) {
      bus.write_port(0x3CE, bus::Width::Word, (i & 3u) << 11 | 0x03);  // logical operation
      bus.write_port(0x3CE, bus::Width::Word, (i & 0xFFu) << 8 | 0x08);  // bit mask
    }
  });
  std::thread restorer([&] {
    for (int i = 0; i < 50 && !stop.load(); ++i) {
      vga.restore(saved);
      std::this_thread::yield();
    }
  });
  for (int frame = 0; frame < 20; ++frame) EXPECT_EQ(vga.render().width, 640u);
  stop.store(true);
  storer.join();
  programmer.join();
  restorer.join();
  EXPECT_EQ(lines.raised.load(), 0) << "nothing armed the retrace interrupt";
}

}  // namespace
}  // namespace vidport::devices::vga::testing
