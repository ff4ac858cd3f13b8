// The PC's one-call string I/O (Pc::connect_string_ports, string_port_target.h): with a string port
// target connected, each INS/OUTS reaches it as one transfer_string() call with the whole count
// (a REP larger than the PC's element budget as one call per chunk), and the registers, memory and
// clock end as with element-by-element execution. Each test runs a few hand-assembled
// instructions; the expected elements and registers are worked out by hand from the memory the
// test fills in. A recording port device on the bus shows that nothing goes element by element
// while the target is connected, and everything does when it is not (the negative control).
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "bus/io_bus.h"
#include "kernel/clock.h"
#include "pc/pc.h"
#include "string_io_fixture.h"
#include "pc/string_port_target.h"

namespace vidport::pc {
namespace {

using bus::Direction;
using bus::Width;

// One transfer_string() call as the target saw it.
struct Call {
  Direction direction;
  std::uint16_t port;
  Width width;
  std::uint32_t count;
  std::vector<std::uint8_t> elements;  // OUTS: what the PC sent; INS: the buffer as it arrived
  kernel::ClockTime time;              // the clock when the call was made
};

// Records every call. INS calls are answered from `answers` (bytes, in element order), so a test
// knows what must land in memory.
class FakeStringPorts final : public StringPortTarget {
 public:
  explicit FakeStringPorts(kernel::Clock& clock) : clock_(clock) {}
  void transfer_string(Direction direction, std::uint16_t port, Width width, void* elements,
                       std::uint32_t count) override {
    auto* bytes = static_cast<std::uint8_t*>(elements);
    const std::size_t size = std::size_t{count} * bus::bytes_of(width);
    calls.push_back({direction, port, width, count, std::vector<std::uint8_t>(bytes, bytes + size), clock_.now()});
    if (direction == Direction::Read) {
      for (std::size_t i = 0; i < size && i < answers.size(); ++i) bytes[i] = answers[i];
    }
  }
  std::vector<Call> calls;
  std::vector<std::uint8_t> answers;

 private:
  kernel::Clock& clock_;
};

// The port at 0x300 on the bus: counts the element-by-element accesses that reach it.
class CountingPort final : public bus::PortDevice {
 public:
  std::uint32_t read_port(std::uint16_t, Width width) override {
    ++reads;
    return 0x77777777u & bus::all_ones(width);
  }
  void write_port(std::uint16_t, Width, std::uint32_t value) override { writes.push_back(value); }
  unsigned reads = 0;
  std::vector<std::uint32_t> writes;
};

// Video memory at A0000: a read answers the low byte of its address plus 0x40, so a test can tell
// which video bytes an OUTS sent.
class AddressedMemory final : public bus::MemoryDevice {
 public:
  std::uint32_t read_memory(std::uint64_t address, Width) override { return (address + 0x40) & 0xFF; }
  void write_memory(std::uint64_t, Width, std::uint32_t) override {}
};

class StringPortTest : public testing::StringIoFixture<CountingPort, AddressedMemory> {
 protected:
  StringPortTest() { pc_.connect_string_ports(&ports_); }

  // The memory bytes at linear `address`, `count` of them.
  std::vector<std::uint8_t> bytes_at(std::uint32_t address, std::size_t count) {
    return std::vector<std::uint8_t>(pc_.memory() + address, pc_.memory() + address + count);
  }

  FakeStringPorts ports_{clock_};
};

// REP OUTSB of 4 bytes: one call with the 4 bytes of DS:0010 in order; SI advanced by 4, CX zero,
// DI untouched. Nothing goes to the port element by element, and the clock is charged one access
// per element as before (4 x 100), the call itself happening at the first element's time.
TEST_F(StringPortTest, RepOutsbIsOneCall) {
  pc_.registers().R_ECX = 4;
  run({0xF3, 0x6E});
  ASSERT_EQ(ports_.calls.size(), 1u);
  const Call& call = ports_.calls[0];
  EXPECT_EQ(call.direction, Direction::Write);
  EXPECT_EQ(call.port, kPort);
  EXPECT_EQ(call.width, Width::Byte);
  EXPECT_EQ(call.count, 4u);
  EXPECT_EQ(call.elements, (std::vector<std::uint8_t>{0xD0, 0xD1, 0xD2, 0xD3}));
  EXPECT_EQ(call.time, 100u);
  EXPECT_TRUE(port_.writes.empty());
  EXPECT_EQ(pc_.registers().R_SI, 0x14);
  EXPECT_EQ(pc_.registers().R_CX, 0);
  EXPECT_EQ(pc_.registers().R_DI, 0x10);
  EXPECT_EQ(clock_.now(), 400u);
  EXPECT_EQ(result_.instructions, 2u) << "the REP OUTSB and the HLT";
}

// REP OUTSW of 3 words: one word call with 6 bytes, SI advanced by 6.
TEST_F(StringPortTest, RepOutswIsOneCallOfWords) {
  pc_.registers().R_ECX = 3;
  run({0xF3, 0x6F});
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].width, Width::Word);
  EXPECT_EQ(ports_.calls[0].count, 3u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5}));
  EXPECT_EQ(pc_.registers().R_SI, 0x16);
  EXPECT_EQ(pc_.registers().R_CX, 0);
}

