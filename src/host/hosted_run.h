// One hosted run of a miniport: the machine with its devices, the loaded module, the port
// driver, and the lifecycle Windows drives a legacy video miniport through:
//
//   load -> DriverEntry (VideoPortInitialize -> HwVidFindAdapter -> interrupt connection)
//        -> HwVidInitialize per adapter -> requests (display driver, scenario) and waits
//        -> HwVidResetHw per adapter (never after a crash or hang) -> report
//
// Rules for a hosted run:
// - One HostedRun exists at a time (it owns the process's active PortDriver). Host thread only.
// - Each step returns false when the run cannot go on; the report then says why, with the
//   outcome that sets the exit code. finish() is always safe to call and fills the report.
// - The built-in machine: a PulseDevice (ports 0x300-0x305, ISA line 10) for the sample
//   miniport and a VGA (ports 0x3B0-0x3DF, memory A0000-BFFFF, line 9).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "host/miniport_module.h"
#include "host/request_dispatcher.h"
#include "kernel/machine_config.h"
#include "platform/pc_platform.h"
#include "report/report.h"
#include "videoport/port_driver.h"

namespace vidport::kernel {
class Machine;
}
namespace vidport::devices {
class PulseDevice;
namespace vga {
class Vga;
}
}  // namespace vidport::devices

namespace vidport::host {

class FullScreen;
class Watchdog;

inline constexpr std::uint16_t kPulseBase = 0x300;
inline constexpr unsigned kPulseLine = 10;

struct RunOptions {
  std::string miniport;  // path of the module
  std::string scenario;  // for the report only
  unsigned cpus = 2;
  kernel::SyncProfile profile = kernel::SyncProfile::Docs;
  bool virtual_clock = true;
  std::chrono::milliseconds watchdog{5000};
  std::vector<videoport::RegistryValue> registry;
  std::string output_directory;  // where relative screenshot paths go ("" = current folder)
  // Full-screen programs will run (--v86, scenario full_screen steps): the VGA gets the video
  // BIOS's POST before DriverEntry, and VideoPortInt10 has a BIOS (see full_screen.h).
  bool full_screen = false;
  // false: the video BIOS runs its POST even when a snapshot of it could be restored
  // (`--no-snapshot`; platform/post_snapshot.h).
  bool use_snapshots = true;
};

class HostedRun {
 public:
  explicit HostedRun(RunOptions options);
  ~HostedRun();
  HostedRun(const HostedRun&) = delete;
  HostedRun& operator=(const HostedRun&) = delete;

  // Loads the module (HostError on failure).
  bool load();
  // DriverEntry, then HwVidInitialize on every adapter found (MiniportFailure or CrashOrHang).
  bool start();
  // One request to `adapter` (see RequestDispatcher).
  RequestResult request(std::size_t adapter, std::uint32_t code, const std::vector<std::uint8_t>& input,
                        std::uint32_t output_length, std::string origin);
  // Lets `duration` of clock time pass, interrupts, DPCs and timers live. False once halted.
  bool wait_for(kernel::ClockTime duration);
  // Waits until `count` more interrupts were delivered on the adapter's line or `limit` of
  // clock time passed; returns whether they came.
  bool wait_for_interrupts(std::size_t adapter, std::uint64_t count, kernel::ClockTime limit);
  // Renders what the VGA shows now into the PNG `file` (relative to RunOptions::output_directory
  // when that is set) and lists it in the report; a file that cannot be written is a HostError
  // naming `origin`. Returns false when the run cannot go on.
  bool screenshot(const std::string& file, const std::string& origin);
  // A full-screen program (docs/fullscreen.md): IOCTL_VIDEO_ENABLE_VDM to `adapter`, then
  // `program` (a boot image or .COM file) runs with its trapped ports going to the adapter's
  // emulator routines; listed in the report. An unreadable program or a run without
  // RunOptions::full_screen is a HostError naming `origin`. Returns false when the run cannot go on.
  bool run_full_screen(std::size_t adapter, const std::string& program, const std::string& origin);
  // IOCTL_VIDEO_SAVE_HARDWARE_STATE (`save`) into the run's state buffer of HardwareStateSize
  // bytes, or IOCTL_VIDEO_RESTORE_HARDWARE_STATE from it (a HostError before any save).
  bool hardware_state(std::size_t adapter, bool save, const std::string& origin);
  // HwVidResetHw (unless the machine halted), then fills the report. Call once, last.
  report::Report& finish();

  bool halted() const;
  // False once the machine halted; the first call after the halt records it in the report.
  bool halt_checked();
  std::size_t adapter_count() const { return port_driver_ ? port_driver_->adapters().size() : 0; }
  report::Report& report() { return report_; }
  kernel::Machine& machine() { return platform_->machine(); }
  devices::vga::Vga& vga() { return platform_->vga(); }

 private:
  void collect();

  RunOptions options_;
  report::Report report_;
  std::unique_ptr<MiniportModule> module_;  // destroyed last: miniport code must outlive its callers
  std::unique_ptr<platform::PcPlatform> platform_;  // the machine, its VGA, the PC that ran POST
  std::unique_ptr<devices::PulseDevice> pulse_;     // on the platform's bus: destroyed before it
  std::unique_ptr<videoport::PortDriver> port_driver_;
  std::unique_ptr<FullScreen> full_screen_;  // with RunOptions::full_screen only
  std::vector<std::uint8_t> hardware_state_;  // the last SAVE_HARDWARE_STATE
  std::vector<std::unique_ptr<RequestDispatcher>> dispatchers_;
  std::unique_ptr<Watchdog> watchdog_;
  std::vector<bool> initialized_;  // per adapter: HwVidInitialize returned TRUE
  bool finished_ = false;
  bool halt_recorded_ = false;  // the halt is in report_.problems
};

}  // namespace vidport::host
