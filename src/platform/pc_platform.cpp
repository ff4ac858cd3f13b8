#include "platform/pc_platform.h"

#include <cstdio>
#include <cstdlib>


namespace vidport::platform {

namespace {
constexpr std::uint32_t kBdaVideoMode = 0x449;  // 0040:0049, the current video mode
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
  if (options.post) {
    if (std::string error = platform->post(); !error.empty()) return error;
  }
  return platform;
}

std::string PcPlatform::post() {
  pc::VideoBios bios(*pc_);
  if (std::string error = bios.post(options_.rom_path, &post_instructions_); !error.empty()) return error;
  vga_->reset_tears();
  return "";
}

std::uint8_t PcPlatform::bios_video_mode() const { return pc_->memory()[kBdaVideoMode]; }

}  // namespace vidport::platform
