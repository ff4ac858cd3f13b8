// The VGA's tear oracle, driven through the bus on the platform machine in mode 03h: DAC writes
// and start-address changes count as tears only while the beam is in the displayed lines.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <variant>

#include "platform/pc_platform.h"

namespace vidport::platform {
namespace {

class TearOracleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    PlatformOptions options;
    options.machine.clock = kernel::ClockKind::Virtual;
    auto created = PcPlatform::create(options);
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<PcPlatform>>(created));
    platform_ = std::move(std::get<std::unique_ptr<PcPlatform>>(created));
  }
  kernel::Machine& machine() { return platform_->machine(); }
  bus::IoBus& bus() { return machine().bus(); }

  // Lets time pass until the beam is in the middle of scan line `line` of the next frame.
  void move_beam_to_line(unsigned line) {
    devices::vga::DisplayTiming timing = platform_->vga().timing();
    double line_ns = timing.frame_ns / timing.vertical_total;
    auto frame = static_cast<kernel::ClockTime>(timing.frame_ns);
    kernel::ClockTime next_frame = (machine().clock().now() / frame + 1) * frame;
    machine().pass_time_until(next_frame + static_cast<kernel::ClockTime>((line + 0.5) * line_ns));
  }
  void write_dac_entry(std::uint8_t index, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    bus().write_port(0x3C8, bus::Width::Byte, index);
    for (std::uint8_t c : {r, g, b}) bus().write_port(0x3C9, bus::Width::Byte, c);
  }
  void write_start_address(std::uint16_t address) {
    bus().write_port(0x3D4, bus::Width::Byte, 0x0C);
    bus().write_port(0x3D5, bus::Width::Byte, address >> 8);
    bus().write_port(0x3D4, bus::Width::Byte, 0x0D);
    bus().write_port(0x3D5, bus::Width::Byte, address & 0xFF);
  }

  std::unique_ptr<PcPlatform> platform_;
};

// Scenario: a palette entry written while line 100 is displayed is three tears (one per
// component); the same write at line 420 (below the 400 displayed lines) is none.
TEST_F(TearOracleTest, DacWriteInDisplayIsTear) {
  move_beam_to_line(420);
  write_dac_entry(1, 10, 20, 30);
  EXPECT_EQ(platform_->vga().tears().dac_writes, 3u);
  EXPECT_EQ(platform_->vga().tears().dac_tears, 0u);  // negative control
  move_beam_to_line(100);
  write_dac_entry(1, 11, 21, 31);
  EXPECT_EQ(platform_->vga().tears().dac_tears, 3u);
  auto first = platform_->vga().first_tears();
  EXPECT_EQ(first[0].kind, devices::vga::TearKind::DacWrite);
  EXPECT_EQ(first[0].line, 100u);
}

// Scenario: with the screen off (SR01 bit 5), as during a mode set, DAC writes never tear.
TEST_F(TearOracleTest, ScreenOffNeverTears) {
  bus().write_port(0x3C4, bus::Width::Byte, 0x01);
  std::uint32_t sr01 = bus().read_port(0x3C5, bus::Width::Byte);
  bus().write_port(0x3C5, bus::Width::Byte, sr01 | 0x20);
  move_beam_to_line(100);
  write_dac_entry(2, 1, 2, 3);
  EXPECT_EQ(platform_->vga().tears().dac_writes, 3u);
  EXPECT_EQ(platform_->vga().tears().dac_tears, 0u);
}

// Scenario: a pan (start address change) during display is a tear; in vertical blank it is not;
// rewriting the same value is no change at all.
TEST_F(TearOracleTest, StartAddressChange) {
  move_beam_to_line(430);
  write_start_address(0x0050);
  EXPECT_EQ(platform_->vga().tears().start_address_changes, 1u);
  EXPECT_EQ(platform_->vga().tears().start_address_tears, 0u);
  move_beam_to_line(200);
  write_start_address(0x0050);
  EXPECT_EQ(platform_->vga().tears().start_address_changes, 1u);
  write_start_address(0x00A0);
  EXPECT_EQ(platform_->vga().tears().start_address_tears, 1u);
  EXPECT_EQ(platform_->vga().first_tears()[0].kind, devices::vga::TearKind::StartAddress);
}

}  // namespace
}  // namespace vidport::platform
