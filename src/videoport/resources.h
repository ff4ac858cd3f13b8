// The resource calls of VideoPort: claiming access ranges, mapping ports and memory, and bus
// configuration data. Contracts are those in include/ddk/vidport/vp_resources.h; the C++ side
// adds what vidport decides:
// - A claim conflicting with another adapter's fails with ERROR_INVALID_PARAMETER and records an
//   AccessRangeConflict finding naming both ranges.
// - VideoPortGetDeviceBase / MapMemory of I/O space return the port number itself; of memory
//   the bus decodes as a device, a device window (device_windows.h); of any other memory, RAM.
// - There is no PCI bus yet: GetAccessRanges answers ERROR_DEV_NOT_EXIST and Get/SetBusData
//   move no bytes, as on a machine without a matching PCI device.
// - VideoPortGetDeviceData: on Windows it reads what the system loader or HAL recorded under
//   \Registry\Machine\Hardware\Description (ARC controller and monitor data, EISA bus data).
//   vidport's machine records nothing there, so there is no data of any type: the callback is
//   never called and the result is ERROR_DEV_NOT_EXIST (the documented NO_ERROR means "the
//   callback was called with the data"). A foreign extension or a NULL callback:
//   ERROR_INVALID_PARAMETER with an InvalidParameter finding.
// All need PASSIVE_LEVEL (call_rules.h).
#pragma once

#include <video.h>

#include <cstdint>
#include <string>

namespace vidport::kernel {
class Processor;
}

namespace vidport::videoport {

struct HostedAdapter;

// Shared by the calls that take a HwDeviceExtension: the hosted adapter behind `extension`, or
// nullptr after an InvalidParameter finding naming `call`. On a virtual processor.
HostedAdapter* hosted_or_report(kernel::Processor& p, void* extension, const char* call, std::uintptr_t site);
// An InvalidParameter finding at `site`.
void report_invalid_parameter(kernel::Processor& p, std::uintptr_t site, std::string message);

VP_STATUS verify_access_ranges(void* extension, ULONG count, const VIDEO_ACCESS_RANGE* ranges, std::uintptr_t site);
// The requested resources, vendor and device ids and slot are PCI matters: with no PCI bus they
// are not looked at.
VP_STATUS get_access_ranges(void* extension, ULONG requested_count, PIO_RESOURCE_DESCRIPTOR requested, ULONG count,
                            VIDEO_ACCESS_RANGE* ranges, void* vendor_id, void* device_id, ULONG* slot,
                            std::uintptr_t site);
ULONG get_bus_data(void* extension, BUS_DATA_TYPE type, ULONG slot, void* buffer, ULONG offset, ULONG length,
                   std::uintptr_t site);
ULONG set_bus_data(void* extension, BUS_DATA_TYPE type, ULONG slot, void* buffer, ULONG offset, ULONG length,
                   std::uintptr_t site);
void* get_device_base(void* extension, std::uint64_t address, ULONG length, UCHAR in_io_space, std::uintptr_t site);
void free_device_base(void* extension, void* mapped, std::uintptr_t site);
VP_STATUS map_memory(void* extension, std::uint64_t address, ULONG* length, ULONG* in_io_space, void** virtual_address,
                     std::uintptr_t site);
// `process` is the display driver's process on Windows; here there is one address space.
VP_STATUS unmap_memory(void* extension, void* virtual_address, HANDLE process, std::uintptr_t site);
VP_STATUS get_vga_status(void* extension, ULONG* vga_status, std::uintptr_t site);
VP_STATUS get_device_data(void* extension, VIDEO_DEVICE_DATA_TYPE type, PMINIPORT_QUERY_DEVICE_ROUTINE callback,
                          void* context, std::uintptr_t site);

}  // namespace vidport::videoport
