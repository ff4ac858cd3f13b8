/*
 * vgasync.h - the private interface of vgasync, vidport's sample VGA miniport: its modes and the
 * IOCTLs a display driver written for it (or a scenario, or a test) sends. Shared with vidport's
 * tests and `vidport run`.
 */
#ifndef VIDPORT_MINIPORTS_VGASYNC_H
#define VIDPORT_MINIPORTS_VGASYNC_H

/* The ISA line of the VGA's vertical retrace interrupt on vidport's PC (IRQ 9). */
#define VGASYNC_IRQ 9

/* The modes, in the order IOCTL_VIDEO_QUERY_AVAIL_MODES returns them (ModeIndex). */
#define VGASYNC_MODE_13H 0 /* 320x200, 256 colours, chain-4: the display driver's first mode */
#define VGASYNC_MODE_12H 1 /* 640x480, 16 colours, planar */
#define VGASYNC_MODE_03H 2 /* 80x25 text, the mode POST left the card in */
#define VGASYNC_MODE_COUNT 3

/* Palettes queued by IOCTL_VIDEO_SET_COLOR_REGISTERS and not yet written by the ISR. */
#define VGASYNC_QUEUE_DEPTH 8

/*
 * IOCTL_VIDEO_SET_COLOR_REGISTERS (standard) queues its VIDEO_CLUT; the ISR writes one queued
 * palette to the DAC at each vertical retrace, so the change never tears. Components are 6-bit
 * DAC values (the modes report NumberRedBits = 6). ERROR_BUSY while VGASYNC_QUEUE_DEPTH palettes
 * wait: wait a retrace and send it again.
 */

/* Output: VGASYNC_STATS. ERROR_INSUFFICIENT_BUFFER (Information = sizeof(VGASYNC_STATS)) if smaller. */
#define IOCTL_VGASYNC_QUERY_STATS    CTL_CODE(FILE_DEVICE_VIDEO, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
/*
 * Input: ULONG CRTC start address (0..0xFFFF, in the mode's CRTC address units: 13h counts
 * 4-byte units, 80 per scan line). Applied by the ISR at the next vertical retrace.
 */
#define IOCTL_VGASYNC_SET_PAN        CTL_CODE(FILE_DEVICE_VIDEO, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
/*
 * Input: ULONG count (1..10000). Returns after that many more vertical retraces: the ISR counts
 * them and queues a DPC, which signals the event this request waits on. Optional output: ULONG,
 * the retrace counter when the wait ended. WAIT_TIMEOUT if they did not come within
 * count x 100 ms + 1 s of clock time (the retrace interrupt is off, or the mode has none).
 */
#define IOCTL_VGASYNC_WAIT_RETRACES  CTL_CODE(FILE_DEVICE_VIDEO, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)

/*
 * Output: VGA_DAC_BYTES (768) bytes, the 256 DAC entries (6-bit R, G, B). The DAC's index state
 * is shared with the ISR's palette writes, so it is read inside a synchronize callback.
 */
#define IOCTL_VGASYNC_READ_DAC       CTL_CODE(FILE_DEVICE_VIDEO, 0x803, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define VGASYNC_DAC_BYTES 768

typedef struct _VGASYNC_STATS {
    ULONG Retraces;               /* vertical retrace interrupts claimed by the ISR */
    ULONG PaletteUpdatesApplied;  /* queued palettes the ISR wrote to the DAC */
    ULONG PansApplied;            /* start-address changes the ISR made */
    ULONG DpcRuns;                /* retrace DPCs run */
    ULONG WaitsCompleted;         /* IOCTL_VGASYNC_WAIT_RETRACES requests that ended by their count */
    ULONG QueuedPalettes;         /* palettes waiting for a retrace now */
    ULONG StartAddress;           /* the start address the ISR last wrote */
    ULONG CurrentMode;            /* ModeIndex */
    /*
     * Times the ISR found a synchronize callback of this adapter running: 0 whenever
     * VideoPortSynchronizeExecution excludes the ISR as documented.
     */
    ULONG ExclusionViolations;
} VGASYNC_STATS, *PVGASYNC_STATS;

