// Where a full-screen program's port accesses go: visible VGA ports to the device, trapped ports
// to the emulator routine of their width (absolute port, one call per access, a string as one
// call when the entry supports strings), everything else to the null device.
#include <gtest/gtest.h>

#include <video.h>

#include <vector>

#include "bus/io_bus.h"
#include "v86/port_router.h"
#include "videoport/emulator_ports.h"

namespace vidport::v86 {
namespace {

using bus::Direction;
using bus::Width;

// What the device side of the machine saw.
struct FakeDevice final : bus::PortDevice {
  struct Access {
    Direction direction;
    std::uint16_t port;
    Width width;
    std::uint32_t value;
  };
  std::vector<Access> accesses;
  std::uint32_t read_port(std::uint16_t port, Width width) override {
    accesses.push_back({Direction::Read, port, width, 0});
    return 0x5A & bus::all_ones(width);
  }
  void write_port(std::uint16_t port, Width width, std::uint32_t value) override {
    accesses.push_back({Direction::Write, port, width, value});
  }
};

// What the miniport's routines were called with.
struct Call {
  std::uint32_t port;
  UCHAR mode;
  std::vector<std::uint8_t> data;  // the bytes of all elements
  std::uint32_t length;            // DataLength (1 for the single forms)
};
struct Calls {
  std::vector<Call> calls;
};

NTSTATUS byte_routine(ULONG_PTR context, ULONG port, UCHAR mode, PUCHAR data) {
  auto* calls = reinterpret_cast<Calls*>(context);
  if (mode == EMULATOR_READ_ACCESS) *data = 0x42;
  calls->calls.push_back({port, mode, {*data}, 1});
  return 0;
}

NTSTATUS word_string_routine(ULONG_PTR context, ULONG port, UCHAR mode, PUSHORT data, ULONG length) {
  auto* calls = reinterpret_cast<Calls*>(context);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(data);
  calls->calls.push_back({port, mode, std::vector<std::uint8_t>(bytes, bytes + 2 * length), length});
  return 0;
}

class PortRouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    device_bus.map_ports(0x3B0, 0x3DF, device, bus::kAnyWidth, "vga");
    device_bus.map_ports(0x20, 0x21, pic, bus::kAnyWidth, "pic");
    entries = {
        {0x3C4, 2, Uchar, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, FALSE, reinterpret_cast<PVOID>(&byte_routine)},
        {0x3CE, 1, Ushort, EMULATOR_WRITE_ACCESS, TRUE, reinterpret_cast<PVOID>(&word_string_routine)},
    };
    ports = std::make_unique<videoport::EmulatorPorts>(entries.data(), static_cast<std::uint32_t>(entries.size()),
                                                        reinterpret_cast<std::uintptr_t>(&calls));
    router = std::make_unique<PortRouter>(device_bus, ports.get(), null_device);
  }

  bus::IoBus device_bus;
  FakeDevice device;
  FakeDevice pic;  // the host's interrupt controller: must never be reached
  std::vector<EMULATOR_ACCESS_ENTRY> entries;
  Calls calls;
  std::unique_ptr<videoport::EmulatorPorts> ports;
  NullPortDevice null_device;
  std::unique_ptr<PortRouter> router;
};

// Scenario: an OUT to a trapped port calls the routine with the absolute port and the value, and
// the device sees nothing; an IN returns what the routine put in *Data. A visible VGA port goes
// to the device directly.
TEST_F(PortRouterTest, TrappedPortsCallTheRoutineVisibleOnesReachTheDevice) {
  router->write_port(0x3C4, Width::Byte, 0x02);
  EXPECT_EQ(router->read_port(0x3C5, Width::Byte), 0x42u);
  ASSERT_EQ(calls.calls.size(), 2u);
  EXPECT_EQ(calls.calls[0].port, 0x3C4u);
  EXPECT_EQ(calls.calls[0].mode, EMULATOR_WRITE_ACCESS);
  EXPECT_EQ(calls.calls[0].data, std::vector<std::uint8_t>{0x02});
  EXPECT_EQ(calls.calls[1].mode, EMULATOR_READ_ACCESS);
  EXPECT_TRUE(device.accesses.empty());

  router->write_port(0x3C8, Width::Byte, 0x07);
  ASSERT_EQ(device.accesses.size(), 1u);
  EXPECT_EQ(device.accesses[0].port, 0x3C8);
  EXPECT_EQ(device.accesses[0].value, 0x07u);
  EXPECT_EQ(router->counts().emulated, 2u);
  EXPECT_EQ(router->counts().direct, 1u);

  // Made visible, the sequencer goes to the device too.
  VIDEO_ACCESS_RANGE visible{};
  visible.RangeStart.QuadPart = 0x3C4;
  visible.RangeLength = 2;
  visible.RangeInIoSpace = 1;
  visible.RangeVisible = 1;
  ASSERT_EQ(ports->set_trapped(1, &visible), static_cast<std::uint32_t>(NO_ERROR));
  router->write_port(0x3C4, Width::Byte, 0x00);
  EXPECT_EQ(calls.calls.size(), 2u);
  EXPECT_EQ(device.accesses.size(), 2u);
}

