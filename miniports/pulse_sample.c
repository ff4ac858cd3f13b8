/*
 * pulse_sample.c - the sample miniport of vidport: a legacy (ISA) miniport for the PulseDevice,
 * vidport's smallest interrupting device (ports 0x300-0x305, line 10; see
 * src/devices/testdev/pulse_device.h).
 *
 * It shows the moving parts of a real miniport working together:
 * - HwVidFindAdapter claims the ports, maps them, reads its period from the registry and asks
 *   for a level-sensitive interrupt on line 10.
 * - HwVidInitialize programs the device to interrupt periodically and starts the one-second timer.
 * - HwVidInterrupt acknowledges the device, counts, and queues a DPC.
 * - The DPC and the private IOCTLs read and update the state the ISR shares, always through
 *   VideoPortSynchronizeExecution at VpMediumPriority, so the ISR never sees it half-written.
 * - HwVidStartIO answers the display driver's standard requests with one 80x25 text mode.
 *
 * Build: cc -shared -fPIC -fshort-wchar -I<vidport>/include/ddk pulse_sample.c -o pulse_sample.so
 */
#include <dderror.h>
#include <devioctl.h>
#include <miniport.h>
#include <ntddvdeo.h>
#include <video.h>

#include "pulse_sample.h"

#define PULSE_STATUS  0
#define PULSE_CONTROL 1
#define PULSE_PARAM_LOW 2
#define PULSE_PARAM_HIGH 3
#define PULSE_RAISE 4
#define PULSE_PENDING 0x01
#define PULSE_CONTROL_PERIODIC 0x04

typedef struct _PULSE_EXTENSION {
    PUCHAR Ports;
    ULONG PeriodUs;
    ULONG CurrentMode;
    /* Shared with the ISR: changed only in the ISR or under VideoPortSynchronizeExecution. */
    ULONG Interrupts;
    ULONG InterruptsSeenByDpc;
    /* DPC and timer state (DISPATCH_LEVEL only). */
    ULONG DpcRuns;
    ULONG TimerTicks;
} PULSE_EXTENSION, *PPULSE_EXTENSION;

/* Hands a new period to the device and the extension under the interrupt lock. */
typedef struct _PULSE_SET_PERIOD_CONTEXT {
    PPULSE_EXTENSION Extension;
    ULONG PeriodUs;
} PULSE_SET_PERIOD_CONTEXT;

static VP_STATUS QueryDword(PVOID HwDeviceExtension, PVOID Context, PWSTR ValueName, PVOID ValueData, ULONG ValueLength)
{
    if (ValueLength != sizeof(ULONG)) {
        return ERROR_INVALID_PARAMETER;
    }
    *(PULONG)Context = *(PULONG)ValueData;
    return NO_ERROR;
}

static VOID ProgramPeriod(PPULSE_EXTENSION Ext, ULONG PeriodUs)
{
    VideoPortWritePortUchar(Ext->Ports + PULSE_PARAM_LOW, (UCHAR)(PeriodUs & 0xff));
    VideoPortWritePortUchar(Ext->Ports + PULSE_PARAM_HIGH, (UCHAR)((PeriodUs >> 8) & 0xff));
    VideoPortWritePortUchar(Ext->Ports + PULSE_CONTROL, PeriodUs ? PULSE_CONTROL_PERIODIC : 0);
}

static BOOLEAN SetPeriodSynchronized(PVOID Context)
{
    PULSE_SET_PERIOD_CONTEXT *set = (PULSE_SET_PERIOD_CONTEXT *)Context;
    set->Extension->PeriodUs = set->PeriodUs;
    ProgramPeriod(set->Extension, set->PeriodUs);
    return TRUE;
}

/* Copies the ISR's counters into the caller's PULSE_STATE under the interrupt lock. */
typedef struct _PULSE_SNAPSHOT_CONTEXT {
    PPULSE_EXTENSION Extension;
    PPULSE_STATE State;
    BOOLEAN Reset;
} PULSE_SNAPSHOT_CONTEXT;

static BOOLEAN SnapshotSynchronized(PVOID Context)
{
    PULSE_SNAPSHOT_CONTEXT *snap = (PULSE_SNAPSHOT_CONTEXT *)Context;
    PPULSE_EXTENSION ext = snap->Extension;
    if (snap->State != NULL) {
        snap->State->Interrupts = ext->Interrupts;
        snap->State->InterruptsSeenByDpc = ext->InterruptsSeenByDpc;
        snap->State->PeriodUs = ext->PeriodUs;
    }
    if (snap->Reset) {
        ext->Interrupts = 0;
        ext->InterruptsSeenByDpc = 0;
    }
    return TRUE;
}

static BOOLEAN DpcReadCount(PVOID Context)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)Context;
    ext->InterruptsSeenByDpc = ext->Interrupts;
    return TRUE;
}

