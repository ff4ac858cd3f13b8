/*
 * vidport/vp_services.h - the rest of VideoPort's services: registry parameters, debug output,
 * error logging, interfaces by query, and the adapter ROM. Internal: include video.h.
 */
#ifndef VIDPORT_DDK_VP_SERVICES_H
#define VIDPORT_DDK_VP_SERVICES_H

#include "vp_base.h"
#include "vp_request_packet.h"

VIDPORT_BEGIN_C

typedef enum VIDEO_DEBUG_LEVEL {
    Error = 0,
    Warn,
    Trace,
    Info
} VIDEO_DEBUG_LEVEL, *PVIDEO_DEBUG_LEVEL;

typedef enum {
    VideoPortServicesAGP = 1,
    VideoPortServicesI2C,
    VideoPortServicesHeadless,
    VideoPortServicesInt10,
    VideoPortServicesDebugReport,
    VideoPortServicesWCMemoryProtection
} VIDEO_PORT_SERVICES;

/* Receives one registry value found by VideoPortGetRegistryParameters. */
typedef VP_STATUS (*PMINIPORT_GET_REGISTRY_ROUTINE)(PVOID HwDeviceExtension, PVOID Context, PWSTR ValueName,
                                                    PVOID ValueData, ULONG ValueLength);

/*
 * Looks up ParameterName among the adapter's parameters and hands it to GetRegistryRoutine.
 * NO_ERROR, or ERROR_INVALID_PARAMETER when there is no such value. IRQL: PASSIVE_LEVEL.
 */
VIDEOPORT_API VP_STATUS VideoPortGetRegistryParameters(PVOID HwDeviceExtension, PWSTR ParameterName,
                                                       UCHAR IsParameterFileName,
                                                       PMINIPORT_GET_REGISTRY_ROUTINE GetRegistryRoutine,
                                                       PVOID HwContext);
/* Stores a value under the adapter's key. NO_ERROR or ERROR_INVALID_PARAMETER. PASSIVE_LEVEL. */
VIDEOPORT_API VP_STATUS VideoPortSetRegistryParameters(PVOID HwDeviceExtension, PWSTR ValueName, PVOID ValueData,
                                                       ULONG ValueLength);

/*
 * Writes a message to the run's log if DebugPrintLevel is enabled. The format follows Windows'
 * rules (%lx and %lu are 32-bit, %I64x is 64-bit, %p is pointer-sized), so it deliberately
 * carries no printf format attribute. Any IRQL.
 */
VIDEOPORT_API VOID VideoPortDebugPrint(VIDEO_DEBUG_LEVEL DebugPrintLevel, PSTR DebugMessage, ...);

/*
 * Drivers derived from the DDK samples log with VideoDebugPrint((level, format, ...)). On Windows
 * it prints only in checked (DBG) builds; here it always reaches the run's log, which is where a
 * vidport user looks, and keeps variables used only for logging from looking unused.
 */
#define VideoDebugPrint(args) VideoPortDebugPrint args

/* Records an error against the adapter (Vrp may be NULL). Any IRQL, including the ISR. */
VIDEOPORT_API VOID VideoPortLogError(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET Vrp, VP_STATUS ErrorCode,
                                     ULONG UniqueId);

/*
 * Fills Interface (whose Size and Version the caller set) with the service's function table.
 * NO_ERROR, or ERROR_INVALID_PARAMETER for a service that is not provided. PASSIVE_LEVEL.
 */
VIDEOPORT_API VP_STATUS VideoPortQueryServices(PVOID HwDeviceExtension, VIDEO_PORT_SERVICES ServicesType,
                                               PINTERFACE Interface);

/* A copy of the first Length bytes of the adapter's ROM, or NULL; Length 0 frees the copy. */
VIDEOPORT_API PVOID VideoPortGetRomImage(PVOID HwDeviceExtension, PVOID Unused1, ULONG Unused2, ULONG Length);

/* TRUE if String occurs within the first RomLength bytes at RomBase. */
VIDEOPORT_API BOOLEAN VideoPortScanRom(PVOID HwDeviceExtension, PUCHAR RomBase, ULONG RomLength, PUCHAR String);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_SERVICES_H */
