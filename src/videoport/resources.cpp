#include "videoport/resources.h"

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/call_rules.h"
#include "videoport/device_windows.h"
#include "videoport/pointer_description.h"
#include "videoport/port_driver.h"

namespace vidport::videoport {

void report_invalid_parameter(kernel::Processor& p, std::uintptr_t site, std::string message) {
  p.machine().report(kernel::make_finding(findings::FindingKind::InvalidParameter, site, std::move(message)));
}

HostedAdapter* hosted_or_report(kernel::Processor& p, void* extension, const char* call, std::uintptr_t site) {
  PortDriver* driver = PortDriver::active();
  HostedAdapter* hosted = driver ? driver->hosted(extension) : nullptr;
  if (hosted == nullptr) {
    report_invalid_parameter(
        p, site, fmt::format("{} was given a HwDeviceExtension that VideoPort did not allocate", call));
  }
  return hosted;
}

namespace {

// The host side of a mapping: the port number for I/O space, else a device window or RAM.
void* map_range(kernel::Machine& machine, std::uint64_t address, std::size_t length, bool io) {
  if (io) return reinterpret_cast<void*>(static_cast<std::uintptr_t>(address));
  void* host = DeviceWindows::instance().map(address, length, machine.bus().memory_claimed(address));
  if (auto window = DeviceWindows::instance().find(reinterpret_cast<std::uintptr_t>(host))) {
    PortDriver::active()->note_mapped(reinterpret_cast<void*>(window->host));
  }
  return host;
}

// Unmaps the window holding `address` and forgets it in the driver; false when there is none.
bool unmap_range(const void* address) {
  auto window = DeviceWindows::instance().find(reinterpret_cast<std::uintptr_t>(address));
  if (!window || !DeviceWindows::instance().unmap(address)) return false;
  PortDriver::active()->note_unmapped(reinterpret_cast<const void*>(window->host));
  return true;
}

}  // namespace

VP_STATUS verify_access_ranges(void* extension, ULONG count, const VIDEO_ACCESS_RANGE* ranges, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kVerifyAccessRanges, site);
  HostedAdapter* hosted = hosted_or_report(p, extension, "VideoPortVerifyAccessRanges", site);
  if (hosted == nullptr || (count != 0 && ranges == nullptr)) return ERROR_INVALID_PARAMETER;
  std::vector<AccessRange> wanted;
  for (ULONG i = 0; i < count; ++i) {
    wanted.push_back(AccessRange{static_cast<std::uint64_t>(ranges[i].RangeStart.QuadPart), ranges[i].RangeLength,
                                 ranges[i].RangeInIoSpace != 0, ranges[i].RangeShareable != 0});
  }
  PortDriver& driver = *PortDriver::active();
  auto conflict = driver.claims().claim(*hosted->adapter, wanted);
  if (!conflict) return NO_ERROR;
  std::string message =
      fmt::format("{} claims {}, which conflicts with {} held by {}; VideoPortVerifyAccessRanges fails with "
                  "ERROR_INVALID_PARAMETER",
                  hosted->adapter->name(), conflict->requested.describe(), conflict->held.describe(), conflict->holder);
  driver.log("videoport", 0, message);
  p.machine().report(kernel::make_finding(findings::FindingKind::AccessRangeConflict, site, std::move(message)));
  return ERROR_INVALID_PARAMETER;
}

VP_STATUS get_access_ranges(void* extension, ULONG requested_count, PIO_RESOURCE_DESCRIPTOR requested, ULONG count,
                            VIDEO_ACCESS_RANGE* ranges, void* vendor_id, void* device_id, ULONG* slot,
                            std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kGetAccessRanges, site);
  hosted_or_report(p, extension, "VideoPortGetAccessRanges", site);
  return ERROR_DEV_NOT_EXIST;
}

ULONG get_bus_data(void* extension, BUS_DATA_TYPE type, ULONG slot, void* buffer, ULONG offset, ULONG length,
                   std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kGetBusData, site);
  hosted_or_report(p, extension, "VideoPortGetBusData", site);
  return 0;
}

ULONG set_bus_data(void* extension, BUS_DATA_TYPE type, ULONG slot, void* buffer, ULONG offset, ULONG length,
                   std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kSetBusData, site);
  hosted_or_report(p, extension, "VideoPortSetBusData", site);
  return 0;
}