static VOID PulseDpc(PVOID HwDeviceExtension, PVOID Context)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)HwDeviceExtension;
    VideoPortSynchronizeExecution(ext, VpMediumPriority, DpcReadCount, ext);
    ext->DpcRuns++;
}

static BOOLEAN PulseInterrupt(PVOID HwDeviceExtension)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)HwDeviceExtension;
    if ((VideoPortReadPortUchar(ext->Ports + PULSE_STATUS) & PULSE_PENDING) == 0) {
        return FALSE;
    }
    VideoPortWritePortUchar(ext->Ports + PULSE_STATUS, 0);
    ext->Interrupts++;
    VideoPortQueueDpc(ext, PulseDpc, NULL);
    return TRUE;
}

static VOID PulseTimer(PVOID HwDeviceExtension)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)HwDeviceExtension;
    ext->TimerTicks++;
}

static VP_STATUS PulseFindAdapter(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                  PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)HwDeviceExtension;
    VIDEO_ACCESS_RANGE range;
    ULONG period = PULSE_DEFAULT_PERIOD_US;

    VideoPortZeroMemory(&range, sizeof(range));
    range.RangeStart.QuadPart = PULSE_BASE;
    range.RangeLength = PULSE_PORT_COUNT;
    range.RangeInIoSpace = 1;
    range.RangeVisible = 1;
    if (VideoPortVerifyAccessRanges(ext, 1, &range) != NO_ERROR) {
        return ERROR_DEV_NOT_EXIST;
    }
    ext->Ports = (PUCHAR)VideoPortGetDeviceBase(ext, range.RangeStart, range.RangeLength, range.RangeInIoSpace);
    if (ext->Ports == NULL) {
        return ERROR_INVALID_PARAMETER;
    }
    VideoPortGetRegistryParameters(ext, L"PulsePeriod", FALSE, QueryDword, &period);
    ext->PeriodUs = period;

    ConfigInfo->BusInterruptLevel = PULSE_LINE;
    ConfigInfo->BusInterruptVector = PULSE_LINE;
    ConfigInfo->InterruptMode = LevelSensitive;
    *Again = FALSE;
    VideoDebugPrint((Info, "pulse: adapter at ports %#lx, line %lu, period %lu us\n", (ULONG)PULSE_BASE,
                     (ULONG)PULSE_LINE, period));
    return NO_ERROR;
}

static BOOLEAN PulseInitialize(PVOID HwDeviceExtension)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)HwDeviceExtension;
    PULSE_SET_PERIOD_CONTEXT set;
    set.Extension = ext;
    set.PeriodUs = ext->PeriodUs;
    VideoPortSynchronizeExecution(ext, VpMediumPriority, SetPeriodSynchronized, &set);
    VideoPortStartTimer(ext);
    return TRUE;
}

static VOID FillTextMode(PVIDEO_MODE_INFORMATION Mode)
{
    VideoPortZeroMemory(Mode, sizeof(*Mode));
    Mode->Length = sizeof(*Mode);
    Mode->ModeIndex = 0;
    Mode->VisScreenWidth = 80;
    Mode->VisScreenHeight = 25;
    Mode->ScreenStride = 160;
    Mode->NumberOfPlanes = 1;
    Mode->BitsPerPlane = 4;
    Mode->Frequency = 70;
    Mode->AttributeFlags = VIDEO_MODE_COLOR;
}

/* Completes RequestPacket with Status and, for NO_ERROR, Bytes of output (checked first). */
static BOOLEAN Complete(PVIDEO_REQUEST_PACKET RequestPacket, VP_STATUS Status, ULONG Bytes)
{
    RequestPacket->StatusBlock->Status = Status;
    RequestPacket->StatusBlock->Information = Bytes;
    return TRUE;
}

