/*
 * idioms.c - proof that the source idioms of real NT4/2000 miniports build against vidport's
 * headers with -Wall -Werror and run: `#pragma alloc_text` under ALLOC_PRAGMA, PAGED_CODE(),
 * NTAPI decorations, L"..." strings passed to the registry calls, pshpack1.h, C_ASSERT, ASSERT,
 * literal port numbers cast to pointers, LOWORD/HIWORD defined by the driver itself, memset and
 * memcpy through the header chain, VideoDebugPrint((...)) with %ws.
 *
 * The adapter is the PulseDevice (ports 0x300-0x305) plus a linear frame buffer at physical
 * 0xE0000000 that no device decodes, which vidport backs with RAM: the miniport draws into it
 * through its own mapping, and the display driver's mapping (IOCTL_VIDEO_MAP_VIDEO_MEMORY) sees
 * the same pixels. One mode: 320x200, 8 bits per pixel, palette driven.
 */
#include <dderror.h>
#include <devioctl.h>
#include <miniport.h>
#include <ntddvdeo.h>
#include <video.h>

/* Real drivers define these themselves; the DDK headers must leave the names free. */
#define LOWORD(l) ((USHORT)((ULONG_PTR)(l) & 0xffff))
#define HIWORD(l) ((USHORT)((ULONG_PTR)(l) >> 16))

#define IDIOMS_STATUS_PORT ((PUCHAR)0x300)
#define IDIOMS_CONTROL_PORT ((PUCHAR)0x301)
#define FRAME_BUFFER_BASE 0xE0000000u
#define WIDTH 320
#define HEIGHT 200
#define FRAME_BUFFER_SIZE (WIDTH * HEIGHT)

#include <pshpack1.h>
/* A packed record as drivers keep for BIOS tables: 1 + 2 + 4 bytes, no padding. */
typedef struct _IDIOMS_PACKED_MODE {
    UCHAR BiosMode;
    USHORT Width;
    ULONG Flags;
} IDIOMS_PACKED_MODE;
#include <poppack.h>
C_ASSERT(sizeof(IDIOMS_PACKED_MODE) == 7);

typedef struct _IDIOMS_EXTENSION {
    PUCHAR FrameBuffer;   /* the miniport's own mapping */
    ULONG Depth;          /* from the registry */
    ULONG CurrentMode;
    UCHAR Palette[256][4];
} IDIOMS_EXTENSION, *PIDIOMS_EXTENSION;

static const IDIOMS_PACKED_MODE Modes[] = {{0x13, WIDTH, 0x1}};

VP_STATUS NTAPI IdiomsFindAdapter(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                  PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again);
BOOLEAN NTAPI IdiomsInitialize(PVOID HwDeviceExtension);
BOOLEAN NTAPI IdiomsStartIO(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET RequestPacket);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, IdiomsFindAdapter)
#pragma alloc_text(PAGE, IdiomsInitialize)
#endif

static VP_STATUS NTAPI IdiomsQueryDepth(PVOID HwDeviceExtension, PVOID Context, PWSTR ValueName, PVOID ValueData,
                                        ULONG ValueLength)
{
    UNREFERENCED_PARAMETER(HwDeviceExtension);
    UNREFERENCED_PARAMETER(ValueName);
    if (ValueLength < sizeof(ULONG)) {
        return ERROR_INVALID_PARAMETER;
    }
    memcpy(Context, ValueData, sizeof(ULONG));
    return NO_ERROR;
}

VP_STATUS NTAPI IdiomsFindAdapter(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                  PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again)
{
    PIDIOMS_EXTENSION ext = (PIDIOMS_EXTENSION)HwDeviceExtension;
    /* NT4 style: only the first five fields are initialized. */
    VIDEO_ACCESS_RANGE ranges[] = {
        {{{0x300, 0}}, 6, 1, 1, 0},
        {{{FRAME_BUFFER_BASE, 0}}, FRAME_BUFFER_SIZE, 0, 0, 0},
    };
    PAGED_CODE();
    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(ArgumentString);

    if (VideoPortVerifyAccessRanges(ext, ARRAYSIZE(ranges), ranges) != NO_ERROR) {
        return ERROR_DEV_NOT_EXIST;
    }
    /* The literal port number, cast to a pointer, is how NT4 drivers address legacy ports. */
    if (VideoPortReadPortUchar(IDIOMS_STATUS_PORT) == 0xff) {
        return ERROR_DEV_NOT_EXIST;
    }
    ext->FrameBuffer = (PUCHAR)VideoPortGetDeviceBase(ext, ranges[1].RangeStart, ranges[1].RangeLength, 0);
    if (ext->FrameBuffer == NULL) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    ext->Depth = 8;
    VideoPortGetRegistryParameters(ext, L"IdiomsDepth", FALSE, IdiomsQueryDepth, &ext->Depth);
    ASSERT(ext->Depth == 8);
    *Again = FALSE;
    VideoDebugPrint((Info, "idioms: %ws found, frame buffer at %I64x (%lu bytes), mode record at offset %d\n",
                     L"IdiomsAdapter", (ULONGLONG)FRAME_BUFFER_BASE, (ULONG)FRAME_BUFFER_SIZE,
                     (int)FIELD_OFFSET(IDIOMS_PACKED_MODE, Flags)));
    UNREFERENCED_PARAMETER(ConfigInfo);
    return NO_ERROR;
}

