/*
 * vgasync.c - vidport's sample VGA miniport: a legacy (ISA) miniport whose interrupt service
 * routine and synchronize callbacks share state, written the way the DDK documentation intends.
 *
 * - HwVidFindAdapter claims the VGA ports (3B0-3BB, 3C0-3DF) and the A0000-BFFFF window, maps
 *   them, and asks for the vertical retrace interrupt itself: ISA line 9, level-sensitive (the
 *   VGA holds its line until the ISR acknowledges, so a missing acknowledge is a storm).
 * - HwVidInitialize saves the ROM font from plane 2 and the text palette, then enables the retrace
 *   interrupt. Modes 13h, 12h and 03h are set from vgasync's own register tables (vga_hw.c), and
 *   the font and palette come back whenever it returns to text mode.
 * - HwVidInterrupt claims the interrupt only when Input Status 0 bit 7 says the VGA raised it,
 *   acknowledges through CR11, counts the retrace, and does the work that must happen in vertical
 *   blank: the next queued palette goes to the DAC, a requested pan to the start address. Work too
 *   long for DIRQL (waking a thread that waits for retraces) goes to a DPC.
 * - Everything the ISR shares (the VGASYNC_SHARED block) is touched outside the ISR only inside
 *   VideoPortSynchronizeExecution callbacks, at VGASYNC_SYNC_PRIORITY.
 * - Full-screen DOS programs reach the card through its validator (validator.c): trapped
 *   sequencer and Misc Output writes are checked, sequencer reset brackets are buffered and played
 *   back in one VpHighPriority callback. While such a program owns the card the ISR only
 *   acknowledges the retrace; palette and pan work waits for the display driver's return.
 *
 * Compile-time variants (each built as its own module, see CMakeLists.txt):
 *   VGASYNC_SYNC_PRIORITY=VpHighPriority  the callbacks at high priority (differs under `reactos`)
 *   VGASYNC_BUG_UNSYNCHRONIZED_QUEUE      (a) the palette IOCTL fills the queue without synchronizing
 *   VGASYNC_BUG_PAGED_IN_SYNC             (b) a synchronize callback calls a PAGED_CODE routine
 *   VGASYNC_BUG_SYNC_FROM_ISR             (c) the ISR calls VideoPortSynchronizeExecution
 *   VGASYNC_BUG_NO_ACK                    (d) the ISR never acknowledges the retrace interrupt
 *   VGASYNC_NO_VALIDATION                 the validator lets invalid writes through (the negative
 *                                         control of vidport's device-side predicate)
 *
 * Build: cc -shared -fPIC -fshort-wchar -I<vidport>/include/ddk vgasync.c vga_hw.c validator.c -o vgasync.so
 */
#include <dderror.h>
#include <devioctl.h>
#include <miniport.h>
#include <ntddvdeo.h>
#include <video.h>

#include "validator.h"
#include "vga_hw.h"
#include "vgasync.h"

#ifndef VGASYNC_SYNC_PRIORITY
#define VGASYNC_SYNC_PRIORITY VpMediumPriority
#endif

typedef struct _VGASYNC_PALETTE {
    ULONG First;
    ULONG Count;
    UCHAR Rgb[VGA_DAC_BYTES];
} VGASYNC_PALETTE;

/* The state the ISR shares: changed only in the ISR or in a synchronize callback. */
typedef struct _VGASYNC_SHARED {
    BOOLEAN InCallback;            /* a synchronize callback runs (set by Synchronize's trampoline) */
    ULONG ExclusionViolations;     /* the ISR ran while InCallback was set */
    BOOLEAN RetraceEnabled;        /* the card's retrace interrupt is on */
    ULONG Retraces;
    ULONG PaletteUpdatesApplied;
    ULONG PansApplied;
    ULONG DpcRuns;
    ULONG WaitsCompleted;
    ULONG QueueHead;               /* the palette the ISR writes next */
    ULONG QueueCount;
    VGASYNC_PALETTE Queue[VGASYNC_QUEUE_DEPTH];
    BOOLEAN PanPending;
    ULONG PanStart;
    ULONG StartAddress;
    BOOLEAN WaitArmed;             /* a request waits until Retraces reaches WaitTarget */
    ULONG WaitTarget;
    BOOLEAN WaitSatisfied;         /* the ISR saw WaitTarget; the DPC signals the waiter */
    BOOLEAN FullScreen;            /* a full-screen program drives the registers: the ISR only acknowledges */
    ULONG RetracesDeferred;        /* retraces that came while FullScreen was set */
} VGASYNC_SHARED;

typedef struct _VGASYNC_EXTENSION {
    PUCHAR Io;                     /* ports 3C0-3DF */
    PUCHAR MonoIo;                 /* ports 3B0-3BB, claimed so no one else decodes them */
    PUCHAR Memory;                 /* device window A0000-BFFFF */
    PEVENT RetraceEvent;           /* signaled by the DPC when a wait's retraces came */
    ULONG CurrentMode;             /* a VGASYNC_MODE_* index; StartIO only */
    BOOLEAN FontSaved;
    UCHAR Font[VGA_FONT_BYTES];    /* plane 2 as POST left it */
    UCHAR TextDac[VGA_DAC_BYTES];  /* the DAC as POST left it */
    VGASYNC_SHARED Shared;
    VGASYNC_VALIDATOR Validator;   /* the full-screen validator's state; emulator routines and StartIO only */
} VGASYNC_EXTENSION, *PVGASYNC_EXTENSION;

/* The card's registers and palette in the hardware-state buffer. */
typedef struct _VGASYNC_SAVED_VGA {
    VGA_REGISTERS Registers;
    UCHAR SequencerIndex;
    UCHAR CrtcIndex;
    UCHAR GcIndex;
    UCHAR PelMask;
    UCHAR DacWriteIndex;
    UCHAR Dac[VGA_DAC_BYTES];
} VGASYNC_SAVED_VGA;

/*
 * IOCTL_VIDEO_SAVE/RESTORE_HARDWARE_STATE buffer: the header, the card's registers and DAC, the
 * validator area, then the four 64 KiB planes. The header's offsets say where each part is.
 */
