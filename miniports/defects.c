/*
 * defects.c - miniports with one defect each, for vidport's bad-input tests. Each build defines
 * exactly one DEFECT_* macro (see CMakeLists.txt); without one it is a correct, minimal miniport
 * on the PulseDevice, which is the negative control.
 *
 *   DEFECT_ENTRY_FAILS      DriverEntry returns an error status
 *   DEFECT_BAD_INIT_SIZE    HwInitDataSize is none of the documented sizes
 *   DEFECT_MISSING_IMPORT   calls a VideoPort function that does not exist
 *   DEFECT_CRASH_<ROUTINE>  dereferences NULL in FIND_ADAPTER, INITIALIZE, START_IO, INTERRUPT,
 *                           DPC, TIMER or SYNCHRONIZE (a synchronize callback)
 *   DEFECT_HANG_START_IO    spins forever in HwVidStartIO without a VideoPort call
 *   DEFECT_HANG_INTERRUPT   spins forever in HwVidInterrupt without a VideoPort call
 *   DEFECT_STORM            an ISR that never claims its level-sensitive line
 *   DEFECT_RANGE_CONFLICT   asks for a second adapter that claims the first one's ports
 *   DEFECT_WINDOW_DEREF     maps the VGA window and stores to it with a plain pointer
 *   DEFECT_SPIN_LOCK_RECURSION  HwVidInitialize holds a spin lock and calls a helper that takes
 *                           it again (a two-sided finding: the second take and the first)
 */
#include <dderror.h>
#include <devioctl.h>
#include <miniport.h>
#include <ntddvdeo.h>
#include <video.h>

#define PORTS 0x300
#define LINE 10

typedef struct _DEFECT_EXTENSION {
    PUCHAR Ports;
    ULONG Adapters;
} DEFECT_EXTENSION, *PDEFECT_EXTENSION;

/* The address every crash defect dereferences; volatile so the compiler keeps the access. */
static volatile ULONG *volatile NullPointer = 0;

/*
 * Not static, since a defect-free build does not call it; never inlined, so the crash report's
 * symbol is this function whatever the compiler.
 */
__attribute__((noinline)) VOID DefectCrash(void) { *NullPointer = 0x5a5a; }

#ifdef DEFECT_MISSING_IMPORT
VIDEOPORT_API VOID VideoPortFrobnicate(PVOID HwDeviceExtension);
#endif

static ULONG AdaptersFound;

#ifndef DEFECT_STORM
static VOID DefectDpc(PVOID HwDeviceExtension, PVOID Context)
{
#ifdef DEFECT_CRASH_DPC
    DefectCrash();
#endif
}
#endif

static BOOLEAN DefectInterrupt(PVOID HwDeviceExtension)
{
    PDEFECT_EXTENSION ext = (PDEFECT_EXTENSION)HwDeviceExtension;
#ifdef DEFECT_CRASH_INTERRUPT
    DefectCrash();
#endif
#ifdef DEFECT_HANG_INTERRUPT
    {
        volatile ULONG spins = 0;
        for (;;) {
            spins++;
        }
    }
#endif
#ifdef DEFECT_STORM
    /* Looks at the device but never acknowledges or claims: the level line stays asserted. */
    VideoPortReadPortUchar(ext->Ports);
    return FALSE;
#else
    if ((VideoPortReadPortUchar(ext->Ports) & 1) == 0) {
        return FALSE;
    }
    VideoPortWritePortUchar(ext->Ports, 0);
    VideoPortQueueDpc(ext, DefectDpc, NULL);
    return TRUE;
#endif
}

static VOID DefectTimer(PVOID HwDeviceExtension)
{
#ifdef DEFECT_CRASH_TIMER
    DefectCrash();
#endif
}

static BOOLEAN DefectSynchronized(PVOID Context)
{
#ifdef DEFECT_CRASH_SYNCHRONIZE
    DefectCrash();
#endif
    return TRUE;
}

