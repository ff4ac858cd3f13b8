// String port I/O on the PC: vidport executes INS/OUTS itself because libx86emu 3.5 reads OUTS'
// source from the wrong segment with the wrong stride. Each test runs a few hand-assembled
// instructions on a Pc whose bus has a recording port device at 0x300, and checks the port
// accesses, memory and registers a program would see.
#include <gtest/gtest.h>

#include <vector>

#include "bus/io_bus.h"
#include "kernel/clock.h"
#include "pc/pc.h"
#include "string_io_fixture.h"
#include "pc/string_io.h"

namespace vidport::pc {
namespace {

struct Access {
  bus::Width width;
  std::uint32_t value;
  bool operator==(const Access&) const = default;
};

// A port that records writes and answers reads with 0x11, 0x22, 0x33, ... (per byte lane).
class RecordingPort final : public bus::PortDevice {
 public:
  std::uint32_t read_port(std::uint16_t, bus::Width width) override {
    std::uint32_t value = 0;
    for (unsigned i = 0; i < bus::bytes_of(width); ++i) value |= ((next_++ % 15 + 1) * 0x11u) << (8 * i);
    return value;
  }
  void write_port(std::uint16_t, bus::Width width, std::uint32_t value) override { writes.push_back({width, value}); }
  std::vector<Access> writes;

