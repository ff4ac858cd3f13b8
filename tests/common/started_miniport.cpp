#include "started_miniport.h"

#include <video.h>

#include <variant>

#include "host/crash_guard.h"

namespace vidport::testing {

StartedMiniport::~StartedMiniport() { reset(); }

void StartedMiniport::reset() {
  dispatcher_.reset();
  port_driver_.reset();
}

std::string StartedMiniport::load(const std::string& path, std::unique_ptr<host::MiniportModule>& module) {
  auto loaded = host::MiniportModule::load(path);
  if (auto* message = std::get_if<std::string>(&loaded)) return *message;
  module = std::move(std::get<std::unique_ptr<host::MiniportModule>>(loaded));
  return "";
}

std::string StartedMiniport::start(kernel::Machine& machine, host::MiniportModule& module) {
  host::install_crash_guard();
  port_driver_ = std::make_unique<videoport::PortDriver>(machine, videoport::PortDriverConfig{});
  std::int32_t status = -1;
  host::DriverEntryRoutine entry = module.driver_entry();
  if (!machine.run_on(0, [&] { status = videoport::call_routine("DriverEntry", [&] { return entry(nullptr, nullptr); }); }) ||
      status != 0 || port_driver_->adapters().size() != 1) {
    return "DriverEntry failed or found no adapter";
  }
  BOOLEAN ok = FALSE;
  if (!machine.run_on(0, [&] {
        ok = videoport::call_routine("HwVidInitialize", [&] { return adapter().init.HwInitialize(adapter().adapter->extension()); });
      }) ||
      !ok) {
    return "HwVidInitialize failed";
  }
  dispatcher_ = std::make_unique<host::RequestDispatcher>(machine, adapter());
  return "";
}

host::RequestResult StartedMiniport::request(std::uint32_t code, const std::vector<std::uint8_t>& input,
                                             std::uint32_t output_length) {
  if (!dispatcher_) {
    host::RequestResult none;
    none.record.status = ERROR_DEV_NOT_EXIST;
    return none;
  }
  return dispatcher_->issue(code, input, output_length, "test");
}

}  // namespace vidport::testing
