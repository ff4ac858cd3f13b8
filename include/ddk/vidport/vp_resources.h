/*
 * vidport/vp_resources.h - claiming and mapping the adapter's ports and memory, and reading bus
 * and hardware configuration data. Internal: include video.h.
 *
 * Rules for resources:
 * - A miniport claims its ranges with VideoPortVerifyAccessRanges (or VideoPortGetAccessRanges)
 *   before touching them; a claim that conflicts with another adapter's fails.
 * - VideoPortGetDeviceBase maps a range for the miniport's own use. For an I/O range the result
 *   is the port number itself, ready for the port accessors.
 * - VideoPortMapMemory maps a range (typically the frame buffer) for the display driver.
 * - All of these need PASSIVE_LEVEL.
 */
#ifndef VIDPORT_DDK_VP_RESOURCES_H
#define VIDPORT_DDK_VP_RESOURCES_H

#include "vp_base.h"
#include "vp_config_info.h"

VIDPORT_BEGIN_C

/* Flags of *InIoSpace for VideoPortMapMemory. */
#define VIDEO_MEMORY_SPACE_MEMORY    0x00
#define VIDEO_MEMORY_SPACE_IO        0x01
#define VIDEO_MEMORY_SPACE_USER_MODE 0x02
#define VIDEO_MEMORY_SPACE_DENSE     0x04
#define VIDEO_MEMORY_SPACE_P6CACHE   0x08

typedef struct _IO_RESOURCE_DESCRIPTOR *PIO_RESOURCE_DESCRIPTOR;

typedef enum _BUS_DATA_TYPE {
    ConfigurationSpaceUndefined = -1,
    Cmos,
    EisaConfiguration,
    Pos,
    CbusConfiguration,
    PCIConfiguration,
    VMEConfiguration,
    NuBusConfiguration,
    PCMCIAConfiguration,
    MPIConfiguration,
    MPSAConfiguration,
    PNPISAConfiguration,
    SgiInternalConfiguration,
    MaximumBusDataType
} BUS_DATA_TYPE, *PBUS_DATA_TYPE;

typedef enum _VIDEO_DEVICE_DATA_TYPE {
    VpMachineData,
    VpCmosData,
    VpBusData,
    VpControllerData,
    VpMonitorData
} VIDEO_DEVICE_DATA_TYPE, *PVIDEO_DEVICE_DATA_TYPE;

/* Receives one hardware description found by VideoPortGetDeviceData. */
typedef VP_STATUS (*PMINIPORT_QUERY_DEVICE_ROUTINE)(PVOID HwDeviceExtension, PVOID Context,
                                                    VIDEO_DEVICE_DATA_TYPE DeviceDataType, PVOID Identifier,
                                                    ULONG IdentifierLength, PVOID ConfigurationData,
                                                    ULONG ConfigurationDataLength, PVOID ComponentInformation,
                                                    ULONG ComponentInformationLength);

/*
 * Claims AccessRanges for this adapter, replacing any earlier claim (NumAccessRanges 0 releases
 * them). NO_ERROR, or ERROR_INVALID_PARAMETER when a range conflicts with another adapter's.
 */
VIDEOPORT_API VP_STATUS VideoPortVerifyAccessRanges(PVOID HwDeviceExtension, ULONG NumAccessRanges,
                                                    PVIDEO_ACCESS_RANGE AccessRanges);

/*
 * Fills AccessRanges with the adapter's bus-relative ranges (for PCI: the adapter with VendorId
 * and DeviceId, each pointing to a USHORT) and claims them. NO_ERROR, ERROR_DEV_NOT_EXIST,
 * ERROR_MORE_DATA (NumAccessRanges too small) or ERROR_INVALID_PARAMETER (conflict).
 */
VIDEOPORT_API VP_STATUS VideoPortGetAccessRanges(PVOID HwDeviceExtension, ULONG NumRequestedResources,
                                                 PIO_RESOURCE_DESCRIPTOR RequestedResources, ULONG NumAccessRanges,
                                                 PVIDEO_ACCESS_RANGE AccessRanges, PVOID VendorId, PVOID DeviceId,
                                                 PULONG Slot);

/* Maps a claimed range for the miniport; NULL on failure. Undo with VideoPortFreeDeviceBase. */
VIDEOPORT_API PVOID VideoPortGetDeviceBase(PVOID HwDeviceExtension, PHYSICAL_ADDRESS IoAddress,
                                           ULONG NumberOfUchars, UCHAR InIoSpace);
VIDEOPORT_API VOID VideoPortFreeDeviceBase(PVOID HwDeviceExtension, PVOID MappedAddress);

/*
 * Maps *Length bytes at PhysicalAddress and stores the address in *VirtualAddress; *Length may
 * grow to the mapping's real size. NO_ERROR, ERROR_INVALID_PARAMETER or ERROR_NOT_ENOUGH_MEMORY.
 */
VIDEOPORT_API VP_STATUS VideoPortMapMemory(PVOID HwDeviceExtension, PHYSICAL_ADDRESS PhysicalAddress,
                                           PULONG Length, PULONG InIoSpace, PVOID *VirtualAddress);
/* Undoes VideoPortMapMemory. NO_ERROR or ERROR_INVALID_PARAMETER. */
VIDEOPORT_API VP_STATUS VideoPortUnmapMemory(PVOID HwDeviceExtension, PVOID VirtualAddress, HANDLE ProcessHandle);

/* Physically contiguous RAM below HighestAcceptableAddress, or NULL. */
VIDEOPORT_API PVOID VideoPortAllocateContiguousMemory(PVOID HwDeviceExtension, ULONG NumberOfBytes,
                                                      PHYSICAL_ADDRESS HighestAcceptableAddress);

/* Bus configuration space (PCI: the 256-byte header of SlotNumber). Returns the bytes moved. */
VIDEOPORT_API ULONG VideoPortGetBusData(PVOID HwDeviceExtension, BUS_DATA_TYPE BusDataType, ULONG SlotNumber,
                                        PVOID Buffer, ULONG Offset, ULONG Length);
VIDEOPORT_API ULONG VideoPortSetBusData(PVOID HwDeviceExtension, BUS_DATA_TYPE BusDataType, ULONG SlotNumber,
                                        PVOID Buffer, ULONG Offset, ULONG Length);

/* Calls CallbackRoutine for each description of DeviceDataType; the callback's status. */
VIDEOPORT_API VP_STATUS VideoPortGetDeviceData(PVOID HwDeviceExtension, VIDEO_DEVICE_DATA_TYPE DeviceDataType,
                                               PMINIPORT_QUERY_DEVICE_ROUTINE CallbackRoutine, PVOID Context);

/* *VgaStatus is nonzero when this adapter decodes the VGA ranges. IRQL: PASSIVE_LEVEL. */
VIDEOPORT_API VP_STATUS VideoPortGetVgaStatus(PVOID HwDeviceExtension, PULONG VgaStatus);

/*
 * x86 full-screen VDM only: makes the listed emulator ports directly accessible (RangeVisible)
 * or trapped again, first element to last. NO_ERROR or ERROR_INVALID_PARAMETER.
 */
VIDEOPORT_API VIDEOPORT_DEPRECATED VP_STATUS VideoPortSetTrappedEmulatorPorts(PVOID HwDeviceExtension,
                                                                              ULONG NumAccessRanges,
                                                                              PVIDEO_ACCESS_RANGE AccessRange);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_RESOURCES_H */