 private:
  unsigned next_ = 0;
};

// A byte-wide memory window standing in for video memory at A0000.
class RecordingMemory final : public bus::MemoryDevice {
 public:
  std::uint32_t read_memory(std::uint64_t, bus::Width) override { return 0xFF; }
  void write_memory(std::uint64_t address, bus::Width width, std::uint32_t value) override {
    bytes.push_back({static_cast<std::uint32_t>(address), value});
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bytes;
};

using StringIoTest = testing::StringIoFixture<RecordingPort, RecordingMemory>;

// REP OUTSB sends CX bytes from DS:SI (not ES:SI) in order, advances SI by one per byte, leaves
// CX at zero and charges the clock once per port access.
TEST_F(StringIoTest, RepOutsbReadsDsSiForward) {
  pc_.registers().R_ECX = 4;
  run({0xF3, 0x6E});
  std::vector<Access> expected = {{bus::Width::Byte, 0xD0}, {bus::Width::Byte, 0xD1},
                                  {bus::Width::Byte, 0xD2}, {bus::Width::Byte, 0xD3}};
  EXPECT_EQ(port_.writes, expected);
  EXPECT_EQ(pc_.registers().R_SI, 0x14);
  EXPECT_EQ(pc_.registers().R_CX, 0);
  EXPECT_EQ(pc_.registers().R_DI, 0x10);
  EXPECT_EQ(clock_.now(), 4u * 100u);
}

// REP OUTSW sends words from DS:SI with a stride of two bytes.
TEST_F(StringIoTest, RepOutswStridesByTwo) {
  pc_.registers().R_ECX = 3;
  run({0xF3, 0x6F});
  std::vector<Access> expected = {{bus::Width::Word, 0xD1D0}, {bus::Width::Word, 0xD3D2}, {bus::Width::Word, 0xD5D4}};
  EXPECT_EQ(port_.writes, expected);
  EXPECT_EQ(pc_.registers().R_SI, 0x16);
  EXPECT_EQ(pc_.registers().R_CX, 0);
}

// With an operand-size prefix, REP OUTSD sends dwords and advances SI by four.
TEST_F(StringIoTest, OperandSizePrefixMakesOutsd) {
  pc_.registers().R_ECX = 2;
  run({0x66, 0xF3, 0x6F});
  std::vector<Access> expected = {{bus::Width::Dword, 0xD3D2D1D0}, {bus::Width::Dword, 0xD7D6D5D4}};
  EXPECT_EQ(port_.writes, expected);
  EXPECT_EQ(pc_.registers().R_SI, 0x18);
}

// A segment override prefix changes OUTS' source segment (here to ES).
TEST_F(StringIoTest, SegmentOverrideSelectsSource) {
  pc_.registers().R_ECX = 2;
  run({0x26, 0xF3, 0x6E});
  std::vector<Access> expected = {{bus::Width::Byte, 0xE0}, {bus::Width::Byte, 0xE1}};
  EXPECT_EQ(port_.writes, expected);
}

// With DF set (STD), OUTSB walks backwards from DS:SI.
TEST_F(StringIoTest, DirectionFlagWalksBackwards) {
  pc_.registers().R_ECX = 3;
  pc_.registers().R_ESI = 0x15;
  run({0xFD, 0xF3, 0x6E, 0xFC});
  std::vector<Access> expected = {{bus::Width::Byte, 0xD5}, {bus::Width::Byte, 0xD4}, {bus::Width::Byte, 0xD3}};
  EXPECT_EQ(port_.writes, expected);
  EXPECT_EQ(pc_.registers().R_SI, 0x12);
}

// REP INSB stores CX bytes read from port DX at ES:DI and advances DI.
TEST_F(StringIoTest, RepInsbWritesEsDi) {
  pc_.registers().R_ECX = 3;
  run({0xF3, 0x6C});
  const std::uint8_t* es_di = pc_.memory() + 0x30010;
  EXPECT_EQ(es_di[0], 0x11);
  EXPECT_EQ(es_di[1], 0x22);
  EXPECT_EQ(es_di[2], 0x33);
  EXPECT_EQ(es_di[3], 0xE3) << "INSB wrote past CX elements";
  EXPECT_EQ(pc_.memory()[0x20010], 0xD0) << "INSB wrote to DS instead of ES";
  EXPECT_EQ(pc_.registers().R_DI, 0x13);
  EXPECT_EQ(pc_.registers().R_SI, 0x10);
}

// INSB backwards with DF set, into video memory: each byte goes through the bus's memory window.
TEST_F(StringIoTest, InsbIntoVideoMemoryGoesThroughTheBus) {
  pc_.set_segment(R_ES_INDEX, 0xA000);
  pc_.registers().R_EDI = 0x0102;
  pc_.registers().R_ECX = 2;
  run({0xFD, 0xF3, 0x6C, 0xFC});
  std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = {{0xA0102, 0x11}, {0xA0101, 0x22}};
  EXPECT_EQ(video_.bytes, expected);
  EXPECT_EQ(pc_.registers().R_DI, 0x0100);
}

// REP with CX = 0 transfers nothing but still moves past the instruction.
TEST_F(StringIoTest, RepWithZeroCountDoesNothing) {
  pc_.registers().R_ECX = 0;
  run({0xF3, 0x6E});
  EXPECT_TRUE(port_.writes.empty());
  EXPECT_EQ(pc_.registers().R_SI, 0x10);
}

// Without REP, OUTSB sends one byte whatever CX holds; two in a row both execute.
TEST_F(StringIoTest, SingleOutsbTwiceInARow) {
  pc_.registers().R_ECX = 9;
  run({0x6E, 0x6E});
  std::vector<Access> expected = {{bus::Width::Byte, 0xD0}, {bus::Width::Byte, 0xD1}};
  EXPECT_EQ(port_.writes, expected);
  EXPECT_EQ(pc_.registers().R_CX, 9);
  EXPECT_EQ(result_.instructions, 3u) << "two OUTSB and the HLT";
}

// SI wraps within 16 bits under a 16-bit address size.
TEST_F(StringIoTest, IndexWrapsAtSixtyFourKilobytes) {
  pc_.registers().R_ESI = 0xFFFF;
  pc_.registers().R_ECX = 2;
  pc_.memory()[0x2FFFF] = 0x5A;
  pc_.memory()[0x20000] = 0xA5;
  run({0xF3, 0x6E});
  std::vector<Access> expected = {{bus::Width::Byte, 0x5A}, {bus::Width::Byte, 0xA5}};
  EXPECT_EQ(port_.writes, expected);
  EXPECT_EQ(pc_.registers().R_ESI, 0x0001u);
}

// A REP longer than the PC's per-pause budget (65,536 elements; here a 32-bit count through the
// address-size prefix) still transfers every element once, in order, and counts as one
// instruction.
TEST_F(StringIoTest, LongRepIsCompletedAcrossPauses) {
  pc_.registers().R_ECX = 200000;
  run({0x67, 0xF3, 0x6E});
  ASSERT_EQ(port_.writes.size(), 200000u);
  EXPECT_EQ(port_.writes[65536].value, pc_.memory()[0x20010 + 65536]);
  EXPECT_EQ(port_.writes[199999].value, pc_.memory()[0x20010 + 199999]);
  EXPECT_EQ(pc_.registers().R_ECX, 0u);
  EXPECT_EQ(pc_.registers().R_ESI, 0x10u + 200000u);
  EXPECT_EQ(result_.instructions, 2u) << "the REP OUTSB and the HLT";
}

// A REP of four billion elements does not hold the run beyond its time limit.
TEST_F(StringIoTest, HugeRepStopsAtTheTimeLimit) {
  pc_.registers().R_ECX = 0xFFFFFFFF;
  const std::uint8_t code[] = {0x67, 0xF3, 0x6E, 0xF4};
  pc_.load(kCode, code, sizeof code);
  pc_.set_segment(R_CS_INDEX, 0);
  pc_.registers().R_EIP = kCode;
  RunLimits limits;
  limits.max_seconds = 0.05;
  const RunResult r = pc_.run(limits);
  EXPECT_EQ(r.reason, StopReason::TimeLimit);
  EXPECT_EQ(r.eip, kCode) << "stopped inside the REP, which resumes from its own IP";
  EXPECT_GT(pc_.registers().R_ECX, 0u);
}

// The decoder recognises INS/OUTS behind prefixes and nothing else.
TEST(StringIoDecode, RecognisesOnlyStringIo) {
  const std::uint8_t rep_outsw[] = {0x2E, 0xF3, 0x6F};
  auto insn = decode_string_io(rep_outsw, sizeof rep_outsw, false);
  ASSERT_TRUE(insn.has_value());
  EXPECT_FALSE(insn->input);
  EXPECT_TRUE(insn->repeat);
  EXPECT_EQ(insn->width, bus::Width::Word);
  EXPECT_EQ(insn->source_segment, 1u);  // CS
  EXPECT_EQ(insn->length, 3u);

  const std::uint8_t rep_movsb[] = {0xF3, 0xA4};
  EXPECT_FALSE(decode_string_io(rep_movsb, sizeof rep_movsb, false).has_value());
  const std::uint8_t out_dx_al[] = {0xEE};
  EXPECT_FALSE(decode_string_io(out_dx_al, sizeof out_dx_al, false).has_value());
  const std::uint8_t only_prefixes[] = {0x66, 0xF3};
  EXPECT_FALSE(decode_string_io(only_prefixes, sizeof only_prefixes, false).has_value());
}

}  // namespace
}  // namespace vidport::pc