// With DF set, REP OUTSB from SI = 15h sends 15h, 14h, 13h in that order and leaves SI at 12h.
TEST_F(StringPortTest, RepOutsbBackwards) {
  pc_.registers().R_ECX = 3;
  pc_.registers().R_ESI = 0x15;
  run({0xFD, 0xF3, 0x6E, 0xFC});  // std; rep outsb; cld
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0xD5, 0xD4, 0xD3}));
  EXPECT_EQ(pc_.registers().R_SI, 0x12);
}

// With DF set, REP OUTSW from SI = 14h sends the words at 14h then 12h and leaves SI at 10h.
TEST_F(StringPortTest, RepOutswBackwards) {
  pc_.registers().R_ECX = 2;
  pc_.registers().R_ESI = 0x14;
  run({0xFD, 0xF3, 0x6F, 0xFC});
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0xD4, 0xD5, 0xD2, 0xD3}));
  EXPECT_EQ(pc_.registers().R_SI, 0x10);
}

// REP INSB of 3: one read call whose buffer arrives all ones; its answers land at ES:0010 (not
// DS), nothing past them, and DI advances by 3.
TEST_F(StringPortTest, RepInsbIsOneCallIntoEsDi) {
  pc_.registers().R_ECX = 3;
  ports_.answers = {0x41, 0x42, 0x43};
  run({0xF3, 0x6C});
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].direction, Direction::Read);
  EXPECT_EQ(ports_.calls[0].count, 3u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0xFF, 0xFF, 0xFF}));
  EXPECT_EQ(bytes_at(0x30010, 4), (std::vector<std::uint8_t>{0x41, 0x42, 0x43, 0xE3}));
  EXPECT_EQ(pc_.memory()[0x20010], 0xD0) << "INSB wrote to DS instead of ES";
  EXPECT_EQ(port_.reads, 0u);
  EXPECT_EQ(pc_.registers().R_DI, 0x13);
  EXPECT_EQ(pc_.registers().R_CX, 0);
  EXPECT_EQ(pc_.registers().R_SI, 0x10);
}

// With DF set, REP INSW from DI = 14h stores the first word answered at 14h, the second at 12h.
TEST_F(StringPortTest, RepInswBackwards) {
  pc_.registers().R_ECX = 2;
  pc_.registers().R_EDI = 0x14;
  ports_.answers = {0x34, 0x12, 0x78, 0x56};  // the words 1234h, 5678h
  run({0xFD, 0xF3, 0x6D, 0xFC});
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].width, Width::Word);
  EXPECT_EQ(ports_.calls[0].count, 2u);
  EXPECT_EQ(bytes_at(0x30012, 4), (std::vector<std::uint8_t>{0x78, 0x56, 0x34, 0x12}));
  EXPECT_EQ(bytes_at(0x30016, 1), (std::vector<std::uint8_t>{0xE6})) << "INSW wrote past its two words";
  EXPECT_EQ(pc_.registers().R_DI, 0x10);
}

// An ES override on REP OUTSB takes the source from ES:SI.
TEST_F(StringPortTest, SegmentOverrideSelectsSource) {
  pc_.registers().R_ECX = 2;
  run({0x26, 0xF3, 0x6E});
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0xE0, 0xE1}));
}

// Under a 16-bit address size SI wraps from FFFFh to 0000h within DS, and the upper halves of ESI
// and ECX are kept.
TEST_F(StringPortTest, SixteenBitIndexWraps) {
  pc_.registers().R_ESI = 0x0001FFFF;
  pc_.registers().R_ECX = 0xABCD0002;
  pc_.memory()[0x2FFFF] = 0x5A;
  pc_.memory()[0x20000] = 0xA5;
  run({0xF3, 0x6E});
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0x5A, 0xA5}));
  EXPECT_EQ(pc_.registers().R_ESI, 0x00010001u);
  EXPECT_EQ(pc_.registers().R_ECX, 0xABCD0000u);
}

