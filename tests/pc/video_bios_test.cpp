// The real SeaVGABIOS ROM on vidport's PC, compared with the shared reference traces that were
// made by running the same ROM in another libx86emu harness (tests/data/refs/).
#include <gtest/gtest.h>


#include "bare_machine.h"
#include "pc/video_bios.h"
#include "reference_trace.h"

namespace vidport::pc {
namespace {

using testing::BareMachine;
using testing::check_reference_rom;
using testing::compare_port_sequences;
using testing::read_reference_trace;
using testing::ReferenceTrace;
using testing::refs_dir;

class VideoBiosTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string rom = check_reference_rom();
    ASSERT_EQ(rom, "") << rom;
  }
};

// The ROM's init (far call to C000:0003) makes exactly the port accesses of the reference trace,
// executes the same number of instructions, prints its banner on port 0x402 and installs its
// INT 10h vector. Init only touches ports whose answers do not depend on a VGA being present.
TEST_F(VideoBiosTest, InitMatchesReferenceTrace) {
  ReferenceTrace reference;
  const std::string error = read_reference_trace(refs_dir() + "/vgabios-init.io.txt", reference);
  ASSERT_EQ(error, "") << error;

  BareMachine m;
  ASSERT_EQ(m.bios.load(VideoBios::kDefaultRomPath), "");
  const RunResult result = m.bios.initialize();
  ASSERT_TRUE(result.halted()) << result.message;

  EXPECT_EQ(compare_port_sequences(reference.accesses, m.recorder.accesses), "");
  EXPECT_EQ(result.instructions, reference.instructions);
  EXPECT_NE(m.console.bios_text().find("Start SeaVGABIOS"), std::string::npos) << m.console.bios_text();
  const std::uint8_t* int10 = m.pc.memory() + 4 * 0x10;
  EXPECT_EQ(int10[2] | int10[3] << 8, 0xC000) << "INT 10h does not point into the ROM";
  EXPECT_NE(m.monitor.unclaimed().count(0x1CF), 0u) << "the Bochs VBE probe was not logged as unclaimed";
}

// Negative control for the trace comparison: a sequence with one OUT value changed, or one access
// missing, does not match.
TEST_F(VideoBiosTest, TraceComparisonDetectsDifferences) {
  ReferenceTrace reference;
  ASSERT_EQ(read_reference_trace(refs_dir() + "/vgabios-init.io.txt", reference), "");
  auto changed = reference.accesses;
  changed[0].value ^= 1;
  EXPECT_NE(compare_port_sequences(reference.accesses, changed), "");
  auto shorter = reference.accesses;
  shorter.pop_back();
  EXPECT_NE(compare_port_sequences(reference.accesses, shorter), "");
}

// The installed ROM is the one the references were made with (the fixture checks it), and a
// different file is told apart with the instruction to regenerate the references.
TEST_F(VideoBiosTest, ReferenceRomCheckTellsRomsApart) {
  EXPECT_EQ(check_reference_rom(VideoBios::kDefaultRomPath), "");
  const std::string other = check_reference_rom(refs_dir() + "/boot13h.asm");
  EXPECT_NE(other.find("regenerate the references"), std::string::npos) << other;
  EXPECT_NE(check_reference_rom("/nonexistent/vgabios.bin"), "");
}

// A ROM path that does not exist, and a file that is not an option ROM, are reported as errors.
TEST_F(VideoBiosTest, BadRomsAreRejected) {
  BareMachine m;
  EXPECT_NE(m.bios.load("/nonexistent/vgabios.bin"), "");
  EXPECT_NE(m.bios.load(std::vector<std::uint8_t>{0x4D, 0x5A, 0x00}, "an .exe"), "");
  EXPECT_NE(m.bios.load(std::vector<std::uint8_t>(0x10001, 0x55), "too big"), "");
}

// A snapshot taken after init restores RAM and registers: INT 10h run after restoring it makes
// the same port accesses as INT 10h run right after init.
TEST_F(VideoBiosTest, SnapshotRestoresThePostInitState) {
  BareMachine m;
  ASSERT_EQ(m.bios.load(VideoBios::kDefaultRomPath), "");
  ASSERT_TRUE(m.bios.initialize().halted());
  const PcSnapshot after_init = m.pc.snapshot();

  m.recorder.accesses.clear();
  ASSERT_TRUE(m.bios.int10(0x0013).halted());
  const auto first = m.recorder.accesses;
  ASSERT_FALSE(first.empty());

  // Scribble over the state the mode set depends on, then restore.
  m.pc.memory()[0x449] = 0x7F;
  m.pc.memory()[4 * 0x10] ^= 0xFF;
  m.pc.restore(after_init);
  m.recorder.accesses.clear();
  ASSERT_TRUE(m.bios.int10(0x0013).halted());
  EXPECT_EQ(compare_port_sequences(first, m.recorder.accesses), "");
}

// A run that never halts stops at its instruction limit and says so.
TEST_F(VideoBiosTest, EndlessLoopReportsAHang) {
  BareMachine m;
  const std::uint8_t jmp_self[] = {0xEB, 0xFE};
  m.pc.load(0x1000, jmp_self, sizeof jmp_self);
  m.pc.set_segment(R_CS_INDEX, 0);
  m.pc.registers().R_EIP = 0x1000;
  RunLimits limits;
  limits.max_instructions = 100000;
  const RunResult result = m.pc.run(limits);
  EXPECT_EQ(result.reason, StopReason::InstructionLimit);
  EXPECT_EQ(result.instructions, 100000u);
  EXPECT_NE(result.message.find("hang"), std::string::npos) << result.message;

  limits.max_instructions = 0;
  limits.max_seconds = 0.05;
  const RunResult timed = m.pc.run(limits);
  EXPECT_EQ(timed.reason, StopReason::TimeLimit);
}

}  // namespace
}  // namespace vidport::pc
