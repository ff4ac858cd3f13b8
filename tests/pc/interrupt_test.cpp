// Hardware interrupts on the PC: the VGA's vertical-retrace interrupt (IRQ 9, INT 71h) wakes a
// program halted with interrupts on, under the virtual clock.
#include <gtest/gtest.h>

#include "pc/machine.h"
#include "pc/program.h"
#include "reference_trace.h"

namespace vidport::pc {
namespace {

using testing::check_reference_rom;
using testing::programs_dir;

class InterruptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string rom = check_reference_rom();
    ASSERT_EQ(rom, "") << rom;
    ASSERT_EQ(machine_.start(), "");
  }
  Machine machine_;
};

// tests/pc/programs/retrace_irq.asm arms the VGA's vertical interrupt and waits with STI; HLT
// until its handler has run three times. The run ends with the program's own CLI; HLT, three
// interrupts were delivered, and virtual time advanced by at least two frames between them.
TEST_F(InterruptTest, RetraceInterruptWakesAHaltedProgram) {
  Program program;
  ASSERT_EQ(read_program(programs_dir() + "/retrace_irq.bin", program), "");
  RunLimits limits;
  limits.max_seconds = 5;
  const RunResult result = machine_.run_program(program, limits);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(machine_.console().program_text(), "IRQ3\n");
  EXPECT_EQ(machine_.pc().hardware_interrupts(), 3u);
  EXPECT_EQ(machine_.lines().times_raised(9), 3u);
  EXPECT_FALSE(machine_.lines().asserted(9)) << "the handler's acknowledge did not reach the VGA";
  const double frame_ns = machine_.vga().timing().frame_ns;
  ASSERT_GT(frame_ns, 0.0);
  EXPECT_GE(static_cast<double>(machine_.clock().now()), 2 * frame_ns);
}

// Negative control: the same armed interrupt with CLI; HLT ends the run at once; nothing is
// delivered and time does not jump to the next retrace.
TEST_F(InterruptTest, HaltWithInterruptsOffEndsTheRun) {
  ASSERT_TRUE(machine_.bios().int10(0x0013).halted());
  // mov dx, 3D4h; mov ax, 9E11h; out dx, ax; cli; hlt
  const std::uint8_t code[] = {0xBA, 0xD4, 0x03, 0xB8, 0x11, 0x9E, 0xEF, 0xFA, 0xF4};
  machine_.pc().load(0x1000, code, sizeof code);
  machine_.pc().set_segment(R_CS_INDEX, 0);
  machine_.pc().registers().R_EIP = 0x1000;
  const kernel::ClockTime before = machine_.clock().now();
  const RunResult result = machine_.pc().run();
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(result.eip, 0x1000u + sizeof code);
  EXPECT_EQ(machine_.pc().hardware_interrupts(), 0u);
  EXPECT_LT(static_cast<double>(machine_.clock().now() - before), machine_.vga().timing().frame_ns);
}

// IRQ lines map to the vectors a PC/AT BIOS gives them.
TEST(InterruptLinesTest, PcAtVectors) {
  EXPECT_EQ(InterruptLines::vector_of(0), 0x08);
  EXPECT_EQ(InterruptLines::vector_of(7), 0x0F);
  EXPECT_EQ(InterruptLines::vector_of(8), 0x70);
  EXPECT_EQ(InterruptLines::vector_of(9), 0x71);
  EXPECT_EQ(InterruptLines::vector_of(15), 0x77);
  EXPECT_FALSE(InterruptLines::vector_of(16).has_value());
  InterruptLines lines;
  EXPECT_FALSE(lines.pending_vector().has_value());
  lines.set_line(9, true);
  lines.set_line(3, true);
  EXPECT_EQ(lines.pending_vector(), 0x0B) << "the lowest line wins";
  lines.set_line(3, false);
  EXPECT_EQ(lines.pending_vector(), 0x71);
}

}  // namespace
}  // namespace vidport::pc
