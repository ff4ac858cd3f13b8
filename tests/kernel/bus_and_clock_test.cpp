// The I/O bus (widths, splitting, unclaimed ports, the observer), shared interrupt lines, and the
// clock's two implementations.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "bus/io_bus.h"
#include "rig.h"

namespace vidport::testing {
namespace {

struct Access {
  char dir;
  std::uint16_t port;
  unsigned bytes;
  std::uint32_t value;
};

// A device that accepts only byte accesses and remembers each one.
class ByteDevice final : public bus::PortDevice {
 public:
  std::uint32_t read_port(std::uint16_t port, bus::Width w) override {
    log.push_back({'R', port, bus::bytes_of(w), 0});
    return port & 0xFF;
  }
  void write_port(std::uint16_t port, bus::Width w, std::uint32_t v) override { log.push_back({'W', port, bus::bytes_of(w), v}); }
  std::vector<Access> log;
};

class Recorder final : public bus::BusObserver {
 public:
  void on_port_access(bus::Direction d, std::uint16_t port, bus::Width w, std::uint32_t v, bool claimed) override {
    log.push_back({d == bus::Direction::Read ? 'R' : 'W', port, bus::bytes_of(w), v});
    last_claimed = claimed;
  }
  std::vector<Access> log;
  bool last_claimed = false;
};

// Scenario: a 16-bit write and a 16-bit read on a byte-only device, then an access to a port nobody
// claims. Expected: the device sees two byte accesses each (low byte at the port, high byte at
// port+1), the read is reassembled little-endian, the unclaimed port reads all ones, and the
// observer sees each access once as the CPU issued it.
TEST(IoBus, WideAccessesSplitIntoBytesAndUnclaimedReadsAllOnes) {
  bus::IoBus bus;
  ByteDevice device;
  Recorder recorder;
  ASSERT_TRUE(bus.map_ports(0x3C4, 0x3C5, device, bus::kByteAccess, "seq"));
  EXPECT_FALSE(bus.map_ports(0x3C5, 0x3C6, device, bus::kByteAccess, "overlap"));
  bus.set_observer(&recorder);
  bus.write_port(0x3C4, bus::Width::Word, 0x0F02);
  EXPECT_EQ(bus.read_port(0x3C4, bus::Width::Word), 0xC5C4u);
  EXPECT_EQ(bus.read_port(0x2F8, bus::Width::Byte), 0xFFu);
  EXPECT_EQ(bus.read_port(0x2F8, bus::Width::Dword), 0xFFFFFFFFu);
  EXPECT_FALSE(recorder.last_claimed);

  ASSERT_EQ(device.log.size(), 4u);
  EXPECT_EQ(device.log[0].port, 0x3C4);
  EXPECT_EQ(device.log[0].value, 0x02u);
  EXPECT_EQ(device.log[1].port, 0x3C5);
  EXPECT_EQ(device.log[1].value, 0x0Fu);
  EXPECT_EQ(device.log[2].bytes, 1u);
  ASSERT_EQ(recorder.log.size(), 4u);
  EXPECT_EQ(recorder.log[0].bytes, 2u);
  EXPECT_EQ(recorder.log[0].value, 0x0F02u);
}

std::vector<int> g_order;
std::mutex g_order_mutex;
BOOLEAN first_isr_not_mine(PVOID) {
  std::lock_guard lock(g_order_mutex);
  g_order.push_back(1);
  return FALSE;
}
BOOLEAN second_isr_mine(PVOID) {
  {
    std::lock_guard lock(g_order_mutex);
    g_order.push_back(2);
  }
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);
  return TRUE;
}
BOOLEAN third_isr_never_reached(PVOID) {
  std::lock_guard lock(g_order_mutex);
  g_order.push_back(3);
  return TRUE;
}

// Scenario: three adapters share line 9; the device behind it belongs to the second. Expected:
// one interrupt calls the ISRs in connection order until one returns TRUE: 1, 2 — never 3. A
// non-shareable connection to the same line is refused.
TEST(SharedLine, IsrsRunInConnectionOrderUntilOneClaims) {
  g_order.clear();
  Rig rig;
  videoport::Adapter other1(rig.machine, 16, "other1"), other3(rig.machine, 16, "other3"), exclusive(rig.machine, 16, "x");
  ASSERT_TRUE(other1.connect_interrupt(kLine, kernel::InterruptMode::LevelSensitive, true, &first_isr_not_mine));
  ASSERT_TRUE(rig.adapter.connect_interrupt(kLine, kernel::InterruptMode::LevelSensitive, true, &second_isr_mine));
  ASSERT_TRUE(other3.connect_interrupt(kLine, kernel::InterruptMode::LevelSensitive, true, &third_isr_never_reached));
  EXPECT_FALSE(exclusive.connect_interrupt(kLine, kernel::InterruptMode::LevelSensitive, false, &third_isr_never_reached));
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return rig.machine.interrupts().statistics(kLine).delivered == 1; }));
  std::lock_guard lock(g_order_mutex);
  EXPECT_EQ(g_order, (std::vector<int>{1, 2}));
  EXPECT_EQ(rig.machine.interrupts().statistics(kLine).claimed, 1u);
}

// Scenario: a real clock scaled 10x. Expected: after 20 ms of host time at least 200 ms of clock
// time have passed, and an event scheduled 50 ms of clock time ahead has fired (a lower bound
// only: the host may be slower, never faster).
TEST(RealClock, ScaledClockRunsFasterThanTheHost) {
  kernel::RealClock clock(10.0);
  std::atomic<bool> fired{false};
  clock.schedule_at(clock.now() + 50 * kernel::kMillisecond, [&] { fired = true; });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_GE(clock.now(), 200 * kernel::kMillisecond);
  EXPECT_TRUE(spin_until([&] { return fired.load(); }));
}

// Scenario: events scheduled out of order on a virtual clock, one cancelled. Expected: they fire
// in time order, same-time events in scheduling order, the cancelled one never, and only when the
// clock passes their time.
TEST(VirtualClock, EventsFireInTimeOrderOnlyWhenTimePasses) {
  kernel::VirtualClock clock(100);
  std::vector<int> fired;
  clock.schedule_at(300, [&] { fired.push_back(3); });
  clock.schedule_at(100, [&] { fired.push_back(1); });
  kernel::EventId cancelled = clock.schedule_at(200, [&] { fired.push_back(99); });
  clock.schedule_at(100, [&] { fired.push_back(2); });
  EXPECT_TRUE(clock.cancel(cancelled));
  EXPECT_TRUE(fired.empty());
  clock.on_bus_access();  // 100 ns
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
  clock.stall(150);
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
  EXPECT_TRUE(clock.jump_to_next_event());
  EXPECT_EQ(clock.now(), 300u);
  EXPECT_EQ(fired, (std::vector<int>{1, 2, 3}));
  EXPECT_FALSE(clock.jump_to_next_event());
}

}  // namespace
}  // namespace vidport::testing