BOOLEAN NTAPI IdiomsInitialize(PVOID HwDeviceExtension)
{
    PIDIOMS_EXTENSION ext = (PIDIOMS_EXTENSION)HwDeviceExtension;
    ULONG packed = ((ULONG)HEIGHT << 16) | WIDTH;
    PAGED_CODE();
    VideoPortWritePortUchar(IDIOMS_CONTROL_PORT, 0);
    memset(ext->Palette, 0, sizeof(ext->Palette));
    return LOWORD(packed) == WIDTH && HIWORD(packed) == HEIGHT;
}

static VOID FillMode(PVIDEO_MODE_INFORMATION Mode)
{
    VideoPortZeroMemory(Mode, sizeof(*Mode));
    Mode->Length = sizeof(*Mode);
    Mode->ModeIndex = 0;
    Mode->VisScreenWidth = Modes[0].Width;
    Mode->VisScreenHeight = HEIGHT;
    Mode->ScreenStride = WIDTH;
    Mode->NumberOfPlanes = 1;
    Mode->BitsPerPlane = 8;
    Mode->Frequency = 70;
    Mode->NumberRedBits = 6;
    Mode->NumberGreenBits = 6;
    Mode->NumberBlueBits = 6;
    Mode->AttributeFlags = VIDEO_MODE_COLOR | VIDEO_MODE_GRAPHICS | VIDEO_MODE_PALETTE_DRIVEN | VIDEO_MODE_MANAGED_PALETTE;
    Mode->VideoMemoryBitmapWidth = WIDTH;
    Mode->VideoMemoryBitmapHeight = HEIGHT;
}

/* Draws the test pattern: each pixel is (x ^ y) & 0xff. */
static VOID DrawPattern(PIDIOMS_EXTENSION Ext)
{
    ULONG x, y;
    for (y = 0; y < HEIGHT; y++) {
        for (x = 0; x < WIDTH; x++) {
            Ext->FrameBuffer[y * WIDTH + x] = (UCHAR)((x ^ y) & 0xff);
        }
    }
}

static BOOLEAN Done(PVIDEO_REQUEST_PACKET Rp, VP_STATUS Status, ULONG_PTR Information)
{
    Rp->StatusBlock->Status = Status;
    Rp->StatusBlock->Information = Information;
    return TRUE;
}