// Scenario: OUT DX,AX to 3C4h with only byte entries there: the word becomes two byte calls,
// index first (3C4h) then data (3C5h).
TEST_F(PortRouterTest, WordWithoutWordEntryIsSplitLowByteFirst) {
  router->write_port(0x3C4, Width::Word, 0x0100);
  ASSERT_EQ(calls.calls.size(), 2u);
  EXPECT_EQ(calls.calls[0].port, 0x3C4u);
  EXPECT_EQ(calls.calls[0].data, std::vector<std::uint8_t>{0x00});
  EXPECT_EQ(calls.calls[1].port, 0x3C5u);
  EXPECT_EQ(calls.calls[1].data, std::vector<std::uint8_t>{0x01});
}

// Scenario: REP OUTSW of 5 words to a string-support entry is ONE routine call with
// DataLength 5; REP OUTSB of 3 bytes to a byte entry without string support is 3 calls. A read
// of the write-only word entry goes to the device.
TEST_F(PortRouterTest, StringIoIsOneCallOnlyWithStringSupport) {
  std::vector<std::uint16_t> words = {0x0005, 0x0106, 0x0207, 0x0308, 0xFF09};
  router->transfer_string(Direction::Write, 0x3CE, Width::Word, words.data(), 5);
  ASSERT_EQ(calls.calls.size(), 1u);
  EXPECT_EQ(calls.calls[0].length, 5u);
  EXPECT_EQ(calls.calls[0].data.size(), 10u);
  EXPECT_EQ(calls.calls[0].data[9], 0xFF);
  EXPECT_EQ(router->counts().string_calls, 1u);

  std::vector<std::uint8_t> bytes = {1, 2, 3};
  router->transfer_string(Direction::Write, 0x3C5, Width::Byte, bytes.data(), 3);
  EXPECT_EQ(calls.calls.size(), 4u);
  EXPECT_EQ(calls.calls[3].data, std::vector<std::uint8_t>{3});

  EXPECT_EQ(router->read_port(0x3CE, Width::Word), 0x5Au);
  EXPECT_EQ(device.accesses.size(), 1u);
}

// Scenario: a program reprograms the PIC (20h/21h), touches PCI configuration (CF8h) and an
// unclaimed port: none of it reaches the host's devices, reads give all ones, and the null
// device logs every access. Negative control: a VGA port does reach the VGA.
TEST_F(PortRouterTest, PortsOutsideTheVgaGoToTheNullDevice) {
  router->write_port(0x20, Width::Byte, 0x11);
  router->write_port(0x21, Width::Byte, 0xFF);
  EXPECT_EQ(router->read_port(0xCF8, Width::Dword), 0xFFFFFFFFu);
  router->write_port(0x1234, Width::Word, 0xBEEF);
  EXPECT_TRUE(pic.accesses.empty());
  EXPECT_TRUE(device.accesses.empty());
  EXPECT_EQ(null_device.total(), 4u);
  ASSERT_EQ(null_device.log().size(), 4u);
  EXPECT_EQ(null_device.log()[0].port, 0x20);
  EXPECT_EQ(null_device.log()[0].value, 0x11u);
  EXPECT_EQ(null_device.log()[2].direction, Direction::Read);
  EXPECT_EQ(null_device.counts().at(0x21), 1u);
  EXPECT_EQ(router->counts().null, 4u);

  router->write_port(0x3D4, Width::Byte, 0x0C);
  EXPECT_EQ(device.accesses.size(), 1u);
}

// Scenario: the null device keeps the first kMaxLogged accesses in its log but counts them all.
TEST(NullPortDevice, CapsTheLogButCountsEverything) {
  NullPortDevice null_device;
  for (unsigned i = 0; i < NullPortDevice::kMaxLogged + 10; ++i) null_device.write_port(0x40, Width::Byte, i & 0xFF);
  EXPECT_EQ(null_device.log().size(), NullPortDevice::kMaxLogged);
  EXPECT_EQ(null_device.total(), NullPortDevice::kMaxLogged + 10);
  EXPECT_EQ(null_device.counts().at(0x40), NullPortDevice::kMaxLogged + 10);
}

}  // namespace
}  // namespace vidport::v86