#define VGASYNC_ALIGN8(n) (((n) + 7) & ~(ULONG)7)
#define VGASYNC_STATE_VGA VGASYNC_ALIGN8(sizeof(VIDEO_HARDWARE_STATE_HEADER))
#define VGASYNC_STATE_VALIDATOR (VGASYNC_STATE_VGA + VGASYNC_ALIGN8(sizeof(VGASYNC_SAVED_VGA)))
#define VGASYNC_STATE_PLANES (VGASYNC_STATE_VALIDATOR + VGASYNC_ALIGN8(sizeof(VGASYNC_VALIDATOR_AREA)))
#define VGASYNC_STATE_SIZE (VGASYNC_STATE_PLANES + 4 * VGA_PLANE_BYTES)

#define IO(ext, port) VGA_PORT((ext)->Io, port)

typedef struct _VGASYNC_TRAMPOLINE {
    PVGASYNC_EXTENSION Ext;
    PMINIPORT_SYNCHRONIZE_ROUTINE Routine;
    PVOID Context;
} VGASYNC_TRAMPOLINE;

/* Marks the callback as running, so the ISR can check that it is really excluded. */
static BOOLEAN SynchronizeTrampoline(PVOID Context)
{
    VGASYNC_TRAMPOLINE *t = (VGASYNC_TRAMPOLINE *)Context;
    BOOLEAN result;
    t->Ext->Shared.InCallback = TRUE;
    result = t->Routine(t->Context);
    t->Ext->Shared.InCallback = FALSE;
    return result;
}

/* Every access to VGASYNC_SHARED outside the ISR goes through here. */
static BOOLEAN Synchronize(PVGASYNC_EXTENSION Ext, PMINIPORT_SYNCHRONIZE_ROUTINE Routine, PVOID Context)
{
    VGASYNC_TRAMPOLINE t;
    t.Ext = Ext;
    t.Routine = Routine;
    t.Context = Context;
    return VideoPortSynchronizeExecution(Ext, VGASYNC_SYNC_PRIORITY, SynchronizeTrampoline, &t);
}

/* ---- Retrace interrupt on and off (synchronize callbacks) ---- */

static BOOLEAN SetRetraceSynchronized(PVOID Context);

typedef struct _VGASYNC_RETRACE_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    BOOLEAN Enable;
} VGASYNC_RETRACE_CONTEXT;

/*
 * Turns the card's retrace interrupt on (CR11 bit 5 = 0, bit 4 = 1) or off (bit 5 = 1, bit 4 = 0,
 * which also drops a pending one). Off also forgets queued palettes and a pending pan: they were
 * meant for the mode being left.
 */
static BOOLEAN SetRetraceSynchronized(PVOID Context)
{
    VGASYNC_RETRACE_CONTEXT *ctx = (VGASYNC_RETRACE_CONTEXT *)Context;
    PVGASYNC_EXTENSION ext = ctx->Ext;
    UCHAR index = VideoPortReadPortUchar(IO(ext, VGA_CRTC_INDEX));
    UCHAR cr11;
    VideoPortWritePortUchar(IO(ext, VGA_CRTC_INDEX), VGA_CR_VRETRACE_END);
    cr11 = VideoPortReadPortUchar(IO(ext, VGA_CRTC_DATA));
    if (ctx->Enable) {
        cr11 = (UCHAR)((cr11 & ~VGA_CR11_DISABLE) | VGA_CR11_CLEAR_RELEASED);
    } else {
        cr11 = (UCHAR)((cr11 | VGA_CR11_DISABLE) & ~VGA_CR11_CLEAR_RELEASED);
        ext->Shared.QueueCount = 0;
        ext->Shared.PanPending = FALSE;
        ext->Shared.StartAddress = 0;
    }
    VideoPortWritePortUchar(IO(ext, VGA_CRTC_DATA), cr11);
    VideoPortWritePortUchar(IO(ext, VGA_CRTC_INDEX), index);
    ext->Shared.RetraceEnabled = ctx->Enable;
    return TRUE;
}

static VOID SetRetrace(PVGASYNC_EXTENSION Ext, BOOLEAN Enable)
{
    VGASYNC_RETRACE_CONTEXT ctx;
    ctx.Ext = Ext;
    ctx.Enable = Enable;
    Synchronize(Ext, SetRetraceSynchronized, &ctx);
}

/* ---- The retrace DPC ---- */

typedef struct _VGASYNC_DPC_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    BOOLEAN Signal;
} VGASYNC_DPC_CONTEXT;

static BOOLEAN TakeWaitResultSynchronized(PVOID Context)
{
    VGASYNC_DPC_CONTEXT *ctx = (VGASYNC_DPC_CONTEXT *)Context;
    VGASYNC_SHARED *shared = &ctx->Ext->Shared;
    shared->DpcRuns++;
    ctx->Signal = shared->WaitSatisfied;
    shared->WaitSatisfied = FALSE;
    return TRUE;
}

/* DISPATCH_LEVEL: VideoPortSetEvent is not allowed at DIRQL, so the ISR hands the wake-up here. */
static VOID RetraceDpc(PVOID HwDeviceExtension, PVOID Context)
{
    VGASYNC_DPC_CONTEXT ctx;
    ctx.Ext = (PVGASYNC_EXTENSION)HwDeviceExtension;
    ctx.Signal = FALSE;
    Synchronize(ctx.Ext, TakeWaitResultSynchronized, &ctx);
    if (ctx.Signal) {
        VideoPortSetEvent(ctx.Ext, ctx.Ext->RetraceEvent);
    }
}

/* ---- The ISR ---- */

