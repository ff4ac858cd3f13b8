/*
 * export_probe.c - a test miniport for VideoPort calls no other rig reaches: device data, child
 * enumeration, DDC, the ROM and VideoPortIsNoVesa. Each private request (export_probe.h) makes one
 * call and reports what the miniport saw.
 *
 * For DDC the miniport's four I2C line callbacks drive a simulated bus: open-drain lines with
 * pull-ups, and, when attached, an EDID EEPROM at address 50h (a DDC2B monitor) that follows the
 * I2C protocol bit by bit: START/STOP, address and word-offset bytes with acknowledges, and
 * sequential reads until the master does not acknowledge.
 */
#include <dderror.h>
#include <devioctl.h>
#include <miniport.h>
#include <ntddvdeo.h>
#include <video.h>

#include "export_probe.h"

enum { BUS_IDLE, BUS_RECEIVE, BUS_SLAVE_ACK, BUS_SEND, BUS_MASTER_ACK };

typedef struct _I2C_BUS {
    UCHAR Scl, MasterSda, SlaveSda;  /* 1: released (high through the pull-up) */
    int Phase, Bits, ExpectAddress, Reading, MasterAcked;
    UCHAR Shift, Offset;
    int MonitorPresent;
    UCHAR Rom[256];
} I2C_BUS;

typedef struct _PROBE_EXTENSION {
    I2C_BUS Bus;
    ULONG CallbackCalls;
    PSPIN_LOCK Lock;
    int CrashingLines;
} PROBE_EXTENSION, *PPROBE_EXTENSION;

static UCHAR SdaLine(const I2C_BUS *bus) { return bus->MasterSda & bus->SlaveSda; }

static void SlaveSendBit(I2C_BUS *bus) { bus->SlaveSda = (bus->Rom[bus->Offset] >> (7 - bus->Bits)) & 1; }

/* The EEPROM reacts to clock edges: it samples on the rising edge and changes its output on the
 * falling edge, as I2C requires. */
static void BusClock(I2C_BUS *bus, UCHAR level)
{
    int rising = !bus->Scl && level, falling = bus->Scl && !level;
    bus->Scl = level;
    if (bus->Phase == BUS_IDLE) {
        return;
    }
    if (rising) {
        if (bus->Phase == BUS_RECEIVE) {
            bus->Shift = (UCHAR)(bus->Shift << 1 | SdaLine(bus));
            bus->Bits++;
        } else if (bus->Phase == BUS_MASTER_ACK) {
            bus->MasterAcked = SdaLine(bus) == 0;
        }
        return;
    }
    if (!falling) {
        return;
    }
    switch (bus->Phase) {
    case BUS_RECEIVE:
        if (bus->Bits < 8) {
            return;
        }
        if (bus->ExpectAddress) {
            if ((bus->Shift >> 1) != 0x50 || !bus->MonitorPresent) {
                bus->Phase = BUS_IDLE;  /* not addressed: no acknowledge */
                return;
            }
            bus->Reading = bus->Shift & 1;
            bus->ExpectAddress = 0;
        } else {
            bus->Offset = bus->Shift;
        }
        bus->SlaveSda = 0;
        bus->Phase = BUS_SLAVE_ACK;
        return;
    case BUS_SLAVE_ACK:
        bus->SlaveSda = 1;
        bus->Bits = 0;
        bus->Shift = 0;
        if (bus->Reading) {
            bus->Phase = BUS_SEND;
            SlaveSendBit(bus);
        } else {
            bus->Phase = BUS_RECEIVE;
        }
        return;
    case BUS_SEND:
        if (++bus->Bits < 8) {
            SlaveSendBit(bus);
        } else {
            bus->SlaveSda = 1;
            bus->Phase = BUS_MASTER_ACK;
        }
        return;
    case BUS_MASTER_ACK:
        if (!bus->MasterAcked) {
            bus->Phase = BUS_IDLE;
            return;
        }
        bus->Offset++;
        bus->Bits = 0;
        bus->Phase = BUS_SEND;
        SlaveSendBit(bus);
        return;
    }
}

