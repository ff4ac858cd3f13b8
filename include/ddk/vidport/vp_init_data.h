/*
 * vidport/vp_init_data.h - how a miniport introduces itself: its callbacks, collected in
 * VIDEO_HW_INITIALIZATION_DATA and handed to VideoPortInitialize from DriverEntry.
 * Internal: include video.h.
 *
 * Rules for the lifecycle: DriverEntry -> VideoPortInitialize -> HwVidFindAdapter (once per
 * adapter, PASSIVE_LEVEL) -> interrupt connection -> HwVidInitialize -> HwVidStartIO requests
 * (serialized, PASSIVE_LEVEL) -> HwVidResetHw when the system shuts down. HwVidInterrupt runs at
 * the device's DIRQL, HwVidTimer and DPCs at DISPATCH_LEVEL.
 */
#ifndef VIDPORT_DDK_VP_INIT_DATA_H
#define VIDPORT_DDK_VP_INIT_DATA_H

#include "vp_base.h"
#include "vp_config_info.h"
#include "vp_request_packet.h"
#include "vp_child.h"
#include "../ntddvdeo.h"

VIDPORT_BEGIN_C

/* Passed to HwVidQueryInterface: which interface (by GUID, size and version) is wanted. */
typedef struct _QUERY_INTERFACE {
    CONST GUID *InterfaceType;
    USHORT Size;
    USHORT Version;
    PINTERFACE Interface;
    PVOID InterfaceSpecificData;
} QUERY_INTERFACE, *PQUERY_INTERFACE;

typedef struct __DMA_PARAMETERS *PDMA;

typedef enum _HW_DMA_RETURN {
    DmaAsyncReturn,
    DmaSyncReturn
} HW_DMA_RETURN, *PHW_DMA_RETURN;

/*
 * Finds and configures the adapter. Again is set to ask for another call for a further adapter.
 * NO_ERROR, ERROR_DEV_NOT_EXIST (no adapter here), ERROR_INVALID_PARAMETER or
 * ERROR_NOT_ENOUGH_MEMORY.
 */
typedef VP_STATUS (*PVIDEO_HW_FIND_ADAPTER)(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                            PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again);
/* One-time initialization once the adapter is found; FALSE fails the adapter. */
typedef BOOLEAN (*PVIDEO_HW_INITIALIZE)(PVOID HwDeviceExtension);
/* The ISR: TRUE if this adapter interrupted (and the interrupt was dismissed on it). */
typedef BOOLEAN (*PVIDEO_HW_INTERRUPT)(PVOID HwDeviceExtension);
/* Handles one request; TRUE once it set RequestPacket->StatusBlock. */
typedef BOOLEAN (*PVIDEO_HW_START_IO)(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET RequestPacket);
/* Puts the adapter into a Columns x Rows text mode; FALSE asks the system to use the BIOS. */
typedef BOOLEAN (*PVIDEO_HW_RESET_HW)(PVOID HwDeviceExtension, ULONG Columns, ULONG Rows);
/* Called about once a second at DISPATCH_LEVEL while the timer is started. */
typedef VOID (*PVIDEO_HW_TIMER)(PVOID HwDeviceExtension);
typedef HW_DMA_RETURN (*PVIDEO_HW_START_DMA)(PVOID HwDeviceExtension, PDMA pDma);
/* Power control of the adapter (HwId DISPLAY_ADAPTER_HW_ID) or of a child. */
typedef VP_STATUS (*PVIDEO_HW_POWER_SET)(PVOID HwDeviceExtension, ULONG HwId,
                                         PVIDEO_POWER_MANAGEMENT VideoPowerControl);
typedef VP_STATUS (*PVIDEO_HW_POWER_GET)(PVOID HwDeviceExtension, ULONG HwId,
                                         PVIDEO_POWER_MANAGEMENT VideoPowerControl);
