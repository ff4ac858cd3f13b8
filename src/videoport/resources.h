// The resource calls of VideoPort: claiming access ranges, mapping ports and memory, and bus
// configuration data. Contracts are those in include/ddk/vidport/vp_resources.h; the C++ side
// adds what vidport decides:
// - A claim conflicting with another adapter's fails with ERROR_INVALID_PARAMETER and records an
//   AccessRangeConflict finding naming both ranges.
// - VideoPortGetDeviceBase / MapMemory of I/O space return the port number itself; of memory
//   the bus decodes as a device, a device window (device_windows.h); of any other memory, RAM.
// - There is no PCI bus yet: GetAccessRanges answers ERROR_DEV_NOT_EXIST and Get/SetBusData
//   move no bytes, as on a machine without a matching PCI device.
// All need PASSIVE_LEVEL (call_rules.h).
#pragma once

#include <video.h>

#include <cstdint>

namespace vidport::videoport {

VP_STATUS verify_access_ranges(void* extension, ULONG count, const VIDEO_ACCESS_RANGE* ranges, std::uintptr_t site);
VP_STATUS get_access_ranges(void* extension, ULONG count, VIDEO_ACCESS_RANGE* ranges, std::uintptr_t site);
ULONG get_bus_data(void* extension, BUS_DATA_TYPE type, ULONG slot, void* buffer, ULONG offset, ULONG length,
                   std::uintptr_t site);
ULONG set_bus_data(void* extension, BUS_DATA_TYPE type, ULONG slot, void* buffer, ULONG offset, ULONG length,
                   std::uintptr_t site);
void* get_device_base(void* extension, std::uint64_t address, ULONG length, UCHAR in_io_space, std::uintptr_t site);
void free_device_base(void* extension, void* mapped, std::uintptr_t site);
VP_STATUS map_memory(void* extension, std::uint64_t address, ULONG* length, ULONG* in_io_space, void** virtual_address,
                     std::uintptr_t site);
VP_STATUS unmap_memory(void* extension, void* virtual_address, std::uintptr_t site);
VP_STATUS get_vga_status(void* extension, ULONG* vga_status, std::uintptr_t site);

}  // namespace vidport::videoport
