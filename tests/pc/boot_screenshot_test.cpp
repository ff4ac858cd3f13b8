// The three reference boot programs (tests/data/refs/boot{03,12,13}h.asm, assembled at build
// time) run on vidport's PC with the real SeaVGABIOS and vidport's VGA, and the VGA's rendering
// equals, pixel for pixel, what QEMU showed for the same programs (tests/data/refs/qemu-*.png).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "image/image.h"
#include "image_compare.h"
#include "pc/machine.h"
#include "pc/program.h"
#include "reference_trace.h"

namespace vidport::pc {
namespace {

using testing::check_reference_rom;
using testing::compare_images;
using testing::programs_dir;
using testing::refs_dir;

struct BootCase {
  std::uint8_t mode;
  const char* done_text;
};

class BootScreenshotTest : public ::testing::TestWithParam<BootCase> {
 protected:
  void SetUp() override {
    const std::string rom = check_reference_rom();
    ASSERT_EQ(rom, "") << rom;
  }
};

TEST_P(BootScreenshotTest, MatchesQemu) {
  const BootCase c = GetParam();
  Program program;
  ASSERT_EQ(read_program(fmt::format("{}/boot{:02x}h.bin", programs_dir(), c.mode), program), "");
  image::Image expected;
  const std::string read_error = image::read_png(fmt::format("{}/qemu-mode{:02x}h.png", refs_dir(), c.mode), expected);
  ASSERT_EQ(read_error, "") << read_error;

  Machine machine;
  ASSERT_EQ(machine.start(), "");
  const RunResult result = machine.run_program(program);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(machine.console().program_text(), c.done_text);
  // The mode came from the ROM: it recorded it in the BIOS data area.
  EXPECT_EQ(machine.pc().memory()[0x449], c.mode);

  const image::Image actual = machine.vga().render();
  const std::string difference = compare_images(expected, actual);
  if (!difference.empty()) {
    const std::string saved = fmt::format("{}vidport-mode{:02x}h.png", ::testing::TempDir(), c.mode);
    image::write_png(actual, saved);
    ADD_FAILURE() << difference << " (vidport's screen saved as " << saved << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(Reference, BootScreenshotTest,
                         ::testing::Values(BootCase{0x13, "DONE13\n"}, BootCase{0x12, "DONE12\n"},
                                           BootCase{0x03, "DONE03\n"}),
                         [](const ::testing::TestParamInfo<BootCase>& info) {
                           return fmt::format("Mode{:02X}h", info.param.mode);
                         });

// Negative control for the comparison: one changed pixel, and a different size, are reported.
TEST(ImageCompare, DetectsOnePixelAndSize) {
  image::Image expected;
  ASSERT_EQ(image::read_png(refs_dir() + "/qemu-mode13h.png", expected), "");
  image::Image changed = expected;
  changed.rgb[3 * (17 * changed.width + 5)] ^= 0x01;
  EXPECT_NE(compare_images(expected, changed).find("(5, 17)"), std::string::npos);
  image::Image smaller = expected;
  smaller.height -= 1;
  smaller.rgb.resize(std::size_t{smaller.width} * smaller.height * 3);
  EXPECT_NE(compare_images(expected, smaller), "");
  EXPECT_EQ(compare_images(expected, expected), "");
}

}  // namespace
}  // namespace vidport::pc