/* A data edge while the clock is high is a START (falling) or a STOP (rising). */
static void BusData(I2C_BUS *bus, UCHAR level)
{
    UCHAR before = SdaLine(bus);
    bus->MasterSda = level;
    if (!bus->Scl || before == SdaLine(bus)) {
        return;
    }
    bus->SlaveSda = 1;
    if (before) {
        bus->Phase = BUS_RECEIVE;
        bus->Bits = 0;
        bus->Shift = 0;
        bus->ExpectAddress = 1;
    } else {
        bus->Phase = BUS_IDLE;
    }
}

static VOID ProbeWriteClock(PVOID HwDeviceExtension, UCHAR Data)
{
    BusClock(&((PPROBE_EXTENSION)HwDeviceExtension)->Bus, Data ? 1 : 0);
}

static VOID ProbeWriteData(PVOID HwDeviceExtension, UCHAR Data)
{
    BusData(&((PPROBE_EXTENSION)HwDeviceExtension)->Bus, Data ? 1 : 0);
}

static BOOLEAN ProbeReadClock(PVOID HwDeviceExtension)
{
    return ((PPROBE_EXTENSION)HwDeviceExtension)->Bus.Scl;
}

static BOOLEAN ProbeReadData(PVOID HwDeviceExtension)
{
    if (((PPROBE_EXTENSION)HwDeviceExtension)->CrashingLines) {
        return *(volatile UCHAR *)0;
    }
    return SdaLine(&((PPROBE_EXTENSION)HwDeviceExtension)->Bus);
}

/* Block 0: the EDID header, then a counting pattern, then the checksum byte; block 1: a pattern. */
static void FillMonitor(I2C_BUS *bus, ULONG attached)
{
    static const UCHAR header[8] = {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};
    ULONG i, sum = 0;
    for (i = 0; i < 256; ++i) {
        bus->Rom[i] = i < 8 ? header[i] : (UCHAR)(i * 7 + 3);
    }
    for (i = 0; i < 127; ++i) {
        sum += bus->Rom[i];
    }
    bus->Rom[127] = (UCHAR)(256 - sum % 256);
    if (attached == PROBE_MONITOR_CORRUPT) {
        bus->Rom[127] ^= 0x01;
    }
    bus->MonitorPresent = attached != PROBE_NO_MONITOR;
    bus->Scl = bus->MasterSda = bus->SlaveSda = 1;
    bus->Phase = BUS_IDLE;
}

static VP_STATUS ProbeDeviceDataCallback(PVOID HwDeviceExtension, PVOID Context, VIDEO_DEVICE_DATA_TYPE DeviceDataType,
                                         PVOID Identifier, ULONG IdentifierLength, PVOID ConfigurationData,
                                         ULONG ConfigurationDataLength, PVOID ComponentInformation,
                                         ULONG ComponentInformationLength)
{
    ((PPROBE_EXTENSION)HwDeviceExtension)->CallbackCalls++;
    return NO_ERROR;
}

static VP_STATUS ProbeFindAdapter(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                  PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again)
{
    *Again = FALSE;
    return NO_ERROR;
}

static BOOLEAN ProbeInitialize(PVOID HwDeviceExtension)
{
    return VideoPortCreateSpinLock(HwDeviceExtension, &((PPROBE_EXTENSION)HwDeviceExtension)->Lock) == NO_ERROR;
}

/* Completes a request with `size` bytes of result. */
static VP_STATUS Reply(PVIDEO_REQUEST_PACKET rp, const void *result, ULONG size)
{
    memcpy(rp->OutputBuffer, result, size);
    rp->StatusBlock->Information = size;
    return NO_ERROR;
}

static VP_STATUS ReplyUlong(PVIDEO_REQUEST_PACKET rp, ULONG value)
{
    return Reply(rp, &value, sizeof value);
}