// OUTS from video memory reads each source byte through the bus (A000:0020 answers 60h, 61h, 62h).
TEST_F(StringPortTest, OutsFromVideoMemory) {
  pc_.set_segment(R_DS_INDEX, 0xA000);
  pc_.registers().R_ESI = 0x20;
  pc_.registers().R_ECX = 3;
  run({0xF3, 0x6E});
  ASSERT_EQ(ports_.calls.size(), 1u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0x60, 0x61, 0x62}));
}

// REP with CX = 0 makes no call and changes no register, and the program goes on.
TEST_F(StringPortTest, ZeroCountMakesNoCall) {
  pc_.registers().R_ECX = 0;
  run({0xF3, 0x6E, 0xF3, 0x6C});
  EXPECT_TRUE(ports_.calls.empty());
  EXPECT_EQ(pc_.registers().R_SI, 0x10);
  EXPECT_EQ(pc_.registers().R_DI, 0x10);
  EXPECT_EQ(bytes_at(0x30010, 1), (std::vector<std::uint8_t>{0xE0}));
}

// OUTSB without REP is one call of one element whatever CX holds; two in a row make two calls.
TEST_F(StringPortTest, SingleOutsbIsACallOfOne) {
  pc_.registers().R_ECX = 9;
  run({0x6E, 0x6E});
  ASSERT_EQ(ports_.calls.size(), 2u);
  EXPECT_EQ(ports_.calls[0].count, 1u);
  EXPECT_EQ(ports_.calls[0].elements, (std::vector<std::uint8_t>{0xD0}));
  EXPECT_EQ(ports_.calls[1].elements, (std::vector<std::uint8_t>{0xD1}));
  EXPECT_EQ(pc_.registers().R_CX, 9);
  EXPECT_EQ(pc_.registers().R_SI, 0x12);
}

// A REP OUTSB of 98,304 (18000h) elements, more than the PC's budget of 65,536 (10000h) elements
// per pause, arrives as two calls, 10000h then 8000h elements, each carrying its own share of
// DS:0000 onwards in order, and still counts as one instruction. (A 32-bit count needs the
// address-size prefix.)
TEST_F(StringPortTest, RepLargerThanTheBudgetArrivesInChunks) {
  for (std::uint32_t i = 0; i < 0x18000; ++i) pc_.memory()[0x20000 + i] = static_cast<std::uint8_t>(i * 7 + i / 256);
  pc_.registers().R_ESI = 0;
  pc_.registers().R_ECX = 0x18000;
  run({0x67, 0xF3, 0x6E});
  ASSERT_EQ(ports_.calls.size(), 2u);
  EXPECT_EQ(ports_.calls[0].count, 0x10000u);
  EXPECT_EQ(ports_.calls[1].count, 0x8000u);
  ASSERT_EQ(ports_.calls[0].elements.size(), 0x10000u);
  ASSERT_EQ(ports_.calls[1].elements.size(), 0x8000u);
  // Element i is byte (i * 7 + i / 256) mod 256; 10000h * 7 and 10000h / 256 are both 0 mod 256.
  EXPECT_EQ(ports_.calls[0].elements[0], 0x00);
  EXPECT_EQ(ports_.calls[0].elements[0x1FF], 0xFA);   // 1FFh * 7 + 1 = DFAh
  EXPECT_EQ(ports_.calls[1].elements[0], 0x00);
  EXPECT_EQ(ports_.calls[1].elements[0x101], 0x08);   // 10101h * 7 + 101h = 70707h + 101h = 70808h
  EXPECT_EQ(ports_.calls[1].elements[0x7FFF], 0x78);  // 17FFFh * 7 + 17Fh = A7FF9h + 17Fh = A8178h
  EXPECT_EQ(pc_.registers().R_ECX, 0u);
  EXPECT_EQ(pc_.registers().R_ESI, 0x18000u);
  EXPECT_EQ(result_.instructions, 2u) << "the REP OUTSB and the HLT";
  EXPECT_EQ(clock_.now(), 0x18000u * 100u);
}

// Negative control: the same REP OUTSB with the target disconnected goes to the bus port element
// by element, and the target sees nothing.
TEST_F(StringPortTest, DisconnectedGoesElementByElement) {
  pc_.connect_string_ports(nullptr);
  pc_.registers().R_ECX = 4;
  run({0xF3, 0x6E});
  EXPECT_TRUE(ports_.calls.empty());
  EXPECT_EQ(port_.writes, (std::vector<std::uint32_t>{0xD0, 0xD1, 0xD2, 0xD3}));
  EXPECT_EQ(pc_.registers().R_SI, 0x14);
  EXPECT_EQ(clock_.now(), 400u);
}

}  // namespace
}  // namespace vidport::pc