/* What must happen in vertical blank. Runs in the ISR, under the interrupt lock. */
static BOOLEAN RetraceWork(PVOID Context)
{
    PVGASYNC_EXTENSION ext = (PVGASYNC_EXTENSION)Context;
    VGASYNC_SHARED *shared = &ext->Shared;

    if (shared->InCallback) {
        shared->ExclusionViolations++;
    }
    shared->Retraces++;
    if (shared->FullScreen) {
        /* A full-screen program drives the same index registers (and may be inside a sequencer
         * reset): leave the card alone; palette and pan work waits for the display driver. */
        shared->RetracesDeferred++;
    } else if (shared->PanPending) {
        VideoPortWritePortUchar(IO(ext, VGA_CRTC_INDEX), VGA_CR_START_HIGH);
        VideoPortWritePortUchar(IO(ext, VGA_CRTC_DATA), (UCHAR)(shared->PanStart >> 8));
        VideoPortWritePortUchar(IO(ext, VGA_CRTC_INDEX), VGA_CR_START_LOW);
        VideoPortWritePortUchar(IO(ext, VGA_CRTC_DATA), (UCHAR)(shared->PanStart & 0xFF));
        shared->StartAddress = shared->PanStart;
        shared->PanPending = FALSE;
        shared->PansApplied++;
    }
    if (!shared->FullScreen && shared->QueueCount > 0) {
        const VGASYNC_PALETTE *palette = &shared->Queue[shared->QueueHead];
        VgaHwWriteDac(ext->Io, palette->First, palette->Count, palette->Rgb);
        shared->QueueHead = (shared->QueueHead + 1) % VGASYNC_QUEUE_DEPTH;
        shared->QueueCount--;
        shared->PaletteUpdatesApplied++;
    }
    if (shared->WaitArmed && shared->Retraces >= shared->WaitTarget) {
        shared->WaitArmed = FALSE;
        shared->WaitSatisfied = TRUE;
        /* FALSE means a DPC is already queued; it has not run yet and will see WaitSatisfied. */
        VideoPortQueueDpc(ext, RetraceDpc, NULL);
    }
    return TRUE;
}

#ifndef VGASYNC_BUG_NO_ACK
/* Clears the VGA's interrupt flag (CR11 bit 4 = 0, which releases the line); returns CR11. */
static UCHAR AcknowledgeRetrace(PVGASYNC_EXTENSION Ext)
{
    UCHAR cr11;
    VideoPortWritePortUchar(IO(Ext, VGA_CRTC_INDEX), VGA_CR_VRETRACE_END);
    cr11 = VideoPortReadPortUchar(IO(Ext, VGA_CRTC_DATA));
    VideoPortWritePortUchar(IO(Ext, VGA_CRTC_DATA), (UCHAR)(cr11 & ~VGA_CR11_CLEAR_RELEASED));
    return cr11;
}

/* Arms the interrupt for the next retrace (CR11 bit 4 = 1). */
static VOID RearmRetrace(PVGASYNC_EXTENSION Ext, UCHAR Cr11)
{
    VideoPortWritePortUchar(IO(Ext, VGA_CRTC_INDEX), VGA_CR_VRETRACE_END);
    VideoPortWritePortUchar(IO(Ext, VGA_CRTC_DATA), (UCHAR)(Cr11 | VGA_CR11_CLEAR_RELEASED));
}
#endif

static BOOLEAN VgaSyncInterrupt(PVOID HwDeviceExtension)
{
    PVGASYNC_EXTENSION ext = (PVGASYNC_EXTENSION)HwDeviceExtension;
    UCHAR index;
#ifndef VGASYNC_BUG_NO_ACK
    UCHAR cr11;
#endif

    if ((VideoPortReadPortUchar(IO(ext, VGA_INPUT_STATUS_0)) & VGA_IS0_INTERRUPT) == 0) {
        return FALSE; /* not the VGA's: another device on a shared line */
    }
    /* The interrupted code may be between a CRTC index and data access: put the index back. */
    index = VideoPortReadPortUchar(IO(ext, VGA_CRTC_INDEX));
#ifndef VGASYNC_BUG_NO_ACK
    cr11 = AcknowledgeRetrace(ext);
#endif
#ifdef VGASYNC_BUG_SYNC_FROM_ISR
    /* Bug (c): the ISR already holds the interrupt lock this call takes again. */
    VideoPortSynchronizeExecution(ext, VGASYNC_SYNC_PRIORITY, RetraceWork, ext);
#else
    RetraceWork(ext);
#endif
#ifndef VGASYNC_BUG_NO_ACK
    RearmRetrace(ext, cr11);
#else
    /* Bug (d): the flag stays set and the level-sensitive line stays asserted. */
#endif
    VideoPortWritePortUchar(IO(ext, VGA_CRTC_INDEX), index);
    return TRUE;
}

/* ---- Modes ---- */

/*
 * Sets a mode from vgasync's tables: the retrace interrupt off (synchronized, so the ISR is not
 * using the CRTC), every register loaded with the screen off, memory cleared, the palette loaded,
 * the font put back for text, the screen on, the interrupt on again.
 */
static VOID SetMode(PVGASYNC_EXTENSION Ext, ULONG Mode, BOOLEAN ClearMemory)
{
    const VGASYNC_MODE *mode = &VgaSyncModes[Mode];
    SetRetrace(Ext, FALSE);
    VgaHwLoadRegisters(Ext->Io, mode->Registers);
    if (Mode == VGASYNC_MODE_03H) {
        if (Ext->FontSaved) {
            VgaHwWriteFont(Ext->Io, Ext->Memory, Ext->Font);
        }
        VgaHwClearText(Ext->Memory);
        VgaHwWriteDac(Ext->Io, 0, 256, Ext->TextDac);
    } else {
        if (ClearMemory) {
            VideoPortZeroDeviceMemory(Ext->Memory, mode->WindowLength);
        }
        /* 12h uses DAC entries 0-63 like text mode; 13h starts from the same 256 entries. */
        VgaHwWriteDac(Ext->Io, 0, 256, Ext->TextDac);
    }
    VgaHwScreenOff(Ext->Io, FALSE);
    Ext->CurrentMode = Mode;
    SetRetrace(Ext, TRUE);
}

static VOID FillModeInformation(ULONG Index, PVIDEO_MODE_INFORMATION Info)
{
    const VGASYNC_MODE *mode = &VgaSyncModes[Index];
    VideoPortZeroMemory(Info, sizeof(*Info));
    Info->Length = sizeof(*Info);
    Info->ModeIndex = Index;
    Info->VisScreenWidth = mode->Width;
    Info->VisScreenHeight = mode->Height;
    Info->ScreenStride = mode->Stride;
    Info->NumberOfPlanes = mode->Planes;
    Info->BitsPerPlane = mode->BitsPerPixel;
    Info->Frequency = mode->Frequency;
    Info->XMillimeter = 320;
    Info->YMillimeter = 240;
    Info->NumberRedBits = 6;
    Info->NumberGreenBits = 6;
    Info->NumberBlueBits = 6;
    Info->AttributeFlags = mode->AttributeFlags;
    Info->VideoMemoryBitmapWidth = mode->Width;
    Info->VideoMemoryBitmapHeight = mode->Height;
}