void* get_device_base(void* extension, std::uint64_t address, ULONG length, UCHAR in_io_space, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kGetDeviceBase, site);
  if (hosted_or_report(p, extension, "VideoPortGetDeviceBase", site) == nullptr) return nullptr;
  bool io = (in_io_space & VIDEO_MEMORY_SPACE_IO) != 0;
  if (length == 0 || (io && address + length > 0x10000)) {
    report_invalid_parameter(p, site, fmt::format("VideoPortGetDeviceBase of {} bytes at {:#x} ({} space) is no valid range", length,
                                 address, io ? "I/O" : "memory"));
    return nullptr;
  }
  return map_range(p.machine(), address, length, io);
}

void free_device_base(void* extension, void* mapped, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kFreeDeviceBase, site);
  if (hosted_or_report(p, extension, "VideoPortFreeDeviceBase", site) == nullptr) return;
  auto value = reinterpret_cast<std::uintptr_t>(mapped);
  if (value <= 0xFFFF) return;  // an I/O mapping is the port number: nothing to free
  if (!unmap_range(mapped)) {
    report_invalid_parameter(p, site, fmt::format("VideoPortFreeDeviceBase of {}, which VideoPortGetDeviceBase did not return",
                                                  describe_pointer(value)));
  }
}

VP_STATUS map_memory(void* extension, std::uint64_t address, ULONG* length, ULONG* in_io_space, void** virtual_address,
                     std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kMapMemory, site);
  if (hosted_or_report(p, extension, "VideoPortMapMemory", site) == nullptr) return ERROR_INVALID_PARAMETER;
  if (length == nullptr || in_io_space == nullptr || virtual_address == nullptr || *length == 0) {
    report_invalid_parameter(p, site, "VideoPortMapMemory needs Length, InIoSpace and VirtualAddress, and a non-zero length");
    return ERROR_INVALID_PARAMETER;
  }
  void* mapped = map_range(p.machine(), address, *length, (*in_io_space & VIDEO_MEMORY_SPACE_IO) != 0);
  if (mapped == nullptr) return ERROR_NOT_ENOUGH_MEMORY;
  *virtual_address = mapped;
  return NO_ERROR;
}

VP_STATUS unmap_memory(void* extension, void* virtual_address, HANDLE process, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kUnmapMemory, site);
  if (hosted_or_report(p, extension, "VideoPortUnmapMemory", site) == nullptr) return ERROR_INVALID_PARAMETER;
  if (reinterpret_cast<std::uintptr_t>(virtual_address) <= 0xFFFF) return NO_ERROR;
  if (unmap_range(virtual_address)) return NO_ERROR;
  report_invalid_parameter(p, site, "VideoPortUnmapMemory of an address VideoPortMapMemory did not return");
  return ERROR_INVALID_PARAMETER;
}

VP_STATUS get_vga_status(void* extension, ULONG* vga_status, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kGetVgaStatus, site);
  if (hosted_or_report(p, extension, "VideoPortGetVgaStatus", site) == nullptr || vga_status == nullptr) {
    return ERROR_INVALID_PARAMETER;
  }
  *vga_status = 0;  // legacy adapters are not the PnP VGA device
  return NO_ERROR;
}

}  // namespace vidport::videoport

namespace vidport::videoport {

VP_STATUS get_device_data(void* extension, VIDEO_DEVICE_DATA_TYPE type, PMINIPORT_QUERY_DEVICE_ROUTINE callback,
                          void* context, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kGetDeviceData, site);
  HostedAdapter* hosted = hosted_or_report(p, extension, "VideoPortGetDeviceData", site);
  if (hosted == nullptr) return ERROR_INVALID_PARAMETER;
  if (callback == nullptr) {
    report_invalid_parameter(p, site, "VideoPortGetDeviceData was given no CallbackRoutine");
    return ERROR_INVALID_PARAMETER;
  }
  PortDriver::active()->log("videoport", 0,
                            fmt::format("{}: VideoPortGetDeviceData({}): this machine has no hardware description "
                                        "of that kind; the callback is not called",
                                        hosted->adapter->name(), static_cast<int>(type)));
  return ERROR_DEV_NOT_EXIST;
}

}  // namespace vidport::videoport
