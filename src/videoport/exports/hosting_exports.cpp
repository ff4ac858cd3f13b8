// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include <cstdarg>

#include "videoport/call_rules.h"
#include "videoport/debug_print.h"
#include "videoport/driver_services.h"
#include "videoport/memory_services.h"
#include "videoport/registry.h"
#include "videoport/resources.h"

using namespace vidport::videoport;

extern "C" {

ULONG VideoPortInitialize(PVOID Argument1, PVOID Argument2, PVIDEO_HW_INITIALIZATION_DATA HwInitializationData,
                          PVOID HwContext) {
  return initialize(Argument1, Argument2, HwInitializationData, HwContext, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortQueryServices(PVOID HwDeviceExtension, VIDEO_PORT_SERVICES ServicesType, PINTERFACE Interface) {
  return query_services(HwDeviceExtension, ServicesType, Interface, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortVerifyAccessRanges(PVOID HwDeviceExtension, ULONG NumAccessRanges, PVIDEO_ACCESS_RANGE AccessRanges) {
  return verify_access_ranges(HwDeviceExtension, NumAccessRanges, AccessRanges, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortGetAccessRanges(PVOID HwDeviceExtension, ULONG NumRequestedResources,
                                   PIO_RESOURCE_DESCRIPTOR RequestedResources, ULONG NumAccessRanges,
                                   PVIDEO_ACCESS_RANGE AccessRanges, PVOID VendorId, PVOID DeviceId, PULONG Slot) {
  return get_access_ranges(HwDeviceExtension, NumAccessRanges, AccessRanges, VIDPORT_CALL_SITE());
}

ULONG VideoPortGetBusData(PVOID HwDeviceExtension, BUS_DATA_TYPE BusDataType, ULONG SlotNumber, PVOID Buffer,
                          ULONG Offset, ULONG Length) {
  return get_bus_data(HwDeviceExtension, BusDataType, SlotNumber, Buffer, Offset, Length, VIDPORT_CALL_SITE());
}

ULONG VideoPortSetBusData(PVOID HwDeviceExtension, BUS_DATA_TYPE BusDataType, ULONG SlotNumber, PVOID Buffer,
                          ULONG Offset, ULONG Length) {
  return set_bus_data(HwDeviceExtension, BusDataType, SlotNumber, Buffer, Offset, Length, VIDPORT_CALL_SITE());
}

PVOID VideoPortGetDeviceBase(PVOID HwDeviceExtension, PHYSICAL_ADDRESS IoAddress, ULONG NumberOfUchars,
                             UCHAR InIoSpace) {
  return get_device_base(HwDeviceExtension, static_cast<std::uint64_t>(IoAddress.QuadPart), NumberOfUchars, InIoSpace,
                         VIDPORT_CALL_SITE());
}

VOID VideoPortFreeDeviceBase(PVOID HwDeviceExtension, PVOID MappedAddress) {
  free_device_base(HwDeviceExtension, MappedAddress, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortMapMemory(PVOID HwDeviceExtension, PHYSICAL_ADDRESS PhysicalAddress, PULONG Length,
                             PULONG InIoSpace, PVOID* VirtualAddress) {
  return map_memory(HwDeviceExtension, static_cast<std::uint64_t>(PhysicalAddress.QuadPart), Length, InIoSpace,
                    VirtualAddress, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortUnmapMemory(PVOID HwDeviceExtension, PVOID VirtualAddress, HANDLE ProcessHandle) {
  return unmap_memory(HwDeviceExtension, VirtualAddress, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortGetVgaStatus(PVOID HwDeviceExtension, PULONG VgaStatus) {
  return get_vga_status(HwDeviceExtension, VgaStatus, VIDPORT_CALL_SITE());
}

PVOID VideoPortAllocatePool(PVOID HwDeviceExtension, VP_POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag) {
  return allocate_pool(HwDeviceExtension, PoolType, NumberOfBytes, Tag, VIDPORT_CALL_SITE());
}

VOID VideoPortFreePool(PVOID HwDeviceExtension, PVOID Ptr) { free_pool(HwDeviceExtension, Ptr, VIDPORT_CALL_SITE()); }

VP_STATUS VideoPortAllocateBuffer(PVOID HwDeviceExtension, ULONG Size, PVOID* Buffer) {
  return allocate_buffer(HwDeviceExtension, Size, Buffer, VIDPORT_CALL_SITE());
}

VOID VideoPortReleaseBuffer(PVOID HwDeviceExtension, PVOID Buffer) {
  release_buffer(HwDeviceExtension, Buffer, VIDPORT_CALL_SITE());
}

PVOID VideoPortAllocateContiguousMemory(PVOID HwDeviceExtension, ULONG NumberOfBytes,
                                        PHYSICAL_ADDRESS HighestAcceptableAddress) {
  return allocate_contiguous_memory(HwDeviceExtension, NumberOfBytes,
                                    static_cast<std::uint64_t>(HighestAcceptableAddress.QuadPart), VIDPORT_CALL_SITE());
}

VOID VideoPortZeroMemory(PVOID Destination, ULONG Length) { zero_memory(Destination, Length, VIDPORT_CALL_SITE()); }

VOID VideoPortZeroDeviceMemory(PVOID Destination, ULONG Length) {
  zero_device_memory(Destination, Length, VIDPORT_CALL_SITE());
}

VOID VideoPortMoveMemory(PVOID Destination, PVOID Source, ULONG Length) {
  move_memory(Destination, Source, Length, VIDPORT_CALL_SITE());
}

ULONG VideoPortCompareMemory(PVOID Source1, PVOID Source2, SIZE_T Length) {
  return static_cast<ULONG>(compare_memory(Source1, Source2, Length, VIDPORT_CALL_SITE()));
}

VOID VideoPortDebugPrint(VIDEO_DEBUG_LEVEL DebugPrintLevel, PSTR DebugMessage, ...) {
  va_list args;
  va_start(args, DebugMessage);
  debug_print(DebugPrintLevel, DebugMessage, args, VIDPORT_CALL_SITE());
  va_end(args);
}

VOID VideoPortLogError(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET Vrp, VP_STATUS ErrorCode, ULONG UniqueId) {
  log_error(HwDeviceExtension, Vrp, ErrorCode, UniqueId, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortGetRegistryParameters(PVOID HwDeviceExtension, PWSTR ParameterName, UCHAR IsParameterFileName,
                                         PMINIPORT_GET_REGISTRY_ROUTINE GetRegistryRoutine, PVOID HwContext) {
  return get_registry_parameters(HwDeviceExtension, ParameterName, IsParameterFileName, GetRegistryRoutine, HwContext,
                                 VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortSetRegistryParameters(PVOID HwDeviceExtension, PWSTR ValueName, PVOID ValueData,
                                         ULONG ValueLength) {
  return set_registry_parameters(HwDeviceExtension, ValueName, ValueData, ValueLength, VIDPORT_CALL_SITE());
}

}  // extern "C"