/* ---- Private requests ---- */

typedef struct _VGASYNC_STATS_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    PVGASYNC_STATS Stats;
} VGASYNC_STATS_CONTEXT;

static BOOLEAN ReadStatsSynchronized(PVOID Context)
{
    VGASYNC_STATS_CONTEXT *ctx = (VGASYNC_STATS_CONTEXT *)Context;
    const VGASYNC_SHARED *shared = &ctx->Ext->Shared;
    ctx->Stats->Retraces = shared->Retraces;
    ctx->Stats->PaletteUpdatesApplied = shared->PaletteUpdatesApplied;
    ctx->Stats->PansApplied = shared->PansApplied;
    ctx->Stats->DpcRuns = shared->DpcRuns;
    ctx->Stats->WaitsCompleted = shared->WaitsCompleted;
    ctx->Stats->QueuedPalettes = shared->QueueCount;
    ctx->Stats->StartAddress = shared->StartAddress;
    ctx->Stats->ExclusionViolations = shared->ExclusionViolations;
    return TRUE;
}

typedef struct _VGASYNC_DAC_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    PUCHAR Rgb;
} VGASYNC_DAC_CONTEXT;

/* The ISR moves the DAC's index when it writes a palette: read the DAC with the ISR excluded. */
static BOOLEAN ReadDacSynchronized(PVOID Context)
{
    VGASYNC_DAC_CONTEXT *ctx = (VGASYNC_DAC_CONTEXT *)Context;
    VgaHwReadDac(ctx->Ext->Io, ctx->Rgb);
    return TRUE;
}

typedef struct _VGASYNC_PAN_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    ULONG Start;
} VGASYNC_PAN_CONTEXT;

static BOOLEAN RequestPanSynchronized(PVOID Context)
{
    VGASYNC_PAN_CONTEXT *ctx = (VGASYNC_PAN_CONTEXT *)Context;
    ctx->Ext->Shared.PanStart = ctx->Start;
    ctx->Ext->Shared.PanPending = TRUE;
    return TRUE;
}

typedef struct _VGASYNC_WAIT_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    ULONG Count;
    BOOLEAN Completed;
    ULONG Retraces;
} VGASYNC_WAIT_CONTEXT;

static BOOLEAN ArmWaitSynchronized(PVOID Context)
{
    VGASYNC_WAIT_CONTEXT *ctx = (VGASYNC_WAIT_CONTEXT *)Context;
    VGASYNC_SHARED *shared = &ctx->Ext->Shared;
    shared->WaitTarget = shared->Retraces + ctx->Count;
    shared->WaitArmed = TRUE;
    shared->WaitSatisfied = FALSE;
    return TRUE;
}

static BOOLEAN DisarmWaitSynchronized(PVOID Context)
{
    VGASYNC_WAIT_CONTEXT *ctx = (VGASYNC_WAIT_CONTEXT *)Context;
    VGASYNC_SHARED *shared = &ctx->Ext->Shared;
    shared->WaitArmed = FALSE;
    shared->WaitSatisfied = FALSE;
    if (ctx->Completed) {
        shared->WaitsCompleted++;
    }
    ctx->Retraces = shared->Retraces;
    return TRUE;
}

/* Blocks at PASSIVE_LEVEL until Count more retraces came (see IOCTL_VGASYNC_WAIT_RETRACES). */
static VP_STATUS WaitForRetraces(PVGASYNC_EXTENSION Ext, ULONG Count, PULONG Retraces)
{
    VGASYNC_WAIT_CONTEXT ctx;
    LARGE_INTEGER timeout;
    VP_STATUS status;

    ctx.Ext = Ext;
    ctx.Count = Count;
    ctx.Completed = FALSE;
    VideoPortClearEvent(Ext, Ext->RetraceEvent);
    Synchronize(Ext, ArmWaitSynchronized, &ctx);
    timeout.QuadPart = -((LONGLONG)Count * 100 + 1000) * 10000; /* 100 ns units, relative */
    status = VideoPortWaitForSingleObject(Ext, Ext->RetraceEvent, &timeout);
    ctx.Completed = (status == NO_ERROR);
    Synchronize(Ext, DisarmWaitSynchronized, &ctx);
    *Retraces = ctx.Retraces;
    return ctx.Completed ? NO_ERROR : WAIT_TIMEOUT;
}

/* ---- The palette queue ---- */

typedef struct _VGASYNC_QUEUE_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    const VIDEO_CLUT *Clut;
    BOOLEAN Queued;
} VGASYNC_QUEUE_CONTEXT;

#ifdef VGASYNC_BUG_PAGED_IN_SYNC
/* Bug (b): pageable code, called below from a synchronize callback at raised IRQL. */
static ULONG CountOfEntries(const VIDEO_CLUT *Clut);
#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, CountOfEntries)
#endif
static ULONG CountOfEntries(const VIDEO_CLUT *Clut)
{
    PAGED_CODE();
    return Clut->NumEntries;
}
#else
static ULONG CountOfEntries(const VIDEO_CLUT *Clut)
{
    return Clut->NumEntries;
}
#endif

/* Appends the palette to the ISR's queue; Queued = FALSE when the queue is full. */
static BOOLEAN QueuePaletteSynchronized(PVOID Context)
{
    VGASYNC_QUEUE_CONTEXT *ctx = (VGASYNC_QUEUE_CONTEXT *)Context;
    VGASYNC_SHARED *shared = &ctx->Ext->Shared;
    VGASYNC_PALETTE *slot;
    ULONG i, count = CountOfEntries(ctx->Clut);

    if (shared->QueueCount == VGASYNC_QUEUE_DEPTH) {
        ctx->Queued = FALSE;
        return TRUE;
    }
    slot = &shared->Queue[(shared->QueueHead + shared->QueueCount) % VGASYNC_QUEUE_DEPTH];
    slot->First = ctx->Clut->FirstEntry;
    slot->Count = count;
    for (i = 0; i < count; i++) {
        slot->Rgb[i * 3] = ctx->Clut->LookupTable[i].RgbArray.Red;
        slot->Rgb[i * 3 + 1] = ctx->Clut->LookupTable[i].RgbArray.Green;
        slot->Rgb[i * 3 + 2] = ctx->Clut->LookupTable[i].RgbArray.Blue;
    }
    shared->QueueCount++;
    ctx->Queued = TRUE;
    return TRUE;
}

