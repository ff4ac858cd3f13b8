// A display driver's view of vgasync on the machine a miniport meets: the platform (POST done),
// the module started on it (tests/common/started_miniport.h: DriverEntry and HwVidInitialize),
// then requests, waits, drawing through the mapped video memory and screenshots, for tests
// that need the VGA itself and choose the platform's options.
//
// Rules for the rig:
// - One rig at a time per process (one active port driver). Host thread only.
// - start() returns false with a message in error() when the module, DriverEntry or
//   HwVidInitialize fails; requests then return ERROR_DEV_NOT_EXIST, not completed.
// - Device windows that HwVidFindAdapter maps stay mapped for the process (the port driver does
//   not release them), and the process has 64: about 40 rigs fit in one test process.
// - finish() calls HwVidResetHw unless the machine halted; the destructor calls it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "host/miniport_module.h"
#include "host/request_dispatcher.h"
#include "started_miniport.h"
#include "image/image.h"
#include "platform/pc_platform.h"
#include "videoport/port_driver.h"

namespace vidport::vgasync_test {

// The module `name` (vgasync, vgasync_bug_no_ack, ...) in this build tree.
std::string module_path(const std::string& name);

class VgasyncRig {
 public:
  explicit VgasyncRig(platform::PlatformOptions options = {});
  ~VgasyncRig();
  VgasyncRig(const VgasyncRig&) = delete;
  VgasyncRig& operator=(const VgasyncRig&) = delete;

  bool start(const std::string& module);
  const std::string& error() const { return error_; }

  host::RequestResult request(std::uint32_t code, const std::vector<std::uint8_t>& input = {},
                              std::uint32_t output_length = 0);
  // IOCTL_VIDEO_SET_CURRENT_MODE; true on NO_ERROR.
  bool set_mode(std::uint32_t mode);
  // IOCTL_VIDEO_SET_COLOR_REGISTERS with `rgb` (6-bit R, G, B per entry) from `first`.
  std::uint32_t queue_palette(std::uint16_t first, const std::vector<std::uint8_t>& rgb);
  // IOCTL_VGASYNC_WAIT_RETRACES; the status.
  std::uint32_t wait_retraces(std::uint32_t count);
  // IOCTL_VGASYNC_SET_PAN; the status.
  std::uint32_t set_pan(std::uint32_t start);
  // IOCTL_VGASYNC_QUERY_STATS as raw ULONGs (see VGASYNC_STATS).
  std::vector<std::uint32_t> stats();

  // Maps video memory (IOCTL_VIDEO_MAP_VIDEO_MEMORY), writes `bytes` from offset 0 through the
  // mapping the way a display driver's stores reach the card, and unmaps it. False on failure.
  bool draw(const std::vector<std::uint8_t>& bytes);

  void finish();
  platform::PcPlatform& platform() { return *platform_; }
  kernel::Machine& machine() { return platform_->machine(); }
  image::Image screenshot() { return platform_->vga().render(); }
  std::vector<findings::Finding> findings() { return machine().findings().snapshot(); }

 private:
  std::string error_;
  std::unique_ptr<host::MiniportModule> module_;  // destroyed last
  std::unique_ptr<platform::PcPlatform> platform_;
  testing::StartedMiniport started_;  // the port driver and the dispatcher: before the platform
  bool finished_ = false;
};

// VGASYNC_STATS field positions in stats().
enum StatsField : unsigned {
  kRetraces = 0,
  kPaletteUpdatesApplied,
  kPansApplied,
  kDpcRuns,
  kWaitsCompleted,
  kQueuedPalettes,
  kStartAddress,
  kCurrentMode,
  kExclusionViolations,
  kStatsFields
};

}  // namespace vidport::vgasync_test
