// Loading the programs `vidport boot` runs: flat boot images at 0000:7C00 and .COM programs at
// PSP:0100, on a PC without a VGA. The programs are assembled from tests/pc/programs/ at build
// time.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "bare_machine.h"
#include "pc/program.h"

namespace vidport::pc {
namespace {

using testing::BareMachine;
using testing::programs_dir;

std::string temp_file(const std::string& name, std::size_t size) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (std::size_t i = 0; i < size; ++i) out.put('\x90');
  return path;
}

// A flat image longer than a sector is loaded whole: its first sector jumps into the second,
// which prints on port E9h and halts.
TEST(ProgramTest, FlatImageIsLoadedWhole) {
  Program program;
  ASSERT_EQ(read_program(programs_dir() + "/two_sectors.bin", program), "");
  EXPECT_EQ(program.kind, Program::Kind::BootImage);
  BareMachine m;
  ASSERT_EQ(place_program(m.pc, program), "");
  const RunResult result = m.pc.run();
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(m.console.program_text(), "SECTOR2");
}

// A .COM program starts at PSP:0100 with CS = DS, SP = FFFEh and INT 20h at PSP:0000, and
// returning with RET ends it through that INT 20h.
TEST(ProgramTest, ComProgramGetsAPspAndExitsThroughIt) {
  Program program;
  ASSERT_EQ(read_program(programs_dir() + "/psp.com", program), "");
  EXPECT_EQ(program.kind, Program::Kind::Com);
  BareMachine m;
  ASSERT_EQ(place_program(m.pc, program), "");
  const RunResult result = m.pc.run();
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(m.console.program_text(), "CS=DS INT20 SP=FFFE ");
  EXPECT_EQ(result.cs, 0u) << "did not end in the exit stub";
}

// The extension decides the kind, in any case.
TEST(ProgramTest, UppercaseComExtensionIsACom) {
  Program program;
  ASSERT_EQ(read_program(temp_file("PROG.COM", 16), program), "");
  EXPECT_EQ(program.kind, Program::Kind::Com);
  ASSERT_EQ(read_program(temp_file("prog.img", 16), program), "");
  EXPECT_EQ(program.kind, Program::Kind::BootImage);
}

// Missing, empty and oversized programs are refused with a message naming the file.
TEST(ProgramTest, BadProgramsAreRefused) {
  Program program;
  EXPECT_NE(read_program("/nonexistent/boot.bin", program).find("/nonexistent/boot.bin"), std::string::npos);
  EXPECT_NE(read_program(temp_file("empty.bin", 0), program).find("empty"), std::string::npos);
  EXPECT_NE(read_program(temp_file("big.com", 0xFF01), program), "");
  EXPECT_EQ(read_program(temp_file("max.com", 0xFF00), program), "");
  EXPECT_NE(read_program(temp_file("big.img", 0xA0000 - 0x7C00 + 1), program), "");
}

}  // namespace
}  // namespace vidport::pc