static VP_STATUS QueuePalette(PVGASYNC_EXTENSION Ext, const VIDEO_CLUT *Clut, ULONG InputLength)
{
    VGASYNC_QUEUE_CONTEXT ctx;
    ULONG header = (ULONG)((const UCHAR *)&Clut->LookupTable[0] - (const UCHAR *)Clut);

    if (InputLength < header || Clut->NumEntries == 0 ||
        InputLength < header + Clut->NumEntries * sizeof(ULONG)) {
        return ERROR_INSUFFICIENT_BUFFER;
    }
    if ((ULONG)Clut->FirstEntry + Clut->NumEntries > 256) {
        return ERROR_INVALID_PARAMETER;
    }
    ctx.Ext = Ext;
    ctx.Clut = Clut;
    ctx.Queued = FALSE;
#ifdef VGASYNC_BUG_UNSYNCHRONIZED_QUEUE
    /* Bug (a): the ISR may be reading the queue on another processor right now. */
    QueuePaletteSynchronized(&ctx);
#else
    Synchronize(Ext, QueuePaletteSynchronized, &ctx);
#endif
    return ctx.Queued ? NO_ERROR : ERROR_BUSY;
}

/* ---- Full-screen sessions ---- */

typedef struct _VGASYNC_FULL_SCREEN_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    BOOLEAN FullScreen;
} VGASYNC_FULL_SCREEN_CONTEXT;

static BOOLEAN SetFullScreenSynchronized(PVOID Context)
{
    VGASYNC_FULL_SCREEN_CONTEXT *ctx = (VGASYNC_FULL_SCREEN_CONTEXT *)Context;
    ctx->Ext->Shared.FullScreen = ctx->FullScreen;
    return TRUE;
}

typedef struct _VGASYNC_SESSION_STATS_CONTEXT {
    PVGASYNC_EXTENSION Ext;
    PVGASYNC_VALIDATOR_STATS Stats;
} VGASYNC_SESSION_STATS_CONTEXT;

/* The ISR's side of a session, for IOCTL_VGASYNC_QUERY_VALIDATOR. */
static BOOLEAN ReadSessionStatsSynchronized(PVOID Context)
{
    VGASYNC_SESSION_STATS_CONTEXT *ctx = (VGASYNC_SESSION_STATS_CONTEXT *)Context;
    ctx->Stats->FullScreen = ctx->Ext->Shared.FullScreen ? 1 : 0;
    ctx->Stats->RetracesDeferred = ctx->Ext->Shared.RetracesDeferred;
    return TRUE;
}

/* Tells the ISR whether a full-screen program owns the registers. */
static VOID SetFullScreen(PVGASYNC_EXTENSION Ext, BOOLEAN FullScreen)
{
    VGASYNC_FULL_SCREEN_CONTEXT ctx;
    ctx.Ext = Ext;
    ctx.FullScreen = FullScreen;
    Synchronize(Ext, SetFullScreenSynchronized, &ctx);
}

/* The display driver's state buffer: at least VGASYNC_STATE_SIZE bytes behind StateHeader. */
static PVIDEO_HARDWARE_STATE_HEADER StateBuffer(PVIDEO_REQUEST_PACKET RequestPacket)
{
    PVIDEO_HARDWARE_STATE state = (PVIDEO_HARDWARE_STATE)RequestPacket->InputBuffer;
    if (RequestPacket->InputBufferLength < sizeof(VIDEO_HARDWARE_STATE) || state->StateHeader == NULL ||
        state->StateLength < VGASYNC_STATE_SIZE) {
        return NULL;
    }
    return state->StateHeader;
}

/* Fills the header's offsets for vgasync's layout (see VGASYNC_STATE_SIZE). */
static VOID DescribeState(PVIDEO_HARDWARE_STATE_HEADER Header)
{
    VideoPortZeroMemory(Header, sizeof(VIDEO_HARDWARE_STATE_HEADER));
    Header->Length = sizeof(VIDEO_HARDWARE_STATE_HEADER);
    Header->BasicSequencerOffset = VGASYNC_STATE_VGA + FIELD_OFFSET(VGASYNC_SAVED_VGA, Registers.Seq);
    Header->BasicCrtContOffset = VGASYNC_STATE_VGA + FIELD_OFFSET(VGASYNC_SAVED_VGA, Registers.Crtc);
    Header->BasicGraphContOffset = VGASYNC_STATE_VGA + FIELD_OFFSET(VGASYNC_SAVED_VGA, Registers.Gc);
    Header->BasicAttribContOffset = VGASYNC_STATE_VGA + FIELD_OFFSET(VGASYNC_SAVED_VGA, Registers.Attr);
    Header->BasicDacOffset = VGASYNC_STATE_VGA + FIELD_OFFSET(VGASYNC_SAVED_VGA, Dac);
    Header->ExtendedMiscDataOffset = VGASYNC_STATE_VGA;
    Header->ExtendedValidatorStateOffset = VGASYNC_STATE_VALIDATOR;
    Header->PlaneLength = VGA_PLANE_BYTES;
    Header->Plane1Offset = VGASYNC_STATE_PLANES;
    Header->Plane2Offset = VGASYNC_STATE_PLANES + VGA_PLANE_BYTES;
    Header->Plane3Offset = VGASYNC_STATE_PLANES + 2 * VGA_PLANE_BYTES;
    Header->Plane4Offset = VGASYNC_STATE_PLANES + 3 * VGA_PLANE_BYTES;
}

/* The index registers a program may be between writing and using. */
static VOID WriteIndexes(PVGASYNC_EXTENSION Ext, const VGASYNC_SAVED_VGA *Vga)
{
    VideoPortWritePortUchar(IO(Ext, VGA_SEQ_INDEX), Vga->SequencerIndex);
    VideoPortWritePortUchar(IO(Ext, VGA_CRTC_INDEX), Vga->CrtcIndex);
    VideoPortWritePortUchar(IO(Ext, VGA_GC_INDEX), Vga->GcIndex);
    VideoPortWritePortUchar(IO(Ext, VGA_DAC_WRITE_INDEX), Vga->DacWriteIndex);
}

