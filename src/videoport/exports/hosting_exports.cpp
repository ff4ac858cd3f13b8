// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include <cstdarg>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
#include "videoport/debug_print.h"
#include "videoport/driver_services.h"
#include "videoport/memory_services.h"
#include "videoport/registry.h"
#include "videoport/resources.h"

using namespace vidport::videoport;

extern "C" {

ULONG VideoPortInitialize(PVOID Argument1, PVOID Argument2, PVIDEO_HW_INITIALIZATION_DATA HwInitializationData,
                          PVOID HwContext) {
  VIDPORT_EXPORT_BODY(initialize(Argument1, Argument2, HwInitializationData, HwContext, vidport_site));
}

VP_STATUS VideoPortQueryServices(PVOID HwDeviceExtension, VIDEO_PORT_SERVICES ServicesType, PINTERFACE Interface) {
  VIDPORT_EXPORT_BODY(query_services(HwDeviceExtension, ServicesType, Interface, vidport_site));
}

VP_STATUS VideoPortVerifyAccessRanges(PVOID HwDeviceExtension, ULONG NumAccessRanges, PVIDEO_ACCESS_RANGE AccessRanges) {
  VIDPORT_EXPORT_BODY(verify_access_ranges(HwDeviceExtension, NumAccessRanges, AccessRanges, vidport_site));
}

VP_STATUS VideoPortGetAccessRanges(PVOID HwDeviceExtension, ULONG NumRequestedResources,
                                   PIO_RESOURCE_DESCRIPTOR RequestedResources, ULONG NumAccessRanges,
                                   PVIDEO_ACCESS_RANGE AccessRanges, PVOID VendorId, PVOID DeviceId, PULONG Slot) {
  VIDPORT_EXPORT_BODY(get_access_ranges(HwDeviceExtension, NumAccessRanges, AccessRanges, vidport_site));
}

ULONG VideoPortGetBusData(PVOID HwDeviceExtension, BUS_DATA_TYPE BusDataType, ULONG SlotNumber, PVOID Buffer,
                          ULONG Offset, ULONG Length) {
  VIDPORT_EXPORT_BODY(get_bus_data(HwDeviceExtension, BusDataType, SlotNumber, Buffer, Offset, Length, vidport_site));
}

ULONG VideoPortSetBusData(PVOID HwDeviceExtension, BUS_DATA_TYPE BusDataType, ULONG SlotNumber, PVOID Buffer,
                          ULONG Offset, ULONG Length) {
  VIDPORT_EXPORT_BODY(set_bus_data(HwDeviceExtension, BusDataType, SlotNumber, Buffer, Offset, Length, vidport_site));
}

PVOID VideoPortGetDeviceBase(PVOID HwDeviceExtension, PHYSICAL_ADDRESS IoAddress, ULONG NumberOfUchars,
                             UCHAR InIoSpace) {
  VIDPORT_EXPORT_BODY(get_device_base(HwDeviceExtension, static_cast<std::uint64_t>(IoAddress.QuadPart), NumberOfUchars, InIoSpace,
                         vidport_site));
}

VOID VideoPortFreeDeviceBase(PVOID HwDeviceExtension, PVOID MappedAddress) {
  VIDPORT_EXPORT_BODY(free_device_base(HwDeviceExtension, MappedAddress, vidport_site));
}

VP_STATUS VideoPortMapMemory(PVOID HwDeviceExtension, PHYSICAL_ADDRESS PhysicalAddress, PULONG Length,
                             PULONG InIoSpace, PVOID* VirtualAddress) {
  VIDPORT_EXPORT_BODY(map_memory(HwDeviceExtension, static_cast<std::uint64_t>(PhysicalAddress.QuadPart), Length, InIoSpace,
                    VirtualAddress, vidport_site));
}

VP_STATUS VideoPortUnmapMemory(PVOID HwDeviceExtension, PVOID VirtualAddress, HANDLE ProcessHandle) {
  VIDPORT_EXPORT_BODY(unmap_memory(HwDeviceExtension, VirtualAddress, vidport_site));
}

VP_STATUS VideoPortGetVgaStatus(PVOID HwDeviceExtension, PULONG VgaStatus) {
  VIDPORT_EXPORT_BODY(get_vga_status(HwDeviceExtension, VgaStatus, vidport_site));
}

PVOID VideoPortAllocatePool(PVOID HwDeviceExtension, VP_POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag) {
  VIDPORT_EXPORT_BODY(allocate_pool(HwDeviceExtension, PoolType, NumberOfBytes, Tag, vidport_site));
}

VOID VideoPortFreePool(PVOID HwDeviceExtension, PVOID Ptr) {
  VIDPORT_EXPORT_BODY(free_pool(HwDeviceExtension, Ptr, vidport_site));
}

VP_STATUS VideoPortAllocateBuffer(PVOID HwDeviceExtension, ULONG Size, PVOID* Buffer) {
  VIDPORT_EXPORT_BODY(allocate_buffer(HwDeviceExtension, Size, Buffer, vidport_site));
}

VOID VideoPortReleaseBuffer(PVOID HwDeviceExtension, PVOID Buffer) {
  VIDPORT_EXPORT_BODY(release_buffer(HwDeviceExtension, Buffer, vidport_site));
}

PVOID VideoPortAllocateContiguousMemory(PVOID HwDeviceExtension, ULONG NumberOfBytes,
                                        PHYSICAL_ADDRESS HighestAcceptableAddress) {
  VIDPORT_EXPORT_BODY(allocate_contiguous_memory(HwDeviceExtension, NumberOfBytes,
                                    static_cast<std::uint64_t>(HighestAcceptableAddress.QuadPart), vidport_site));
}

VOID VideoPortZeroMemory(PVOID Destination, ULONG Length) {
  VIDPORT_EXPORT_BODY(zero_memory(Destination, Length, vidport_site));
}

VOID VideoPortZeroDeviceMemory(PVOID Destination, ULONG Length) {
  VIDPORT_EXPORT_BODY(zero_device_memory(Destination, Length, vidport_site));
}

VOID VideoPortMoveMemory(PVOID Destination, PVOID Source, ULONG Length) {
  VIDPORT_EXPORT_BODY(move_memory(Destination, Source, Length, vidport_site));
}

ULONG VideoPortCompareMemory(PVOID Source1, PVOID Source2, SIZE_T Length) {
  VIDPORT_EXPORT_BODY(static_cast<ULONG>(compare_memory(Source1, Source2, Length, vidport_site)));
}

VOID VideoPortDebugPrint(VIDEO_DEBUG_LEVEL DebugPrintLevel, PSTR DebugMessage, ...) {
  const std::uintptr_t vidport_site = VIDPORT_CALL_SITE();
  va_list args;
  va_start(args, DebugMessage);
  exported(__func__, [&] { debug_print(DebugPrintLevel, DebugMessage, args, vidport_site); });
  va_end(args);
}

VOID VideoPortLogError(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET Vrp, VP_STATUS ErrorCode, ULONG UniqueId) {
  VIDPORT_EXPORT_BODY(log_error(HwDeviceExtension, Vrp, ErrorCode, UniqueId, vidport_site));
}

VP_STATUS VideoPortGetRegistryParameters(PVOID HwDeviceExtension, PWSTR ParameterName, UCHAR IsParameterFileName,
                                         PMINIPORT_GET_REGISTRY_ROUTINE GetRegistryRoutine, PVOID HwContext) {
  VIDPORT_EXPORT_BODY(get_registry_parameters(HwDeviceExtension, ParameterName, IsParameterFileName, GetRegistryRoutine, HwContext,
                                 vidport_site));
}

VP_STATUS VideoPortSetRegistryParameters(PVOID HwDeviceExtension, PWSTR ValueName, PVOID ValueData,
                                         ULONG ValueLength) {
  VIDPORT_EXPORT_BODY(set_registry_parameters(HwDeviceExtension, ValueName, ValueData, ValueLength, vidport_site));
}

}  // extern "C"
