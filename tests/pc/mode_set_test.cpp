// INT 10h mode sets by the real SeaVGABIOS on vidport's PC and VGA, each from the state right
// after the ROM's init, compared with the shared reference traces: the same port accesses in
// the same order (direction, port, width, every OUT value, every IN value but the retrace status
// on 3DA), and about the same number of instructions, which shows the ROM really ran.
// The suite runs the ROM's init once and restores the post-init machine (Machine::restore) before
// each mode set; MachineSnapshotTest shows that a restored machine is the post-init machine.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "image/image.h"
#include "image_compare.h"
#include "pc/machine.h"
#include "reference_trace.h"
#include "vga_state_compare.h"

namespace vidport::pc {
namespace {

using testing::check_reference_rom;
using testing::compare_images;
using testing::compare_vga_states;
using testing::compare_port_sequences;
using testing::read_reference_trace;
using testing::RecordingObserver;
using testing::ReferenceTrace;
using testing::refs_dir;

class ModeSetTest : public ::testing::TestWithParam<std::uint8_t> {
 protected:
  static void SetUpTestSuite() {
    if (!check_reference_rom().empty()) return;
    machine_ = std::make_unique<Machine>();
    if (!machine_->start().empty()) {
      machine_.reset();
      return;
    }
    after_init_ = std::make_unique<MachineSnapshot>(machine_->snapshot());
  }
  static void TearDownTestSuite() {
    after_init_.reset();
    machine_.reset();
  }
  void SetUp() override {
    const std::string rom = check_reference_rom();
    ASSERT_EQ(rom, "") << rom;
    ASSERT_NE(machine_, nullptr) << "the ROM's init failed";
    machine_->restore(*after_init_);
  }

  static std::unique_ptr<Machine> machine_;
  static std::unique_ptr<MachineSnapshot> after_init_;
};

std::unique_ptr<Machine> ModeSetTest::machine_;
std::unique_ptr<MachineSnapshot> ModeSetTest::after_init_;

TEST_P(ModeSetTest, MatchesReferenceTrace) {
  const std::uint8_t mode = GetParam();
  ReferenceTrace reference;
  const std::string error =
      read_reference_trace(fmt::format("{}/vgabios-mode{:02x}h.io.txt", refs_dir(), mode), reference);
  ASSERT_EQ(error, "") << error;

  RecordingObserver recorder;
  machine_->set_port_observer(&recorder);
  const RunResult result = machine_->bios().int10(mode);
  machine_->set_port_observer(nullptr);
  ASSERT_TRUE(result.halted()) << result.message;

  EXPECT_EQ(compare_port_sequences(reference.accesses, recorder.accesses), "");
  // The reference harness's VGA answered 3DA differently, which may change a few polling
  // iterations, so allow 10 %.
  EXPECT_GT(result.instructions, reference.instructions * 9 / 10);
  EXPECT_LT(result.instructions, reference.instructions * 11 / 10);
  EXPECT_EQ(machine_->pc().memory()[0x449], mode) << "the BIOS data area does not record the new mode";
}

INSTANTIATE_TEST_SUITE_P(SeaVgaBios, ModeSetTest, ::testing::Values(0x03, 0x12, 0x13),
                         [](const ::testing::TestParamInfo<std::uint8_t>& info) {
                           return fmt::format("Mode{:02X}h", info.param);
                         });

// A machine that ran a mode set and was then restored to its post-init snapshot is the post-init
// machine again: the same VGA registers and planes and the same RAM (while before the restore
// they differed, the negative control), and a mode set on it makes the same port accesses and
// the same picture as the same mode set on a freshly initialised machine.
TEST(MachineSnapshotTest, RestoreBringsBackThePostInitMachine) {
  const std::string rom = check_reference_rom();
  ASSERT_EQ(rom, "") << rom;
  Machine fresh;
  ASSERT_EQ(fresh.start(), "");
  Machine reused;
  ASSERT_EQ(reused.start(), "");
  const MachineSnapshot after_init = reused.snapshot();

  ASSERT_TRUE(reused.bios().int10(0x0012).halted());
  EXPECT_NE(compare_vga_states(after_init.vga, reused.vga().snapshot()), "");
  EXPECT_NE(reused.pc().memory()[0x449], after_init.pc.memory[0x449]);

  reused.restore(after_init);
  EXPECT_EQ(compare_vga_states(after_init.vga, reused.vga().snapshot()), "");
  EXPECT_EQ(compare_vga_states(fresh.vga().snapshot(), reused.vga().snapshot()), "");
  EXPECT_TRUE(std::equal(after_init.pc.memory.begin(), after_init.pc.memory.end(), reused.pc().memory()));

  RecordingObserver fresh_ports, reused_ports;
  fresh.set_port_observer(&fresh_ports);
  reused.set_port_observer(&reused_ports);
  ASSERT_TRUE(fresh.bios().int10(0x0013).halted());
  ASSERT_TRUE(reused.bios().int10(0x0013).halted());
  EXPECT_EQ(compare_port_sequences(fresh_ports.accesses, reused_ports.accesses), "");
  EXPECT_EQ(compare_images(fresh.vga().render(), reused.vga().render()), "");
  EXPECT_EQ(compare_vga_states(fresh.vga().snapshot(), reused.vga().snapshot()), "");
}

// Restoring a VGA state with the vertical interrupt pending asserts the line again, and
// restoring one without deasserts it: the line always follows the restored flag.
TEST(MachineSnapshotTest, RestoredPendingFlagDrivesTheLine) {
  Machine machine;
  devices::vga::VgaState state = machine.vga().snapshot();
  state.vertical_interrupt_pending = true;
  machine.vga().restore(state);
  EXPECT_TRUE(machine.lines().asserted(9));
  EXPECT_EQ(machine.lines().pending_vector(), 0x71);
  state.vertical_interrupt_pending = false;
  machine.vga().restore(state);
  EXPECT_FALSE(machine.lines().asserted(9));
}

}  // namespace
}  // namespace vidport::pc