/*
 * The user switches away from the full-screen program: keep the card's registers, palette and
 * planes and the validator area (a bracket may be half buffered), then hand the ISR its work
 * back. The ISR only acknowledges until then, so it leaves the DAC and the planes alone.
 * Not kept: the latches and the attribute flip-flop (reset to "index").
 */
static VP_STATUS SaveHardwareState(PVGASYNC_EXTENSION Ext, PVIDEO_REQUEST_PACKET RequestPacket)
{
    PVIDEO_HARDWARE_STATE_HEADER header = StateBuffer(RequestPacket);
    VGASYNC_SAVED_VGA *vga;
    ULONG plane;
    if (header == NULL) {
        return ERROR_INSUFFICIENT_BUFFER;
    }
    DescribeState(header);
    vga = (VGASYNC_SAVED_VGA *)((PUCHAR)header + VGASYNC_STATE_VGA);
    vga->SequencerIndex = VideoPortReadPortUchar(IO(Ext, VGA_SEQ_INDEX));
    vga->CrtcIndex = VideoPortReadPortUchar(IO(Ext, VGA_CRTC_INDEX));
    vga->GcIndex = VideoPortReadPortUchar(IO(Ext, VGA_GC_INDEX));
    vga->PelMask = VideoPortReadPortUchar(IO(Ext, VGA_PEL_MASK));
    vga->DacWriteIndex = VideoPortReadPortUchar(IO(Ext, VGA_DAC_WRITE_INDEX));
    VgaHwReadRegisters(Ext->Io, &vga->Registers);
    VgaHwReadDac(Ext->Io, vga->Dac);
    for (plane = 0; plane < 4; plane++) {
        VgaHwReadPlane(Ext->Io, Ext->Memory, plane, (PUCHAR)header + header->Plane1Offset + plane * VGA_PLANE_BYTES);
    }
    VgaHwRestoreMemoryRegisters(Ext->Io, &vga->Registers);
    WriteIndexes(Ext, vga);
    ValidatorSave(&Ext->Validator, (PUCHAR)header + header->ExtendedValidatorStateOffset);
    SetFullScreen(Ext, FALSE);
    return NO_ERROR;
}

/*
 * Back to the full-screen program: the card as it was saved, then the validator area and trap
 * set. The buffer comes back from the display driver, so it must have vgasync's layout and
 * registers the validator would have let through.
 */
static VP_STATUS RestoreHardwareState(PVGASYNC_EXTENSION Ext, PVIDEO_REQUEST_PACKET RequestPacket)
{
    PVIDEO_HARDWARE_STATE_HEADER header = StateBuffer(RequestPacket);
    VIDEO_HARDWARE_STATE_HEADER expected;
    const VGASYNC_SAVED_VGA *vga;
    VP_STATUS status;
    ULONG plane, i;
    if (header == NULL) {
        return ERROR_INVALID_PARAMETER;
    }
    DescribeState(&expected);
    if (VideoPortCompareMemory(header, &expected, sizeof(expected)) != sizeof(expected)) {
        return ERROR_INVALID_PARAMETER;
    }
    vga = (const VGASYNC_SAVED_VGA *)((PUCHAR)header + VGASYNC_STATE_VGA);
    if (VgaSyncInvalidReason(VGASYNC_REG_MISC, vga->Registers.Misc) != 0) {
        return ERROR_INVALID_PARAMETER;
    }
    for (i = 0; i < 5; i++) {
        if (VgaSyncInvalidReason(i, vga->Registers.Seq[i]) != 0) {
            return ERROR_INVALID_PARAMETER;
        }
    }
    status = ValidatorRestore(&Ext->Validator, (PUCHAR)header + header->ExtendedValidatorStateOffset);
    if (status != NO_ERROR) {
        return status;
    }
    SetFullScreen(Ext, TRUE);
    VgaHwScreenOff(Ext->Io, TRUE);
    for (plane = 0; plane < 4; plane++) {
        VgaHwWritePlane(Ext->Io, Ext->Memory, plane, (PUCHAR)header + header->Plane1Offset + plane * VGA_PLANE_BYTES);
    }
    VgaHwLoadRegisters(Ext->Io, &vga->Registers);
    VgaHwWriteDac(Ext->Io, 0, 256, vga->Dac);
    VideoPortWritePortUchar(IO(Ext, VGA_PEL_MASK), vga->PelMask);
    VgaHwScreenOff(Ext->Io, (vga->Registers.Seq[1] & 0x20) != 0);
    WriteIndexes(Ext, vga);
    SetRetrace(Ext, TRUE); /* VgaHwLoadRegisters left the retrace interrupt off */
    return NO_ERROR;
}

/* ---- HwVidStartIO ---- */

static BOOLEAN Complete(PVIDEO_REQUEST_PACKET RequestPacket, VP_STATUS Status, ULONG Bytes)
{
    RequestPacket->StatusBlock->Status = Status;
    RequestPacket->StatusBlock->Information = Bytes;
    return TRUE;
}

