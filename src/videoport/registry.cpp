#include "videoport/registry.h"

#include <strings.h>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/call_rules.h"
#include "videoport/port_driver.h"

namespace vidport::videoport {

std::string narrow(const char16_t* text) {
  std::string out;
  for (; text && *text; ++text) out += *text < 0x80 ? static_cast<char>(*text) : '?';
  return out;
}

namespace {

// The latest value of `name` for `hosted`: its own writes first, then the run's parameters.
std::optional<RegistryValue> lookup(const PortDriver& driver, const HostedAdapter& hosted, const std::string& name) {
  std::vector<RegistryValue> writes = driver.registry_writes(hosted);
  for (auto it = writes.rbegin(); it != writes.rend(); ++it) {
    if (strcasecmp(it->name.c_str(), name.c_str()) == 0) return *it;
  }
  for (const RegistryValue& value : driver.config().parameters) {
    if (strcasecmp(value.name.c_str(), name.c_str()) == 0) return value;
  }
  return std::nullopt;
}

}  // namespace

VP_STATUS get_registry_parameters(void* extension, PWSTR name, UCHAR is_file_name,
                                  PMINIPORT_GET_REGISTRY_ROUTINE callback, void* context, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kGetRegistryParameters, site);
  PortDriver* driver = PortDriver::active();
  HostedAdapter* hosted = driver ? driver->hosted(extension) : nullptr;
  if (hosted == nullptr || name == nullptr || callback == nullptr) {
    p.machine().report(kernel::make_finding(findings::FindingKind::InvalidParameter, site,
                                            "VideoPortGetRegistryParameters needs the adapter's HwDeviceExtension, "
                                            "a ParameterName and a GetRegistryRoutine"));
    return ERROR_INVALID_PARAMETER;
  }
  if (is_file_name) return ERROR_INVALID_PARAMETER;
  {
    // Copied into the adapter before the callback runs, where it stays for the callback to read.
    auto value = lookup(*driver, *hosted, narrow(name));
    if (!value) return ERROR_INVALID_PARAMETER;
    hosted->registry_buffer = std::move(value->data);
  }
  return call_routine("HwVidQueryNamedValueCallback", [&] {
    return callback(extension, context, name, hosted->registry_buffer.data(),
                    static_cast<ULONG>(hosted->registry_buffer.size()));
  });
}

VP_STATUS set_registry_parameters(void* extension, PWSTR name, const void* data, ULONG length, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kSetRegistryParameters, site);
  PortDriver* driver = PortDriver::active();
  HostedAdapter* hosted = driver ? driver->hosted(extension) : nullptr;
  if (hosted == nullptr || name == nullptr || (length != 0 && data == nullptr)) {
    p.machine().report(kernel::make_finding(findings::FindingKind::InvalidParameter, site,
                                            "VideoPortSetRegistryParameters needs the adapter's HwDeviceExtension, "
                                            "a ValueName and ValueData"));
    return ERROR_INVALID_PARAMETER;
  }
  RegistryValue value;
  value.name = narrow(name);
  // The call carries no type: a 4-byte value is reported as a DWORD, anything else as binary.
  value.type = length == 4 ? RegistryType::Dword : RegistryType::Binary;
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  value.data.assign(bytes, bytes + length);
  driver->record_registry_write(*hosted, std::move(value));
  return NO_ERROR;
}

}  // namespace vidport::videoport
