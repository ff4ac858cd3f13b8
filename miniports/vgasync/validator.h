/*
 * validator.h - vgasync's full-screen validator: the emulator routines that see a full-screen DOS
 * program's trapped port I/O, buffer what must reach the card as a unit, refuse what would hang
 * or stop it, and play the rest back inside VideoPortSynchronizeExecution(VpHighPriority).
 * The policy, the predicate and a diagram are in docs/fullscreen.md; the reason codes and the
 * UniqueId layout of refused writes are in vgasync.h.
 *
 * Rules for the validator:
 * - The emulator routines run at PASSIVE_LEVEL, one at a time with HwVidStartIO (vidport calls
 *   them on the processor that runs requests), so the validator area needs no lock of its own.
 *   Only the playback callback touches the card at DIRQL; it writes ports and nothing else.
 * - ValidatorEnable, ValidatorSave and ValidatorRestore are called from HwVidStartIO.
 * - Built with VGASYNC_NO_VALIDATION, nothing is ever refused (the negative control of vidport's
 *   device-side predicate): invalid writes then reach the card.
 */
#ifndef VIDPORT_MINIPORTS_VGASYNC_VALIDATOR_H
#define VIDPORT_MINIPORTS_VGASYNC_VALIDATOR_H

#include <miniport.h>
#include <video.h>

#include "vgasync.h"

/* One buffered write: its absolute port, width (1 byte, 2 word) and data. */
typedef struct _VGASYNC_PENDING_WRITE {
    ULONG Port;
    UCHAR Width;
    ULONG Data;
} VGASYNC_PENDING_WRITE;

/*
 * The validator area: everything a switch away must keep, position independent (no pointers),
 * saved after the VIDEO_HARDWARE_STATE_HEADER at ExtendedValidatorStateOffset.
 */
typedef struct _VGASYNC_VALIDATOR_AREA {
    ULONG Count;                                        /* buffered writes */
    VGASYNC_PENDING_WRITE Pending[VGASYNC_VALIDATOR_DEPTH];
    ULONG SequencerIndex;                               /* what the program last wrote to 3C4h */
    ULONG FullInstalled;                                /* 1 while every adapter port traps */
} VGASYNC_VALIDATOR_AREA;

typedef struct _VGASYNC_VALIDATOR {
    PVOID Extension;        /* the HwDeviceExtension, for the VideoPort calls */
    VGASYNC_VALIDATOR_AREA Area;
    VGASYNC_VALIDATOR_STATS Stats;
    ULONG ReasonsPrinted;   /* bit n: reason n was described with VideoDebugPrint once */
} VGASYNC_VALIDATOR, *PVGASYNC_VALIDATOR;

/* The emulator access entries HwVidFindAdapter lists (EmulatorAccessEntriesContext = &Validator). */
extern EMULATOR_ACCESS_ENTRY VgaSyncEmulatorEntries[];
extern const ULONG VgaSyncEmulatorEntryCount;

/*
 * The documented "invalid" predicate over one write to a trapped register: Register is
 * VGASYNC_REG_MISC or a sequencer index (0-4), Value the byte it gets. Returns 0 when the write
 * is safe, otherwise a VGASYNC_INVALID_* reason. Pure; any IRQL.
 */
ULONG VgaSyncInvalidReason(ULONG Register, UCHAR Value);

/* IOCTL_VIDEO_ENABLE_VDM: forgets any batch and installs the narrow trap set. */
VP_STATUS ValidatorEnable(PVGASYNC_VALIDATOR Validator);
/* Copies the validator area to/from Area (sizeof(VGASYNC_VALIDATOR_AREA) bytes). Restore
 * reinstalls the trap set that was installed when it was saved; a damaged area (a count past the
 * buffer) is refused with ERROR_INVALID_PARAMETER and changes nothing. */
VOID ValidatorSave(PVGASYNC_VALIDATOR Validator, PVOID Area);
VP_STATUS ValidatorRestore(PVGASYNC_VALIDATOR Validator, const VOID *Area);

#endif