static BOOLEAN VgaSyncStartIO(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET RequestPacket)
{
    PVGASYNC_EXTENSION ext = (PVGASYNC_EXTENSION)HwDeviceExtension;
    ULONG in = RequestPacket->InputBufferLength;
    ULONG out = RequestPacket->OutputBufferLength;

    switch (RequestPacket->IoControlCode) {
    case IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES: {
        PVIDEO_NUM_MODES modes = (PVIDEO_NUM_MODES)RequestPacket->OutputBuffer;
        if (out < sizeof(VIDEO_NUM_MODES)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_NUM_MODES));
        }
        modes->NumModes = VGASYNC_MODE_COUNT;
        modes->ModeInformationLength = sizeof(VIDEO_MODE_INFORMATION);
        return Complete(RequestPacket, NO_ERROR, sizeof(VIDEO_NUM_MODES));
    }
    case IOCTL_VIDEO_QUERY_AVAIL_MODES: {
        ULONG i;
        if (out < VGASYNC_MODE_COUNT * sizeof(VIDEO_MODE_INFORMATION)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, VGASYNC_MODE_COUNT * sizeof(VIDEO_MODE_INFORMATION));
        }
        for (i = 0; i < VGASYNC_MODE_COUNT; i++) {
            FillModeInformation(i, (PVIDEO_MODE_INFORMATION)RequestPacket->OutputBuffer + i);
        }
        return Complete(RequestPacket, NO_ERROR, VGASYNC_MODE_COUNT * sizeof(VIDEO_MODE_INFORMATION));
    }
    case IOCTL_VIDEO_QUERY_CURRENT_MODE:
        if (out < sizeof(VIDEO_MODE_INFORMATION)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_MODE_INFORMATION));
        }
        FillModeInformation(ext->CurrentMode, (PVIDEO_MODE_INFORMATION)RequestPacket->OutputBuffer);
        return Complete(RequestPacket, NO_ERROR, sizeof(VIDEO_MODE_INFORMATION));
    case IOCTL_VIDEO_SET_CURRENT_MODE: {
        ULONG requested, mode;
        if (in < sizeof(VIDEO_MODE)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        requested = ((PVIDEO_MODE)RequestPacket->InputBuffer)->RequestedMode;
        mode = requested & ~(VIDEO_MODE_NO_ZERO_MEMORY | VIDEO_MODE_MAP_MEM_LINEAR);
        if (mode >= VGASYNC_MODE_COUNT) {
            return Complete(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        SetFullScreen(ext, FALSE);
        SetMode(ext, mode, (requested & VIDEO_MODE_NO_ZERO_MEMORY) == 0);
        return Complete(RequestPacket, NO_ERROR, 0);
    }
    case IOCTL_VIDEO_MAP_VIDEO_MEMORY: {
        const VGASYNC_MODE *mode = &VgaSyncModes[ext->CurrentMode];
        PVIDEO_MEMORY_INFORMATION info = (PVIDEO_MEMORY_INFORMATION)RequestPacket->OutputBuffer;
        PHYSICAL_ADDRESS physical;
        ULONG length = mode->WindowLength;
        ULONG inIoSpace = VIDEO_MEMORY_SPACE_MEMORY;
        PVOID virtualAddress;
        VP_STATUS status;
        if (in < sizeof(VIDEO_MEMORY) || out < sizeof(VIDEO_MEMORY_INFORMATION)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VIDEO_MEMORY_INFORMATION));
        }
        virtualAddress = ((PVIDEO_MEMORY)RequestPacket->InputBuffer)->RequestedVirtualAddress;
        physical.QuadPart = 0xA0000 + mode->WindowOffset;
        status = VideoPortMapMemory(ext, physical, &length, &inIoSpace, &virtualAddress);
        if (status != NO_ERROR) {
            return Complete(RequestPacket, status, 0);
        }
        info->VideoRamBase = virtualAddress;
        info->VideoRamLength = length;
        info->FrameBufferBase = virtualAddress;
        info->FrameBufferLength = mode->FrameBufferLength;
        return Complete(RequestPacket, NO_ERROR, sizeof(VIDEO_MEMORY_INFORMATION));
    }
    case IOCTL_VIDEO_UNMAP_VIDEO_MEMORY:
        if (in < sizeof(VIDEO_MEMORY)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        return Complete(RequestPacket,
                        VideoPortUnmapMemory(ext, ((PVIDEO_MEMORY)RequestPacket->InputBuffer)->RequestedVirtualAddress, 0),
                        0);
    case IOCTL_VIDEO_SET_COLOR_REGISTERS:
        return Complete(RequestPacket, QueuePalette(ext, (const VIDEO_CLUT *)RequestPacket->InputBuffer, in), 0);
    case IOCTL_VIDEO_RESET_DEVICE:
        SetFullScreen(ext, FALSE);
        SetMode(ext, VGASYNC_MODE_03H, TRUE);
        return Complete(RequestPacket, NO_ERROR, 0);
    case IOCTL_VIDEO_ENABLE_VDM:
        SetFullScreen(ext, TRUE);
        return Complete(RequestPacket, ValidatorEnable(&ext->Validator), 0);
    case IOCTL_VIDEO_DISABLE_VDM:
        SetFullScreen(ext, FALSE);
        return Complete(RequestPacket, NO_ERROR, 0);
    case IOCTL_VIDEO_SAVE_HARDWARE_STATE:
        return Complete(RequestPacket, SaveHardwareState(ext, RequestPacket), 0);
    case IOCTL_VIDEO_RESTORE_HARDWARE_STATE:
        return Complete(RequestPacket, RestoreHardwareState(ext, RequestPacket), 0);
    case IOCTL_VGASYNC_QUERY_VALIDATOR: {
        VGASYNC_SESSION_STATS_CONTEXT ctx;
        if (out < sizeof(VGASYNC_VALIDATOR_STATS)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VGASYNC_VALIDATOR_STATS));
        }
        ext->Validator.Stats.PendingWrites = ext->Validator.Area.Count;
        ext->Validator.Stats.FullInstalled = ext->Validator.Area.FullInstalled;
        VideoPortMoveMemory(RequestPacket->OutputBuffer, &ext->Validator.Stats, sizeof(VGASYNC_VALIDATOR_STATS));
        ctx.Ext = ext;
        ctx.Stats = (PVGASYNC_VALIDATOR_STATS)RequestPacket->OutputBuffer;
        Synchronize(ext, ReadSessionStatsSynchronized, &ctx);
        return Complete(RequestPacket, NO_ERROR, sizeof(VGASYNC_VALIDATOR_STATS));
    }
    case IOCTL_VGASYNC_QUERY_STATS: {
        VGASYNC_STATS_CONTEXT ctx;
        if (out < sizeof(VGASYNC_STATS)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, sizeof(VGASYNC_STATS));
        }
        ctx.Ext = ext;
        ctx.Stats = (PVGASYNC_STATS)RequestPacket->OutputBuffer;
        Synchronize(ext, ReadStatsSynchronized, &ctx);
        ctx.Stats->CurrentMode = ext->CurrentMode;
        return Complete(RequestPacket, NO_ERROR, sizeof(VGASYNC_STATS));
    }
    case IOCTL_VGASYNC_READ_DAC: {
        VGASYNC_DAC_CONTEXT ctx;
        if (out < VGASYNC_DAC_BYTES) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, VGASYNC_DAC_BYTES);
        }
        ctx.Ext = ext;
        ctx.Rgb = (PUCHAR)RequestPacket->OutputBuffer;
        Synchronize(ext, ReadDacSynchronized, &ctx);
        return Complete(RequestPacket, NO_ERROR, VGASYNC_DAC_BYTES);
    }
    case IOCTL_VGASYNC_SET_PAN: {
        VGASYNC_PAN_CONTEXT ctx;
        if (in < sizeof(ULONG)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        ctx.Ext = ext;
        ctx.Start = *(PULONG)RequestPacket->InputBuffer;
        if (ctx.Start > 0xFFFF) {
            return Complete(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        Synchronize(ext, RequestPanSynchronized, &ctx);
        return Complete(RequestPacket, NO_ERROR, 0);
    }
    case IOCTL_VGASYNC_WAIT_RETRACES: {
        ULONG count, retraces = 0;
        VP_STATUS status;
        if (in < sizeof(ULONG)) {
            return Complete(RequestPacket, ERROR_INSUFFICIENT_BUFFER, 0);
        }
        count = *(PULONG)RequestPacket->InputBuffer;
        if (count == 0 || count > 10000) {
            return Complete(RequestPacket, ERROR_INVALID_PARAMETER, 0);
        }
        status = WaitForRetraces(ext, count, &retraces);
        if (out >= sizeof(ULONG)) {
            *(PULONG)RequestPacket->OutputBuffer = retraces;
            return Complete(RequestPacket, status, status == NO_ERROR ? sizeof(ULONG) : 0);
        }
        return Complete(RequestPacket, status, 0);
    }
    default:
        return Complete(RequestPacket, ERROR_INVALID_FUNCTION, 0);
    }
}

/* ---- Start-up and shutdown ---- */

static VP_STATUS VgaSyncFindAdapter(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                    PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again)
{
    PVGASYNC_EXTENSION ext = (PVGASYNC_EXTENSION)HwDeviceExtension;
    VIDEO_ACCESS_RANGE ranges[3];
    ULONG i;

    VideoPortZeroMemory(ranges, sizeof(ranges));
    ranges[0].RangeStart.QuadPart = 0x3B0;
    ranges[0].RangeLength = 0x0C;
    ranges[1].RangeStart.QuadPart = VGA_IO_BASE;
    ranges[1].RangeLength = 0x20;
    ranges[2].RangeStart.QuadPart = 0xA0000;
    ranges[2].RangeLength = 0x20000;
    for (i = 0; i < 3; i++) {
        ranges[i].RangeInIoSpace = (i < 2);
        ranges[i].RangeVisible = 1;
    }
    *Again = FALSE;
    if (VideoPortVerifyAccessRanges(ext, 3, ranges) != NO_ERROR) {
        return ERROR_DEV_NOT_EXIST;
    }
    ext->MonoIo = (PUCHAR)VideoPortGetDeviceBase(ext, ranges[0].RangeStart, ranges[0].RangeLength, TRUE);
    ext->Io = (PUCHAR)VideoPortGetDeviceBase(ext, ranges[1].RangeStart, ranges[1].RangeLength, TRUE);
    ext->Memory = (PUCHAR)VideoPortGetDeviceBase(ext, ranges[2].RangeStart, ranges[2].RangeLength, FALSE);
    if (ext->MonoIo == NULL || ext->Io == NULL || ext->Memory == NULL) {
        return ERROR_INVALID_PARAMETER;
    }
    /* A VGA keeps the graphics controller's index; nothing on an empty bus does (reads FFh). */
    VideoPortWritePortUchar(IO(ext, VGA_GC_INDEX), 0x08);
    if (VideoPortReadPortUchar(IO(ext, VGA_GC_INDEX)) != 0x08) {
        return ERROR_DEV_NOT_EXIST;
    }
    /* The full-screen validator: every adapter port can trap into it (see validator.h). */
    ext->Validator.Extension = ext;
    ConfigInfo->EmulatorAccessEntries = VgaSyncEmulatorEntries;
    ConfigInfo->NumEmulatorAccessEntries = VgaSyncEmulatorEntryCount;
    ConfigInfo->EmulatorAccessEntriesContext = (ULONG_PTR)&ext->Validator;
    ConfigInfo->HardwareStateSize = VGASYNC_STATE_SIZE;
    ConfigInfo->BusInterruptLevel = VGASYNC_IRQ;
    ConfigInfo->BusInterruptVector = VGASYNC_IRQ;
    ConfigInfo->InterruptMode = LevelSensitive;
    VideoDebugPrint((Info, "vgasync: VGA at ports 3B0/3C0, memory A0000, retrace on line %lu\n", (ULONG)VGASYNC_IRQ));
    return NO_ERROR;
}

static BOOLEAN VgaSyncInitialize(PVOID HwDeviceExtension)
{
    PVGASYNC_EXTENSION ext = (PVGASYNC_EXTENSION)HwDeviceExtension;
    if (VideoPortCreateEvent(ext, SYNCHRONIZATION_EVENT, NULL, &ext->RetraceEvent) != NO_ERROR) {
        return FALSE;
    }
    /* POST left the card in text mode 03h with the ROM font in plane 2: keep both for later. */
    VgaHwReadFont(ext->Io, ext->Memory, ext->Font);
    VgaHwReadDac(ext->Io, ext->TextDac);
    ext->FontSaved = TRUE;
    ext->CurrentMode = VGASYNC_MODE_03H;
    SetRetrace(ext, TRUE);
    return TRUE;
}

/* Back to text mode for whoever takes the screen next (vidport calls it at PASSIVE_LEVEL). */
static BOOLEAN VgaSyncResetHw(PVOID HwDeviceExtension, ULONG Columns, ULONG Rows)
{
    PVGASYNC_EXTENSION ext = (PVGASYNC_EXTENSION)HwDeviceExtension;
    SetMode(ext, VGASYNC_MODE_03H, TRUE);
    SetRetrace(ext, FALSE);
    return TRUE;
}

ULONG DriverEntry(PVOID Context1, PVOID Context2)
{
    VIDEO_HW_INITIALIZATION_DATA init;
    VideoPortZeroMemory(&init, sizeof(init));
    init.HwInitDataSize = sizeof(init);
    init.AdapterInterfaceType = Isa;
    init.HwFindAdapter = VgaSyncFindAdapter;
    init.HwInitialize = VgaSyncInitialize;
    init.HwInterrupt = VgaSyncInterrupt;
    init.HwStartIO = VgaSyncStartIO;
    init.HwResetHw = VgaSyncResetHw;
    init.HwDeviceExtensionSize = sizeof(VGASYNC_EXTENSION);
    return VideoPortInitialize(Context1, Context2, &init, NULL);
}
