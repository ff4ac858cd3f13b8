/*
 * Scenario: a real miniport source includes the DDK headers in the classic order and uses the
 * idioms Microsoft's toolchain lets it use, then is compiled with -Wall -Wextra -Werror. Every
 * idiom below must compile without a warning; the names the driver defines itself (LOWORD,
 * HIWORD, PAGE_SIZE, UNIMPLEMENTED) must not collide with the headers.
 */
#include "dderror.h"
#include "devioctl.h"
#include "miniport.h"
#include "ntddvdeo.h"
#include "video.h"

#if defined(LOWORD) || defined(HIWORD) || defined(PAGE_SIZE) || defined(UNIMPLEMENTED)
#error "the DDK headers must leave LOWORD, HIWORD, PAGE_SIZE and UNIMPLEMENTED to the driver"
#endif
#define LOWORD(l) ((USHORT)((ULONG)(l) & 0xffff))
#define HIWORD(l) ((USHORT)((ULONG)(l) >> 16))
#define PAGE_SIZE 0x1000
#define UNIMPLEMENTED VideoPortDebugPrint(Error, "%s is unimplemented\n", __func__)

#include "pshpack1.h"
typedef struct _DRIVER_ROM_HEADER {
    USHORT Signature;
    UCHAR Blocks;
    ULONG Entry;
} DRIVER_ROM_HEADER;
#include "poppack.h"
C_ASSERT(sizeof(DRIVER_ROM_HEADER) == 7);

/* Positional initializers with the double-brace RangeStart (nt4_initializers.c has the NT4 form). */
static VIDEO_ACCESS_RANGE LegacyRanges[] = {
    {{{0x3B0, 0}}, 0x0C, 1, 1, 0, 0},
    {{{0x3C0, 0}}, 0x20, 1, 1, 0, 0},
    {{{0xA0000, 0}}, 0x20000, 0, 0, 0, 0},
};

VP_STATUS NTAPI IdiomsFindAdapter(_In_ PVOID HwDeviceExtension, _In_opt_ PVOID HwContext, _In_opt_ PWSTR ArgumentString,
                                  _Inout_ PVIDEO_PORT_CONFIG_INFO ConfigInfo, _Out_ PUCHAR Again);
BOOLEAN NTAPI IdiomsInitialize(IN PVOID HwDeviceExtension);
BOOLEAN NTAPI IdiomsStartIO(IN PVOID HwDeviceExtension, IN PVIDEO_REQUEST_PACKET RequestPacket);
ULONG NTAPI DriverEntry(IN PVOID Context1, IN PVOID Context2);
VOID __cdecl IdiomsLog(PCHAR Format, ...);
BOOLEAN __stdcall IdiomsInterrupt(PVOID HwDeviceExtension);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, IdiomsFindAdapter)
#pragma alloc_text(PAGE, IdiomsInitialize)
#pragma alloc_text(INIT, DriverEntry)
#endif

VP_STATUS NTAPI IdiomsFindAdapter(_In_ PVOID HwDeviceExtension, _In_opt_ PVOID HwContext, _In_opt_ PWSTR ArgumentString,
                                  _Inout_ PVIDEO_PORT_CONFIG_INFO ConfigInfo, _Out_ PUCHAR Again)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(ArgumentString);
    *Again = FALSE;
    if (ConfigInfo->Length < sizeof(VIDEO_PORT_CONFIG_INFO))
        return ERROR_INVALID_PARAMETER;
    if (VideoPortVerifyAccessRanges(HwDeviceExtension, ARRAYSIZE(LegacyRanges), LegacyRanges) != NO_ERROR)
        return ERROR_DEV_NOT_EXIST;
    ULONG value = 1;
    VideoPortSetRegistryParameters(HwDeviceExtension, L"HardwareInformation.ChipType", &value, sizeof(value));
    ConfigInfo->VdmPhysicalVideoMemoryAddress.u.LowPart = LegacyRanges[2].RangeStart.LowPart;
    ConfigInfo->VdmPhysicalVideoMemoryLength = LegacyRanges[2].RangeLength;
    return NO_ERROR;
}

BOOLEAN NTAPI IdiomsInitialize(IN PVOID HwDeviceExtension)
{
    UCHAR misc = VideoPortReadPortUchar((PUCHAR)0x3CC);
    VideoPortWritePortUchar((PUCHAR)0x3C2, misc);
    VideoPortWritePortUshort((PUSHORT)0x3C4, (USHORT)0x0F02);
    ASSERT(misc != 0xFF || HwDeviceExtension != NULL);
    VideoPortDebugPrint(Trace, "misc %lx at %p, %I64x\n", (ULONG)misc, HwDeviceExtension, (ULONGLONG)PAGE_SIZE);
    VideoDebugPrint((Info, "IdiomsInitialize done\n"));
    return TRUE;
}

BOOLEAN NTAPI IdiomsStartIO(IN PVOID HwDeviceExtension, IN PVIDEO_REQUEST_PACKET RequestPacket)
{
    UNREFERENCED_PARAMETER(HwDeviceExtension);
    switch (RequestPacket->IoControlCode) {
    case IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES: {
        VIDEO_NUM_MODES modes = {1, sizeof(VIDEO_MODE_INFORMATION)};
        if (RequestPacket->OutputBufferLength < sizeof(modes)) {
            RequestPacket->StatusBlock->Status = ERROR_INSUFFICIENT_BUFFER;
            return TRUE;
        }
        memcpy(RequestPacket->OutputBuffer, &modes, sizeof(modes));
        RequestPacket->StatusBlock->Information = sizeof(modes);
        RequestPacket->StatusBlock->Status = NO_ERROR;
        return TRUE;
    }
    default:
        RequestPacket->StatusBlock->Status = ERROR_INVALID_FUNCTION;
        return TRUE;
    }
}

ULONG NTAPI DriverEntry(IN PVOID Context1, IN PVOID Context2)
{
    VIDEO_HW_INITIALIZATION_DATA init;
    VideoPortZeroMemory(&init, sizeof(init));
    init.HwInitDataSize = sizeof(init);
    init.HwFindAdapter = IdiomsFindAdapter;
    init.HwInitialize = IdiomsInitialize;
    init.HwStartIO = IdiomsStartIO;
    init.HwLegacyResourceList = LegacyRanges;
    init.HwLegacyResourceCount = ARRAYSIZE(LegacyRanges);
    init.AdapterInterfaceType = Isa;
    if (LOWORD(0x12345678) != 0x5678 || HIWORD(0x12345678) != 0x1234)
        UNIMPLEMENTED;
    C_ASSERT(FIELD_OFFSET(VIDEO_HW_INITIALIZATION_DATA, HwStartDma) == SIZE_OF_NT4_VIDEO_HW_INITIALIZATION_DATA);
    return VideoPortInitialize(Context1, Context2, &init, NULL);
}
