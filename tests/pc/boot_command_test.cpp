// `vidport boot` run as a user runs it: a separate process, judged by its exit status, its
// output and the files it writes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "image/image.h"
#include "image_compare.h"
#include "reference_trace.h"

namespace vidport::pc {
namespace {

using testing::check_reference_rom;
using testing::compare_images;
using testing::programs_dir;
using testing::refs_dir;

struct Outcome {
  int status = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `vidport ARGS`, capturing stdout and stderr.
Outcome vidport(const std::string& args) {
  const char* binary = std::getenv("VIDPORT_BINARY_DIR");
  const std::string err_path = ::testing::TempDir() + "vidport-boot-stderr.txt";
  const std::string command =
      fmt::format("'{}/src/cli/vidport' {} 2>'{}'", binary ? binary : ".", args, err_path);
  Outcome o;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return o;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) o.out.append(buffer, n);
  const int raw = pclose(pipe);
  o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  o.err = slurp(err_path);
  return o;
}

// Booting the mode-13h reference program succeeds: exit status 0, the program's "DONE13" on
// stdout, a screenshot equal to QEMU's, and a trace that holds the ROM's mode set.
TEST(BootCommand, BootsTheReferenceProgram) {
  const std::string rom = check_reference_rom();
  ASSERT_EQ(rom, "") << rom;
  const std::string png = ::testing::TempDir() + "vidport-boot13h.png";
  const std::string trace = ::testing::TempDir() + "vidport-boot13h.trace";
  std::remove(png.c_str());
  const Outcome o = vidport(fmt::format("boot '{}/boot13h.bin' --screenshot '{}' --trace '{}'", programs_dir(), png, trace));
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "DONE13\n");

  image::Image expected, actual;
  ASSERT_EQ(image::read_png(refs_dir() + "/qemu-mode13h.png", expected), "");
  ASSERT_EQ(image::read_png(png, actual), "");
  EXPECT_EQ(compare_images(expected, actual), "");

  const std::string lines = slurp(trace);
  EXPECT_NE(lines.find("OUT 03C2  8 63"), std::string::npos) << "no misc-output write for mode 13h in the trace";
  EXPECT_NE(lines.find("OUT 00E9  8 44"), std::string::npos) << "the program's 'D' on port E9 is not in the trace";
}

// A program that does not exist: exit status 1 and a message naming it; no screenshot.
TEST(BootCommand, MissingProgramIsAnError) {
  const std::string png = ::testing::TempDir() + "vidport-missing.png";
  std::remove(png.c_str());
  const Outcome o = vidport(fmt::format("boot /nonexistent/prog.bin --screenshot '{}'", png));
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.err.find("/nonexistent/prog.bin"), std::string::npos) << o.err;
  EXPECT_FALSE(std::ifstream(png).good());
}

// A ROM that does not exist: exit status 1 and a message naming it.
TEST(BootCommand, MissingRomIsAnError) {
  const Outcome o = vidport(fmt::format("boot '{}/boot13h.bin' --screenshot '{}x.png' --rom /nonexistent/vga.bin",
                                        programs_dir(), ::testing::TempDir()));
  EXPECT_EQ(o.status, 1);
  EXPECT_NE(o.err.find("/nonexistent/vga.bin"), std::string::npos) << o.err;
}

// A program that never halts: exit status 2 and a message that says it hangs.
TEST(BootCommand, HangIsReported) {
  const Outcome o = vidport(fmt::format("boot '{}/hang.bin' --screenshot '{}hang.png' --time-limit 0.2",
                                        programs_dir(), ::testing::TempDir()));
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("hang"), std::string::npos) << o.err;
}

// --help describes the subcommand's options and exits successfully.
TEST(BootCommand, HelpDescribesOptions) {
  const Outcome o = vidport("boot --help");
  EXPECT_EQ(o.status, 0);
  for (const char* option : {"--screenshot", "--trace", "--time-limit", "--rom", "PROGRAM"}) {
    EXPECT_NE(o.out.find(option), std::string::npos) << option << " missing from:\n" << o.out;
  }
}

}  // namespace
}  // namespace vidport::pc
