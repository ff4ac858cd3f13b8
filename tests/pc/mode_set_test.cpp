// INT 10h mode sets by the real SeaVGABIOS on vidport's PC and VGA, each from the state right
// after the ROM's init, compared with the shared reference traces: the same port accesses in
// the same order (direction, port, width, every OUT value, every IN value but the retrace status
// on 3DA), and about the same number of instructions, which shows the ROM really ran.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "pc/machine.h"
#include "reference_trace.h"

namespace vidport::pc {
namespace {

using testing::check_reference_rom;
using testing::compare_port_sequences;
using testing::read_reference_trace;
using testing::RecordingObserver;
using testing::ReferenceTrace;
using testing::refs_dir;

class ModeSetTest : public ::testing::TestWithParam<std::uint8_t> {
 protected:
  void SetUp() override {
    const std::string rom = check_reference_rom();
    ASSERT_EQ(rom, "") << rom;
  }
};

TEST_P(ModeSetTest, MatchesReferenceTrace) {
  const std::uint8_t mode = GetParam();
  ReferenceTrace reference;
  const std::string error =
      read_reference_trace(fmt::format("{}/vgabios-mode{:02x}h.io.txt", refs_dir(), mode), reference);
  ASSERT_EQ(error, "") << error;

  Machine machine;
  ASSERT_EQ(machine.start(), "");
  RecordingObserver recorder;
  machine.set_port_observer(&recorder);
  const RunResult result = machine.bios().int10(mode);
  ASSERT_TRUE(result.halted()) << result.message;

  EXPECT_EQ(compare_port_sequences(reference.accesses, recorder.accesses), "");
  // The reference harness's VGA answered 3DA differently, which may change a few polling
  // iterations, so allow 10 %.
  EXPECT_GT(result.instructions, reference.instructions * 9 / 10);
  EXPECT_LT(result.instructions, reference.instructions * 11 / 10);
  EXPECT_EQ(machine.pc().memory()[0x449], mode) << "the BIOS data area does not record the new mode";
}

INSTANTIATE_TEST_SUITE_P(SeaVgaBios, ModeSetTest, ::testing::Values(0x03, 0x12, 0x13),
                         [](const ::testing::TestParamInfo<std::uint8_t>& info) {
                           return fmt::format("Mode{:02X}h", info.param);
                         });

}  // namespace
}  // namespace vidport::pc
