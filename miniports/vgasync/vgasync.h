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

#endif
