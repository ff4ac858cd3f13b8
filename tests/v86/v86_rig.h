// The full-screen path as the host drives it, for tests: the platform machine (POST done), the
// port driver, the v86_test miniport (or any module) loaded and initialised, a request
// dispatcher, a V86Session on the machine, and a record of every port write that reaches the
// machine's bus (what the hardware saw).
//
// Rules for the rig:
// - One rig at a time per process (one active port driver). Host thread only.
// - start() returns false with a message in error() when the module, DriverEntry or
//   HwVidInitialize fails.
// - on_processor() runs test code on processor 0 at PASSIVE_LEVEL, where a full-screen program's
//   accesses reach the router.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bus/io_bus.h"
#include "host/miniport_module.h"
#include "host/request_dispatcher.h"
#include "started_miniport.h"
#include "platform/pc_platform.h"
#include "v86/v86_session.h"
#include "videoport/port_driver.h"

extern "C" {
#include "v86_test.h"
}

namespace vidport::v86_test {

std::string module_path(const std::string& name);

struct SeenWrite {
  std::uint16_t port;
  bus::Width width;
  std::uint32_t value;
  bool operator==(const SeenWrite& o) const { return port == o.port && width == o.width && value == o.value; }
};

// Records the port writes that reach the machine's bus.
class WriteRecorder final : public bus::BusObserver {
 public:
  void on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width, std::uint32_t value,
                      bool claimed) override;
  std::vector<SeenWrite> take();

 private:
  std::mutex mutex_;
  std::vector<SeenWrite> writes_;  // guarded by mutex_
};

class V86Rig {
 public:
  V86Rig();
  ~V86Rig();
  V86Rig(const V86Rig&) = delete;
  V86Rig& operator=(const V86Rig&) = delete;

  bool start(const std::string& module = "v86_test");
  const std::string& error() const { return error_; }

  host::RequestResult request(std::uint32_t code, const std::vector<std::uint8_t>& input = {},
                              std::uint32_t output_length = 0);
  V86_TEST_STATS stats();
  // IOCTL_VIDEO_SAVE_HARDWARE_STATE into `state` (resized to the adapter's HardwareStateSize);
  // RESTORE from it. The status.
  std::uint32_t save_state(std::vector<std::uint8_t>& state);
  std::uint32_t restore_state(std::vector<std::uint8_t>& state);

  // A session on the machine whose trapped ports go to the adapter's emulator routines.
  v86::V86Session& session();
  void on_processor(const std::function<void()>& body);
  // Writes/reads as the full-screen program would, on processor 0.
  void out(std::uint16_t port, bus::Width width, std::uint32_t value);
  std::uint32_t in(std::uint16_t port, bus::Width width);

  platform::PcPlatform& platform() { return *platform_; }
  kernel::Machine& machine() { return platform_->machine(); }
  videoport::HostedAdapter& adapter() { return started_.adapter(); }
  WriteRecorder& hardware() { return recorder_; }

 private:
  std::string error_;
  std::unique_ptr<host::MiniportModule> module_;  // destroyed last
  std::unique_ptr<platform::PcPlatform> platform_;
  testing::StartedMiniport started_;  // the port driver and the dispatcher: before the platform
  std::unique_ptr<v86::V86Session> session_;
  WriteRecorder recorder_;
};

}  // namespace vidport::v86_test
