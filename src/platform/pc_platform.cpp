#include "platform/pc_platform.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace vidport::platform {

namespace {
constexpr std::uint32_t kBdaVideoMode = 0x449;  // 0040:0049, the current video mode
constexpr std::uint16_t kSetMode03h = 0x0003;   // INT 10h AH=00h (set mode), AL=03h
}  // namespace

PcPlatform::PcPlatform(const PlatformOptions& options)
    : options_(options), machine_(std::make_unique<kernel::Machine>(options.machine)) {
  devices::vga::VgaOptions vga_options;
  vga_options.irq = kVgaIrq;
  vga_options.refresh_hz = options.retrace_hz;
  vga_options.render = options.render;
  vga_ = std::make_unique<devices::vga::Vga>(machine_->clock(), machine_->interrupts(), vga_options);
  // A fresh bus has nothing on it; failing to map the VGA is a bug, not a user error.
  if (!vga_->attach(machine_->bus())) {
    std::fputs("vidport: internal error: the VGA does not fit on a fresh bus\n", stderr);
    std::abort();
  }
  pc_ = std::make_unique<pc::Pc>(machine_->bus(), machine_->clock());
}

PcPlatform::~PcPlatform() {
  pc_.reset();
  vga_.reset();
  machine_.reset();
}

std::variant<std::unique_ptr<PcPlatform>, std::string> PcPlatform::create(const PlatformOptions& options) {
  std::unique_ptr<PcPlatform> platform(new PcPlatform(options));
  if (std::string error = platform->post(); !error.empty()) return error;
  return platform;
}

std::string PcPlatform::post() {
  pc::VideoBios bios(*pc_);
  if (std::string error = bios.load(options_.rom_path); !error.empty()) return error;
  pc::RunResult init = bios.initialize();
  post_instructions_ += init.instructions;
  if (!init.halted()) return fmt::format("the video BIOS init failed: {}", init.message);
  pc::RunResult mode = bios.int10(kSetMode03h);
  post_instructions_ += mode.instructions;
  if (!mode.halted()) return fmt::format("the video BIOS could not set text mode 03h: {}", mode.message);
  vga_->reset_tears();
  return "";
}

std::uint8_t PcPlatform::bios_video_mode() const { return pc_->memory()[kBdaVideoMode]; }

}  // namespace vidport::platform