static VP_STATUS DefectFindAdapter(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                   PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again)
{
    PDEFECT_EXTENSION ext = (PDEFECT_EXTENSION)HwDeviceExtension;
    VIDEO_ACCESS_RANGE range = {{{PORTS, 0}}, 6, 1, 1, 0};
#ifdef DEFECT_CRASH_FIND_ADAPTER
    DefectCrash();
#endif
    if (VideoPortVerifyAccessRanges(ext, 1, &range) != NO_ERROR) {
        return ERROR_DEV_NOT_EXIST;
    }
    ext->Ports = (PUCHAR)VideoPortGetDeviceBase(ext, range.RangeStart, range.RangeLength, range.RangeInIoSpace);
    ConfigInfo->BusInterruptLevel = LINE;
    ConfigInfo->InterruptMode = LevelSensitive;
    AdaptersFound++;
#ifdef DEFECT_RANGE_CONFLICT
    *Again = AdaptersFound < 2;
#else
    *Again = FALSE;
#endif
    return NO_ERROR;
}

#ifdef DEFECT_SPIN_LOCK_RECURSION
/* Takes the lock its caller already holds: on Windows the processor would spin forever. */
__attribute__((noinline)) static VOID DefectTakeLockAgain(PDEFECT_EXTENSION ext, PSPIN_LOCK lock)
{
    UCHAR again;
    VideoPortAcquireSpinLock(ext, lock, &again);
    VideoPortReleaseSpinLock(ext, lock, again);
}
#endif

static BOOLEAN DefectInitialize(PVOID HwDeviceExtension)
{
    PDEFECT_EXTENSION ext = (PDEFECT_EXTENSION)HwDeviceExtension;
#ifdef DEFECT_CRASH_INITIALIZE
    DefectCrash();
#endif
#ifdef DEFECT_MISSING_IMPORT
    VideoPortFrobnicate(ext);
#endif
#ifdef DEFECT_SPIN_LOCK_RECURSION
    {
        PSPIN_LOCK lock;
        UCHAR old;
        VideoPortCreateSpinLock(ext, &lock);
        VideoPortAcquireSpinLock(ext, lock, &old);
        DefectTakeLockAgain(ext, lock);
        VideoPortReleaseSpinLock(ext, lock, old);
    }
#endif
#ifdef DEFECT_WINDOW_DEREF
    {
        PHYSICAL_ADDRESS vga;
        volatile UCHAR *window;
        vga.QuadPart = 0xA0000;
        window = (volatile UCHAR *)VideoPortGetDeviceBase(ext, vga, 0x10000, 0);
        window[0x10] = 0xff;
    }
#endif
    VideoPortSynchronizeExecution(ext, VpMediumPriority, DefectSynchronized, NULL);
    VideoPortStartTimer(ext);
    /* One interrupt now, so the ISR and the DPC run. */
    VideoPortWritePortUchar(ext->Ports + 4, 1);
    return TRUE;
}

static BOOLEAN DefectStartIO(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET RequestPacket)
{
#ifdef DEFECT_CRASH_START_IO
    DefectCrash();
#endif
#ifdef DEFECT_HANG_START_IO
    {
        volatile ULONG spins = 0;
        for (;;) {
            spins++;
        }
    }
#endif
    RequestPacket->StatusBlock->Status = ERROR_INVALID_FUNCTION;
    RequestPacket->StatusBlock->Information = 0;
    return TRUE;
}

/* Logs its call, so tests can see that vidport never resets the hardware after a crash. */
static BOOLEAN DefectResetHw(PVOID HwDeviceExtension, ULONG Columns, ULONG Rows)
{
    VideoDebugPrint((Info, "defect: HwVidResetHw(%lu, %lu)\n", Columns, Rows));
    return TRUE;
}

ULONG DriverEntry(PVOID Context1, PVOID Context2)
{
    VIDEO_HW_INITIALIZATION_DATA init;
#ifdef DEFECT_ENTRY_FAILS
    return 0xC0000001;
#endif
    VideoPortZeroMemory(&init, sizeof(init));
    init.HwInitDataSize = sizeof(init);
#ifdef DEFECT_BAD_INIT_SIZE
    init.HwInitDataSize = sizeof(init) - 8; /* 136: -4 would be the Windows 2000 size */
#endif
    init.AdapterInterfaceType = Isa;
    init.HwFindAdapter = DefectFindAdapter;
    init.HwInitialize = DefectInitialize;
    init.HwInterrupt = DefectInterrupt;
    init.HwStartIO = DefectStartIO;
    init.HwTimer = DefectTimer;
    init.HwResetHw = DefectResetHw;
    init.HwDeviceExtensionSize = sizeof(DEFECT_EXTENSION);
    return VideoPortInitialize(Context1, Context2, &init, NULL);
}
