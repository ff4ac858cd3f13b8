// The part of a hosted run the test rigs share (tests/vgasync/vgasync_rig.h,
// tests/v86/v86_rig.h): a miniport module loaded onto an existing machine, its DriverEntry run
// (VideoPortInitialize -> HwVidFindAdapter), HwVidInitialize run on its one adapter, and a
// request dispatcher for it. `vidport run` does the same in host::HostedRun, with reports, a
// watchdog and any number of adapters; the rigs want the machine of their own choosing.
//
// Rules:
// - One started miniport at a time per process (one active port driver). Host thread only.
// - start() returns "" or what failed (DriverEntry, no adapter, HwVidInitialize).
// - Destroy it before the machine. The module is the caller's: it must outlive the machine too
//   (miniport code outlives its callers), so a rig declares it before the machine.
#pragma once

#include <memory>
#include <string>

#include "host/miniport_module.h"
#include "host/request_dispatcher.h"
#include "kernel/machine.h"
#include "videoport/port_driver.h"

namespace vidport::testing {

class StartedMiniport {
 public:
  StartedMiniport() = default;
  ~StartedMiniport();
  StartedMiniport(const StartedMiniport&) = delete;
  StartedMiniport& operator=(const StartedMiniport&) = delete;

  // Loads the module at `path` into `module`; "" or the loader's message.
  static std::string load(const std::string& path, std::unique_ptr<host::MiniportModule>& module);

  // Starts `module` on `machine`. With `fresh_module` (the default, as `vidport run` does) the
  // module's globals are first put back as they were at load (MiniportModule::restore_load_state);
  // false keeps what earlier starts left in them (a negative control).
  std::string start(kernel::Machine& machine, host::MiniportModule& module, bool fresh_module = true);
  // The dispatcher and the port driver go (the destructor does the same).
  void reset();

  bool started() const { return dispatcher_ != nullptr; }
  videoport::PortDriver& port_driver() { return *port_driver_; }
  videoport::HostedAdapter& adapter() { return *port_driver_->adapters().front(); }
  // Sends a request as the display driver would; ERROR_DEV_NOT_EXIST (not completed) before a
  // successful start().
  host::RequestResult request(std::uint32_t code, const std::vector<std::uint8_t>& input,
                              std::uint32_t output_length);

 private:
  std::unique_ptr<videoport::PortDriver> port_driver_;
  std::unique_ptr<host::RequestDispatcher> dispatcher_;
};

}  // namespace vidport::testing