/* Describes child ChildEnumInfo->ChildIndex; see vp_child.h for the protocol. */
typedef VP_STATUS (*PVIDEO_HW_GET_CHILD_DESCRIPTOR)(PVOID HwDeviceExtension, PVIDEO_CHILD_ENUM_INFO ChildEnumInfo,
                                                    PVIDEO_CHILD_TYPE VideoChildType, PUCHAR pChildDescriptor,
                                                    PULONG pUId, PULONG pUnused);
typedef VP_STATUS (*PVIDEO_HW_QUERY_INTERFACE)(PVOID HwDeviceExtension, PQUERY_INTERFACE QueryInterface);
/* Returns the legacy ranges of a PCI adapter with the given IDs. */
typedef VOID (*PVIDEO_HW_LEGACYRESOURCES)(ULONG VendorId, ULONG DeviceId,
                                          PVIDEO_ACCESS_RANGE *LegacyResourceList, PULONG LegacyResourceCount);

/*
 * The miniport's entry points and storage needs. HwInitDataSize names the version: the NT4 size
 * ends before HwStartDma, the Windows 2000 size before Reserved, the XP size is the whole
 * structure; VideoPortInitialize accepts exactly those three.
 */
typedef struct _VIDEO_HW_INITIALIZATION_DATA {
    ULONG HwInitDataSize;
    INTERFACE_TYPE AdapterInterfaceType;
    PVIDEO_HW_FIND_ADAPTER HwFindAdapter;
    PVIDEO_HW_INITIALIZE HwInitialize;
    PVIDEO_HW_INTERRUPT HwInterrupt;
    PVIDEO_HW_START_IO HwStartIO;
    ULONG HwDeviceExtensionSize;
    ULONG StartingDeviceNumber;
    PVIDEO_HW_RESET_HW HwResetHw;
    PVIDEO_HW_TIMER HwTimer;
    PVIDEO_HW_START_DMA HwStartDma;
    PVIDEO_HW_POWER_SET HwSetPowerState;
    PVIDEO_HW_POWER_GET HwGetPowerState;
    PVIDEO_HW_GET_CHILD_DESCRIPTOR HwGetVideoChildDescriptor;
    PVIDEO_HW_QUERY_INTERFACE HwQueryInterface;
    ULONG HwChildDeviceExtensionSize;
    PVIDEO_ACCESS_RANGE HwLegacyResourceList;
    ULONG HwLegacyResourceCount;
    PVIDEO_HW_LEGACYRESOURCES HwGetLegacyResources;
    BOOLEAN AllowEarlyEnumeration;
    ULONG Reserved;
} VIDEO_HW_INITIALIZATION_DATA, *PVIDEO_HW_INITIALIZATION_DATA;

#define SIZE_OF_NT4_VIDEO_HW_INITIALIZATION_DATA FIELD_OFFSET(VIDEO_HW_INITIALIZATION_DATA, HwStartDma)
#define SIZE_OF_W2K_VIDEO_HW_INITIALIZATION_DATA FIELD_OFFSET(VIDEO_HW_INITIALIZATION_DATA, Reserved)
#define SIZE_OF_WXP_VIDEO_HW_INITIALIZATION_DATA (sizeof(VIDEO_HW_INITIALIZATION_DATA))

/*
 * Registers the miniport and finds its adapters (calling HwVidFindAdapter). Argument1 and
 * Argument2 are DriverEntry's two arguments, passed unchanged. Called from DriverEntry only,
 * possibly several times with different AdapterInterfaceType values. Returns NO_ERROR when an
 * adapter was found; otherwise ERROR_REVISION_MISMATCH for an unknown HwInitDataSize,
 * ERROR_DEV_NOT_EXIST, or the failure HwVidFindAdapter reported.
 */
VIDEOPORT_API ULONG VideoPortInitialize(PVOID Argument1, PVOID Argument2,
                                        PVIDEO_HW_INITIALIZATION_DATA HwInitializationData, PVOID HwContext);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_INIT_DATA_H */