/*
 * ---- The full-screen validator (docs/fullscreen.md) ----
 *
 * While a full-screen DOS program owns the card (IOCTL_VIDEO_ENABLE_VDM, or RESTORE_HARDWARE_STATE
 * coming back to it), the sequencer (3C4h/3C5h) and Misc Output (3C2h) trap into vgasync. A
 * sequencer synchronous-reset bracket (index 0 written with bit 1 clear ... index 0 written with
 * bit 1 set) is buffered with every port trapped, then played back in one
 * VideoPortSynchronizeExecution(VpHighPriority) callback. Every trapped write is checked against
 * the predicate below first; an invalid one is refused: it never reaches the card, and vgasync
 * reports it with VideoPortLogError(ERROR_INVALID_PARAMETER, VGASYNC_REFUSAL_ID(...)).
 */
#define VGASYNC_VALIDATOR_DEPTH 100 /* buffered writes before an early playback */

/* The registers the predicate looks at: sequencer indexes 0-4, and Misc Output. */
#define VGASYNC_REG_MISC 0xFF

/* Why a write is invalid (the predicate; 0 = valid). */
#define VGASYNC_INVALID_CLOCK       1 /* Misc Output bits 3-2 = 10b or 11b: a clock a VGA does not have */
#define VGASYNC_INVALID_ASYNC_RESET 2 /* Sequencer 00h bit 0 = 0: an asynchronous reset, which stops the
                                         card at once and may lose video memory; it also covers ending a
                                         bracket (bit 1 set) with the sequencer still held in reset */
#define VGASYNC_INVALID_CHAIN4      3 /* Sequencer 04h with Chain 4 (bit 3) but not Extended Memory (bit 1):
                                         chain-4 addressing of a 64 KiB card, which shows nothing */

/*
 * VideoPortLogError's UniqueId for a refused write: bits 31-28 the reason, 27-16 the port
 * (3C2h, 3C4h or 3C5h), 15-0 the data as the program wrote it (a byte, or a word to 3C4h:
 * index in the low byte, value in the high byte).
 */
#define VGASYNC_REFUSAL_ID(reason, port, data) \
    ((ULONG)(((ULONG)(reason) << 28) | (((ULONG)(port) & 0xFFF) << 16) | ((ULONG)(data) & 0xFFFF)))
#define VGASYNC_REFUSAL_REASON(id) ((ULONG)(id) >> 28)
#define VGASYNC_REFUSAL_PORT(id)   (((ULONG)(id) >> 16) & 0xFFF)
#define VGASYNC_REFUSAL_DATA(id)   ((ULONG)(id) & 0xFFFF)

typedef struct _VGASYNC_VALIDATOR_STATS {
    ULONG Playbacks;          /* synchronize callbacks that played a batch back */
    ULONG PlayedWrites;       /* port writes those callbacks made */
    ULONG LastPlaybackWrites; /* of the latest playback */
    ULONG EarlyPlaybacks;     /* forced by a full buffer or a read inside a bracket */
    ULONG PassedWrites;       /* trapped writes sent straight on outside a bracket */
    ULONG RefusedWrites;      /* trapped writes refused by the predicate */
    ULONG StringCalls;        /* string routine calls with more than one element */
    ULONG PendingWrites;      /* buffered now */
    ULONG FullInstalled;      /* 1 while every adapter port traps */
    ULONG TrapCallsFailed;    /* VideoPortSetTrappedEmulatorPorts calls that failed */
    ULONG FullScreen;         /* 1 while a full-screen program owns the card (the ISR only acknowledges) */
    ULONG RetracesDeferred;   /* retraces whose palette and pan work waited for the display driver */
} VGASYNC_VALIDATOR_STATS, *PVGASYNC_VALIDATOR_STATS;

/* Output: VGASYNC_VALIDATOR_STATS. */
#define IOCTL_VGASYNC_QUERY_VALIDATOR CTL_CODE(FILE_DEVICE_VIDEO, 0x804, METHOD_BUFFERED, FILE_ANY_ACCESS)

#endif