BOOLEAN NTAPI IdiomsStartIO(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET RequestPacket)
{
    PIDIOMS_EXTENSION ext = (PIDIOMS_EXTENSION)HwDeviceExtension;
    switch (RequestPacket->IoControlCode) {
    case IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES:
        if (RequestPacket->OutputBufferLength < sizeof(VIDEO_NUM_MODES)) {
            return Done(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_NUM_MODES));
        }
        ((PVIDEO_NUM_MODES)RequestPacket->OutputBuffer)->NumModes = ARRAYSIZE(Modes);
        ((PVIDEO_NUM_MODES)RequestPacket->OutputBuffer)->ModeInformationLength = sizeof(VIDEO_MODE_INFORMATION);
        return Done(RequestPacket, NO_ERROR, sizeof(VIDEO_NUM_MODES));
    case IOCTL_VIDEO_QUERY_AVAIL_MODES:
    case IOCTL_VIDEO_QUERY_CURRENT_MODE:
        if (RequestPacket->OutputBufferLength < sizeof(VIDEO_MODE_INFORMATION)) {
            return Done(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_MODE_INFORMATION));
        }
        FillMode((PVIDEO_MODE_INFORMATION)RequestPacket->OutputBuffer);
        return Done(RequestPacket, NO_ERROR, sizeof(VIDEO_MODE_INFORMATION));
    case IOCTL_VIDEO_SET_CURRENT_MODE: {
        ULONG mode;
        if (RequestPacket->InputBufferLength < sizeof(VIDEO_MODE)) {
            return Done(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        mode = ((PVIDEO_MODE)RequestPacket->InputBuffer)->RequestedMode;
        if (mode >= ARRAYSIZE(Modes)) {
            return Done(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        ext->CurrentMode = mode;
        DrawPattern(ext);
        VideoPortSetRegistryParameters(ext, L"IdiomsLastMode", &mode, sizeof(mode));
        return Done(RequestPacket, NO_ERROR, 0);
    }
    case IOCTL_VIDEO_SET_COLOR_REGISTERS: {
        PVIDEO_CLUT clut = (PVIDEO_CLUT)RequestPacket->InputBuffer;
        ULONG i;
        if (RequestPacket->InputBufferLength < FIELD_OFFSET(VIDEO_CLUT, LookupTable) ||
            RequestPacket->InputBufferLength <
                FIELD_OFFSET(VIDEO_CLUT, LookupTable) + clut->NumEntries * sizeof(ULONG) ||
            (ULONG)clut->FirstEntry + clut->NumEntries > 256) {
            return Done(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        for (i = 0; i < clut->NumEntries; i++) {
            memcpy(ext->Palette[clut->FirstEntry + i], &clut->LookupTable[i].RgbLong, sizeof(ULONG));
        }
        return Done(RequestPacket, NO_ERROR, 0);
    }
    case IOCTL_VIDEO_MAP_VIDEO_MEMORY: {
        PVIDEO_MEMORY_INFORMATION info = (PVIDEO_MEMORY_INFORMATION)RequestPacket->OutputBuffer;
        PHYSICAL_ADDRESS base;
        ULONG length = FRAME_BUFFER_SIZE;
        ULONG inIoSpace = VIDEO_MEMORY_SPACE_MEMORY;
        PVOID address;
        VP_STATUS status;
        if (RequestPacket->OutputBufferLength < sizeof(VIDEO_MEMORY_INFORMATION) ||
            RequestPacket->InputBufferLength < sizeof(VIDEO_MEMORY)) {
            return Done(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_MEMORY_INFORMATION));
        }
        address = ((PVIDEO_MEMORY)RequestPacket->InputBuffer)->RequestedVirtualAddress;
        base.QuadPart = FRAME_BUFFER_BASE;
        status = VideoPortMapMemory(ext, base, &length, &inIoSpace, &address);
        if (status != NO_ERROR) {
            return Done(RequestPacket, status, 0);
        }
        info->VideoRamBase = address;
        info->VideoRamLength = length;
        info->FrameBufferBase = address;
        info->FrameBufferLength = length;
        return Done(RequestPacket, NO_ERROR, sizeof(VIDEO_MEMORY_INFORMATION));
    }
    case IOCTL_VIDEO_UNMAP_VIDEO_MEMORY:
        if (RequestPacket->InputBufferLength < sizeof(VIDEO_MEMORY)) {
            return Done(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        return Done(RequestPacket,
                    VideoPortUnmapMemory(ext, ((PVIDEO_MEMORY)RequestPacket->InputBuffer)->RequestedVirtualAddress, 0), 0);
    case IOCTL_VIDEO_RESET_DEVICE:
        return Done(RequestPacket, NO_ERROR, 0);
    default:
        return Done(RequestPacket, ERROR_INVALID_FUNCTION, 0);
    }
}

ULONG NTAPI DriverEntry(PVOID Context1, PVOID Context2)
{
    VIDEO_HW_INITIALIZATION_DATA init;
    ULONG status;
    ULONG best = ERROR_DEV_NOT_EXIST;
    /* Real drivers try each bus in turn and keep the best answer. */
    static const INTERFACE_TYPE buses[] = {PCIBus, Isa};
    ULONG i;

    for (i = 0; i < ARRAYSIZE(buses); i++) {
        VideoPortZeroMemory(&init, sizeof(init));
        init.HwInitDataSize = SIZE_OF_W2K_VIDEO_HW_INITIALIZATION_DATA;
        init.AdapterInterfaceType = buses[i];
        init.HwFindAdapter = IdiomsFindAdapter;
        init.HwInitialize = IdiomsInitialize;
        init.HwStartIO = IdiomsStartIO;
        init.HwDeviceExtensionSize = sizeof(IDIOMS_EXTENSION);
        status = VideoPortInitialize(Context1, Context2, &init, NULL);
        if (status < best) {
            best = status;
        }
    }
    return best;
}