static VP_STATUS ProbeRequest(PPROBE_EXTENSION ext, PVIDEO_REQUEST_PACKET rp)
{
    PVOID in = rp->InputBuffer;
    switch (rp->IoControlCode) {
    case IOCTL_PROBE_GET_DEVICE_DATA: {
        PROBE_DEVICE_DATA result;
        ext->CallbackCalls = 0;
        result.Status = VideoPortGetDeviceData(ext, (VIDEO_DEVICE_DATA_TYPE) * (PULONG)in, ProbeDeviceDataCallback, NULL);
        result.CallbackCalls = ext->CallbackCalls;
        return Reply(rp, &result, sizeof result);
    }
    case IOCTL_PROBE_ENUMERATE_CHILDREN:
        return ReplyUlong(rp, (ULONG)VideoPortEnumerateChildren(ext, NULL));
    case IOCTL_PROBE_DDC: {
        static PROBE_DDC_OUTPUT result;
        PROBE_DDC_INPUT request;
        DDC_CONTROL control;
        memcpy(&request, in, sizeof request);
        FillMonitor(&ext->Bus, request.Attached);
        ext->CrashingLines = request.Attached == PROBE_CRASHING_LINES;
        memset(&control, 0, sizeof control);
        control.Size = sizeof control;
        control.I2CCallbacks.WriteClockLine = ProbeWriteClock;
        control.I2CCallbacks.WriteDataLine = ProbeWriteData;
        control.I2CCallbacks.ReadClockLine = ProbeReadClock;
        control.I2CCallbacks.ReadDataLine = ProbeReadData;
        control.EdidSegment = 0;
        memset(result.Edid, 0xEE, sizeof result.Edid);
        result.Result = VideoPortDDCMonitorHelper(ext, &control, result.Edid, request.BufferSize);
        memcpy(result.Monitor, ext->Bus.Rom, sizeof result.Monitor);
        return Reply(rp, &result, sizeof result);
    }
    case IOCTL_PROBE_GET_ROM_IMAGE:
        return ReplyUlong(rp, VideoPortGetRomImage(ext, NULL, 0, *(PULONG)in) != NULL);
    case IOCTL_PROBE_SCAN_ROM: {
        PHYSICAL_ADDRESS rom = {{0xC0000, 0}};
        PUCHAR base = VideoPortGetDeviceBase(ext, rom, 0x8000, VIDEO_MEMORY_SPACE_MEMORY);
        ULONG found = 0xFFFFFFFF;
        if (base != NULL) {
            found = VideoPortScanRom(ext, base, 0x8000, (PUCHAR)in);
            VideoPortFreeDeviceBase(ext, base);
        }
        return ReplyUlong(rp, found);
    }
    case IOCTL_PROBE_AT_DISPATCH: {
        ULONG which = *(PULONG)in;
        UCHAR old;
        LONG status;
        VideoPortAcquireSpinLock(ext, ext->Lock, &old);
        status = which == PROBE_AT_DISPATCH_GET_DEVICE_DATA
                     ? VideoPortGetDeviceData(ext, VpBusData, ProbeDeviceDataCallback, NULL)
                     : VideoPortEnumerateChildren(ext, NULL);
        VideoPortReleaseSpinLock(ext, ext->Lock, old);
        return ReplyUlong(rp, (ULONG)status);
    }
    case IOCTL_PROBE_BAD_PORT:
        return ReplyUlong(rp, VideoPortReadPortUshort((PUSHORT)(ULONG_PTR)0x12345));
    case IOCTL_PROBE_IS_NO_VESA:
        return ReplyUlong(rp, VideoPortIsNoVesa());
    }
    return ERROR_INVALID_FUNCTION;
}

static BOOLEAN ProbeStartIO(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET RequestPacket)
{
    RequestPacket->StatusBlock->Status = ProbeRequest((PPROBE_EXTENSION)HwDeviceExtension, RequestPacket);
    return TRUE;
}

ULONG DriverEntry(PVOID Context1, PVOID Context2)
{
    VIDEO_HW_INITIALIZATION_DATA init;
    VideoPortZeroMemory(&init, sizeof init);
    init.HwInitDataSize = sizeof init;
    init.AdapterInterfaceType = Isa;
    init.HwFindAdapter = ProbeFindAdapter;
    init.HwInitialize = ProbeInitialize;
    init.HwStartIO = ProbeStartIO;
    init.HwDeviceExtensionSize = sizeof(PROBE_EXTENSION);
    return VideoPortInitialize(Context1, Context2, &init, NULL);
}
