// The machine a miniport meets: after PcPlatform::create() the VGA must look exactly as a PC
// that ran its video BIOS's POST leaves it, with the retrace interrupt wired into the machine.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <variant>

#include "pc/machine.h"
#include "platform/pc_platform.h"

namespace vidport::platform {
namespace {

std::unique_ptr<PcPlatform> make_platform(PlatformOptions options = {}) {
  options.machine.clock = kernel::ClockKind::Virtual;
  auto created = PcPlatform::create(options);
  if (auto* error = std::get_if<std::string>(&created)) {
    ADD_FAILURE() << *error;
    return nullptr;
  }
  return std::move(std::get<std::unique_ptr<PcPlatform>>(created));
}

// The reference: `vidport boot`'s PC after the ROM's init and INT 10h AX=0003h.
std::unique_ptr<pc::Machine> bios_text_mode() {
  auto machine = std::make_unique<pc::Machine>();
  EXPECT_EQ(machine->start(), "");
  EXPECT_TRUE(machine->bios().int10(0x0003).halted());
  return machine;
}

// Scenario: a miniport's machine is created; the screen it shows is the BIOS's text mode 03h,
// pixel for pixel, and the BIOS data area records mode 3.
TEST(PlatformTest, PostLeavesBiosTextMode) {
  auto platform = make_platform();
  ASSERT_NE(platform, nullptr);
  auto reference = bios_text_mode();
  EXPECT_EQ(platform->bios_video_mode(), 0x03);
  image::Image shot = platform->vga().render();
  EXPECT_EQ(shot.width, 720u);
  EXPECT_EQ(shot.height, 400u);
  EXPECT_TRUE(shot == reference->vga().render());
  EXPECT_GT(platform->post_instructions(), 0u);
}

// Scenario: the ROM font is in plane 2 after POST (what a miniport saves before it leaves text
// mode): the glyph slots equal the reference PC's and the glyph of 'A' is not empty.
TEST(PlatformTest, FontIsInPlaneTwo) {
  auto platform = make_platform();
  ASSERT_NE(platform, nullptr);
  auto reference = bios_text_mode();
  const devices::vga::VgaState state = platform->vga().snapshot();
  const devices::vga::VgaState expected_state = reference->vga().snapshot();
  const auto& plane = state.memory.planes[2];
  const auto& expected = expected_state.memory.planes[2];
  EXPECT_TRUE(std::equal(plane.begin(), plane.begin() + 256 * 32, expected.begin()));
  const auto* glyph_a = &plane[0x41 * 32];
  EXPECT_TRUE(std::any_of(glyph_a, glyph_a + 16, [](std::uint8_t row) { return row != 0; }));
}

// Scenario: once something enables the VGA's vertical interrupt (CR11 bit 5 = 0, bit 4 = 1), the
// next retrace asserts ISA line 9 on the machine's interrupt controller; acknowledging through
// CR11 bit 4 = 0 deasserts it. Negative control: before enabling, time passes with no interrupt.
TEST(PlatformTest, RetraceInterruptReachesMachine) {
  auto platform = make_platform();
  ASSERT_NE(platform, nullptr);
  kernel::Machine& machine = platform->machine();
  machine.pass_time_until(machine.clock().now() + 50'000'000);
  EXPECT_FALSE(machine.interrupts().line_asserted(kVgaIrq));

  bus::IoBus& bus = machine.bus();
  bus.write_port(0x3D4, bus::Width::Byte, 0x11);
  std::uint8_t cr11 = static_cast<std::uint8_t>(bus.read_port(0x3D5, bus::Width::Byte));
  bus.write_port(0x3D5, bus::Width::Byte, (cr11 & ~0x20u) | 0x10u);
  machine.pass_time_until(machine.clock().now() + 50'000'000);
  EXPECT_TRUE(machine.interrupts().line_asserted(kVgaIrq));
  EXPECT_EQ(bus.read_port(0x3C2, bus::Width::Byte) & 0x80u, 0x80u);

  bus.write_port(0x3D5, bus::Width::Byte, cr11 & ~0x30u);
  EXPECT_FALSE(machine.interrupts().line_asserted(kVgaIrq));
}

// Scenario: the retrace rate option: by default the registers' 70.09 Hz; scaled, the forced rate.
TEST(PlatformTest, RetraceRateScaling) {
  auto normal = make_platform();
  ASSERT_NE(normal, nullptr);
  EXPECT_NEAR(normal->vga().timing().refresh_hz(), 70.09, 0.01);
  PlatformOptions fast;
  fast.retrace_hz = 10'000;
  auto scaled = make_platform(fast);
  ASSERT_NE(scaled, nullptr);
  EXPECT_NEAR(scaled->vga().timing().refresh_hz(), 10'000, 0.5);
}

// Scenario: the machine options reach the kernel machine (processors, profile).
TEST(PlatformTest, MachineOptions) {
  PlatformOptions options;
  options.machine.processors = 4;
  options.machine.profile = kernel::SyncProfile::ReactOS;
  auto platform = make_platform(options);
  ASSERT_NE(platform, nullptr);
  EXPECT_EQ(platform->machine().processor_count(), 4u);
  EXPECT_EQ(platform->machine().profile(), kernel::SyncProfile::ReactOS);
}

// Scenario: a missing ROM is a message for the user, not a crash.
TEST(PlatformTest, MissingRomIsReported) {
  PlatformOptions options;
  options.rom_path = "/nonexistent/vgabios.bin";
  auto created = PcPlatform::create(options);
  ASSERT_TRUE(std::holds_alternative<std::string>(created));
  EXPECT_NE(std::get<std::string>(created).find("/nonexistent/vgabios.bin"), std::string::npos);
}

}  // namespace
}  // namespace vidport::platform