static BOOLEAN PulseStartIO(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET RequestPacket)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)HwDeviceExtension;
    ULONG out = RequestPacket->OutputBufferLength;

    switch (RequestPacket->IoControlCode) {
    case IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES: {
        PVIDEO_NUM_MODES modes = (PVIDEO_NUM_MODES)RequestPacket->OutputBuffer;
        if (out < sizeof(VIDEO_NUM_MODES)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_NUM_MODES));
        }
        modes->NumModes = 1;
        modes->ModeInformationLength = sizeof(VIDEO_MODE_INFORMATION);
        return Complete(RequestPacket, NO_ERROR, sizeof(VIDEO_NUM_MODES));
    }
    case IOCTL_VIDEO_QUERY_AVAIL_MODES:
    case IOCTL_VIDEO_QUERY_CURRENT_MODE:
        if (out < sizeof(VIDEO_MODE_INFORMATION)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_MODE_INFORMATION));
        }
        FillTextMode((PVIDEO_MODE_INFORMATION)RequestPacket->OutputBuffer);
        return Complete(RequestPacket, NO_ERROR, sizeof(VIDEO_MODE_INFORMATION));
    case IOCTL_VIDEO_SET_CURRENT_MODE: {
        ULONG mode;
        if (RequestPacket->InputBufferLength < sizeof(VIDEO_MODE)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        mode = ((PVIDEO_MODE)RequestPacket->InputBuffer)->RequestedMode & ~(VIDEO_MODE_NO_ZERO_MEMORY | VIDEO_MODE_MAP_MEM_LINEAR);
        if (mode != 0) {
            return Complete(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        ext->CurrentMode = mode;
        return Complete(RequestPacket, NO_ERROR, 0);
    }
    case IOCTL_VIDEO_RESET_DEVICE:
        return Complete(RequestPacket, NO_ERROR, 0);
    case IOCTL_PULSE_QUERY_STATE: {
        PULSE_SNAPSHOT_CONTEXT snap;
        if (out < sizeof(PULSE_STATE)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(PULSE_STATE));
        }
        snap.Extension = ext;
        snap.State = (PPULSE_STATE)RequestPacket->OutputBuffer;
        snap.Reset = FALSE;
        VideoPortSynchronizeExecution(ext, VpMediumPriority, SnapshotSynchronized, &snap);
        snap.State->DpcRuns = ext->DpcRuns;
        snap.State->TimerTicks = ext->TimerTicks;
        return Complete(RequestPacket, NO_ERROR, sizeof(PULSE_STATE));
    }
    case IOCTL_PULSE_SET_PERIOD: {
        PULSE_SET_PERIOD_CONTEXT set;
        if (RequestPacket->InputBufferLength < sizeof(ULONG)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        set.Extension = ext;
        set.PeriodUs = *(PULONG)RequestPacket->InputBuffer;
        if (set.PeriodUs > 0xffff) {
            return Complete(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        VideoPortSynchronizeExecution(ext, VpMediumPriority, SetPeriodSynchronized, &set);
        VideoPortSetRegistryParameters(ext, L"PulsePeriod", &set.PeriodUs, sizeof(ULONG));
        return Complete(RequestPacket, NO_ERROR, 0);
    }
    case IOCTL_PULSE_RESET_COUNTS: {
        PULSE_SNAPSHOT_CONTEXT snap;
        snap.Extension = ext;
        snap.State = NULL;
        snap.Reset = TRUE;
        VideoPortSynchronizeExecution(ext, VpMediumPriority, SnapshotSynchronized, &snap);
        return Complete(RequestPacket, NO_ERROR, 0);
    }
    case IOCTL_PULSE_STALL: {
        PULSE_STATE before, after;
        PULSE_SNAPSHOT_CONTEXT snap;
        ULONG micros;
        if (RequestPacket->InputBufferLength < sizeof(ULONG) || out < sizeof(ULONG)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(ULONG));
        }
        micros = *(PULONG)RequestPacket->InputBuffer;
        if (micros > 1000) {
            return Complete(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        snap.Extension = ext;
        snap.Reset = FALSE;
        snap.State = &before;
        VideoPortSynchronizeExecution(ext, VpMediumPriority, SnapshotSynchronized, &snap);
        VideoPortStallExecution(micros);
        snap.State = &after;
        VideoPortSynchronizeExecution(ext, VpMediumPriority, SnapshotSynchronized, &snap);
        *(PULONG)RequestPacket->OutputBuffer = after.Interrupts - before.Interrupts;
        return Complete(RequestPacket, NO_ERROR, sizeof(ULONG));
    }
    default:
        return Complete(RequestPacket, ERROR_INVALID_FUNCTION, 0);
    }
}

static BOOLEAN PulseResetHw(PVOID HwDeviceExtension, ULONG Columns, ULONG Rows)
{
    PPULSE_EXTENSION ext = (PPULSE_EXTENSION)HwDeviceExtension;
    VideoPortWritePortUchar(ext->Ports + PULSE_CONTROL, 0);
    return TRUE;
}

ULONG DriverEntry(PVOID Context1, PVOID Context2)
{
    VIDEO_HW_INITIALIZATION_DATA init;
    VideoPortZeroMemory(&init, sizeof(init));
    init.HwInitDataSize = sizeof(init);
    init.AdapterInterfaceType = Isa;
    init.HwFindAdapter = PulseFindAdapter;
    init.HwInitialize = PulseInitialize;
    init.HwInterrupt = PulseInterrupt;
    init.HwStartIO = PulseStartIO;
    init.HwResetHw = PulseResetHw;
    init.HwTimer = PulseTimer;
    init.HwDeviceExtensionSize = sizeof(PULSE_EXTENSION);
    return VideoPortInitialize(Context1, Context2, &init, NULL);
}
