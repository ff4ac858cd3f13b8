/*
 * validator.c - vgasync's full-screen validator (see validator.h and docs/fullscreen.md).
 *
 * States: IDLE (Count = 0) and BUFFERING (Count > 0).
 * - IDLE: the narrow set traps only the sequencer and Misc Output. A trapped write is checked and
 *   refused if invalid; a write that starts a synchronous reset installs the full set and becomes
 *   the first buffered write; any other write goes straight to the card.
 * - BUFFERING: every write to any adapter port is checked and refused if invalid, otherwise
 *   appended. Index 0 written with bit 1 set ends the bracket: the batch is played back in one
 *   VpHighPriority callback and the narrow set comes back.
 * - A full buffer, or a read while buffering, plays back early: the batch, then an end-of-reset
 *   (0300h to 3C4h) so the card is never left in reset outside a playback, then the program's
 *   sequencer index. The read then goes to the card, and the batch starts again with a new
 *   start-of-reset (0100h to 3C4h) and the program's index, so the rest of the bracket is again
 *   applied inside reset, to the registers the program selected. (The DDK sample seeds only the
 *   start-of-reset: its next buffered data write then lands on index 0, the reset register.)
 */
#include <dderror.h>
#include <devioctl.h>
#include <miniport.h>
#include <video.h>

#include "validator.h"
#include "vga_hw.h"

#define WIDTH_BYTE 1
#define WIDTH_WORD 2

#define SEQ_RESET 0x00
#define SEQ_MEMORY_MODE 0x04
#define SEQ_RESET_ASYNC_RUNNING 0x01 /* bit 0: 0 = asynchronous reset */
#define SEQ_RESET_SYNC_RUNNING 0x02  /* bit 1: 0 = synchronous reset */
#define SEQ_MEMORY_EXTENDED 0x02
#define SEQ_MEMORY_CHAIN4 0x08

static NTSTATUS ByteRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUCHAR Data, ULONG DataLength);
static NTSTATUS WordRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUSHORT Data);

/* Every adapter port, read and write, for bytes (with string support) and words. */
EMULATOR_ACCESS_ENTRY VgaSyncEmulatorEntries[] = {
    {0x3B0, 0x0C, Uchar, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, TRUE, (PVOID)ByteRoutine},
    {0x3C0, 0x20, Uchar, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, TRUE, (PVOID)ByteRoutine},
    {0x3B0, 0x0C / 2, Ushort, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, FALSE, (PVOID)WordRoutine},
    {0x3C0, 0x20 / 2, Ushort, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, FALSE, (PVOID)WordRoutine},
};
const ULONG VgaSyncEmulatorEntryCount = sizeof(VgaSyncEmulatorEntries) / sizeof(VgaSyncEmulatorEntries[0]);

/* RangeStart, RangeLength, RangeInIoSpace, RangeVisible, RangeShareable. */
static VIDEO_ACCESS_RANGE NarrowSet[] = {
    {{{0x3B0, 0}}, 0x0C, 1, 1, 0},
    {{{0x3C0, 0}}, 0x20, 1, 1, 0},
    {{{VGA_SEQ_INDEX, 0}}, 2, 1, 0, 0},
    {{{VGA_MISC_WRITE, 0}}, 1, 1, 0, 0},
};
static VIDEO_ACCESS_RANGE FullSet[] = {
    {{{0x3B0, 0}}, 0x0C, 1, 0, 0},
    {{{0x3C0, 0}}, 0x20, 1, 0, 0},
};

ULONG VgaSyncInvalidReason(ULONG Register, UCHAR Value)
{
    if (Register == VGASYNC_REG_MISC) {
        return ((Value >> 2) & 3) >= 2 ? VGASYNC_INVALID_CLOCK : 0;
    }
    if (Register == SEQ_RESET) {
        return (Value & SEQ_RESET_ASYNC_RUNNING) == 0 ? VGASYNC_INVALID_ASYNC_RESET : 0;
    }
    if (Register == SEQ_MEMORY_MODE) {
        return (Value & SEQ_MEMORY_CHAIN4) != 0 && (Value & SEQ_MEMORY_EXTENDED) == 0 ? VGASYNC_INVALID_CHAIN4 : 0;
    }
    return 0;
}

/*
 * What one write does to the registers the predicate looks at. The card takes a word as two byte
 * writes, at Port and then Port + 1 (so 0100h to 3C4h is index 0, then 01h to the data port, and
 * a word to 3C3h moves the index). A word writes at most one of these registers.
 */
typedef struct _WRITE_EFFECT {
    BOOLEAN SetsRegister;  /* it gives Register the byte Value */
    ULONG Register;        /* a sequencer index, or VGASYNC_REG_MISC */
    UCHAR Value;
    BOOLEAN SetsIndex;     /* it moves the sequencer index to NewIndex */
    ULONG NewIndex;
} WRITE_EFFECT;

static WRITE_EFFECT EffectOf(ULONG SequencerIndex, ULONG Port, UCHAR Width, ULONG Data)
{
    WRITE_EFFECT e = {FALSE, 0, 0, FALSE, 0}; /* a plain initializer: this runs for every trapped write */
    ULONG index = SequencerIndex;
    ULONG i;
    for (i = 0; i < Width; i++) {
        const ULONG port = Port + i;
        const UCHAR byte = (UCHAR)(Data >> (8 * i));
        if (port == VGA_MISC_WRITE) {
            e.SetsRegister = TRUE;
            e.Register = VGASYNC_REG_MISC;
            e.Value = byte;
        } else if (port == VGA_SEQ_INDEX) {
            index = byte & 0x07; /* the sequencer decodes three index bits */
            e.SetsIndex = TRUE;
            e.NewIndex = index;
        } else if (port == VGA_SEQ_DATA) {
            e.SetsRegister = TRUE;
            e.Register = index;
            e.Value = byte;
        }
    }
    return e;
}

static VOID Install(PVGASYNC_VALIDATOR v, BOOLEAN Full)
{
    VP_STATUS status = Full ? VideoPortSetTrappedEmulatorPorts(v->Extension, 2, FullSet)
                            : VideoPortSetTrappedEmulatorPorts(v->Extension, 4, NarrowSet);
    if (status != NO_ERROR) {
        v->Stats.TrapCallsFailed++;
    }
    v->Area.FullInstalled = Full ? 1 : 0;
}

static VOID WriteAt(ULONG Port, UCHAR Width, ULONG Data)
{
    if (Width == WIDTH_WORD) {
        VideoPortWritePortUshort((PUSHORT)(ULONG_PTR)Port, (USHORT)Data);
    } else {
        VideoPortWritePortUchar((PUCHAR)(ULONG_PTR)Port, (UCHAR)Data);
    }
}

/* The synchronize callback: nonpageable and short; it writes ports and makes no other call. */
static BOOLEAN Playback(PVOID Context)
{
    const VGASYNC_VALIDATOR_AREA *area = (const VGASYNC_VALIDATOR_AREA *)Context;
    ULONG i;
    for (i = 0; i < area->Count; i++) {
        WriteAt(area->Pending[i].Port, area->Pending[i].Width, area->Pending[i].Data);
    }
    return TRUE;
}

static VOID Push(PVGASYNC_VALIDATOR v, ULONG Port, UCHAR Width, ULONG Data)
{
    VGASYNC_PENDING_WRITE *slot = &v->Area.Pending[v->Area.Count++];
    slot->Port = Port;
    slot->Width = Width;
    slot->Data = Data;
}

/* Plays the batch back in one callback at VpHighPriority and empties it. */
static VOID PlayBatch(PVGASYNC_VALIDATOR v)
{
    if (v->Area.Count == 0) {
        return;
    }
    VideoPortSynchronizeExecution(v->Extension, VpHighPriority, Playback, &v->Area);
    v->Stats.Playbacks++;
    v->Stats.PlayedWrites += v->Area.Count;
    v->Stats.LastPlaybackWrites = v->Area.Count;
    v->Area.Count = 0;
}

/* A full buffer or a read: play what is buffered as a closed bracket and put the program's
 * sequencer index back; the caller then seeds a new bracket. */
static VOID PlayEarly(PVGASYNC_VALIDATOR v)
{
    Push(v, VGA_SEQ_INDEX, WIDTH_WORD, ((ULONG)(SEQ_RESET_ASYNC_RUNNING | SEQ_RESET_SYNC_RUNNING) << 8) | SEQ_RESET);
    Push(v, VGA_SEQ_INDEX, WIDTH_BYTE, v->Area.SequencerIndex);
    PlayBatch(v);
    v->Stats.EarlyPlaybacks++;
}

/* Starts the rest of a bracket again: a new start-of-reset, which moves the card's index to 0,
 * then the program's index, which its next buffered data writes were checked against. */
static VOID SeedBracket(PVGASYNC_VALIDATOR v)
{
    Push(v, VGA_SEQ_INDEX, WIDTH_WORD, ((ULONG)SEQ_RESET_ASYNC_RUNNING << 8) | SEQ_RESET);
    Push(v, VGA_SEQ_INDEX, WIDTH_BYTE, v->Area.SequencerIndex);
}

/* Room for the write plus the two writes an early playback appends. (A seeded bracket holds
 * two writes, so there is always room again after one.) */
static VOID MakeRoom(PVGASYNC_VALIDATOR v)
{
    if (v->Area.Count + 3 > VGASYNC_VALIDATOR_DEPTH) {
        PlayEarly(v);
        SeedBracket(v);
    }
}

#ifndef VGASYNC_NO_VALIDATION
/* Reports a refused write; it is never sent or buffered. */
static VOID Refuse(PVGASYNC_VALIDATOR v, ULONG Reason, ULONG Port, ULONG Data)
{
    static const char *const why[] = {
        "",
        "Misc Output selects a dot clock a VGA does not have",
        "the sequencer would enter asynchronous reset",
        "Memory Mode selects chain-4 without extended memory",
    };
    v->Stats.RefusedWrites++;
    VideoPortLogError(v->Extension, NULL, ERROR_INVALID_PARAMETER, VGASYNC_REFUSAL_ID(Reason, Port, Data));
    /* The reason in words once per kind; every refusal is in the logged errors. */
    if ((v->ReasonsPrinted & (1u << Reason)) == 0) {
        v->ReasonsPrinted |= 1u << Reason;
        VideoDebugPrint((Warn, "vgasync: refused %lxh <- %lxh: %s (UniqueId %08lx; later ones are logged errors only)\n",
                         Port, Data, why[Reason], VGASYNC_REFUSAL_ID(Reason, Port, Data)));
    }
}
#endif

static VOID TrappedWrite(PVGASYNC_VALIDATOR v, ULONG Port, UCHAR Width, ULONG Data)
{
    WRITE_EFFECT e = EffectOf(v->Area.SequencerIndex, Port, Width, Data);
    BOOLEAN resetRegister = e.SetsRegister && e.Register == SEQ_RESET;
#ifndef VGASYNC_NO_VALIDATION
    ULONG reason = e.SetsRegister ? VgaSyncInvalidReason(e.Register, e.Value) : 0;
    if (reason != 0) {
        /* Nothing of it reaches the card, not even the index half of a word: the shadow keeps
         * following the card's own index, which is what later data writes will land on. */
        Refuse(v, reason, Port, Data);
        return;
    }
#endif
    if (e.SetsIndex) {
        v->Area.SequencerIndex = e.NewIndex;
    }
    if (v->Area.Count == 0) {
        if (resetRegister && (e.Value & SEQ_RESET_SYNC_RUNNING) == 0) {
            Install(v, TRUE);
            Push(v, Port, Width, Data);
            return;
        }
        v->Stats.PassedWrites++;
        WriteAt(Port, Width, Data);
        return;
    }
    MakeRoom(v);
    Push(v, Port, Width, Data);
    if (resetRegister && (e.Value & SEQ_RESET_SYNC_RUNNING) != 0) {
        PlayBatch(v);
        Install(v, FALSE);
    }
}

static ULONG TrappedRead(PVGASYNC_VALIDATOR v, ULONG Port, UCHAR Width)
{
    BOOLEAN buffering = v->Area.Count != 0;
    ULONG value;
    if (buffering) {
        PlayEarly(v);
    }
    value = Width == WIDTH_WORD ? VideoPortReadPortUshort((PUSHORT)(ULONG_PTR)Port)
                                : VideoPortReadPortUchar((PUCHAR)(ULONG_PTR)Port);
    if (buffering) {
        SeedBracket(v);
    }
    return value;
}

static NTSTATUS ByteRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUCHAR Data, ULONG DataLength)
{
    PVGASYNC_VALIDATOR v = (PVGASYNC_VALIDATOR)Context;
    ULONG i;
    if (DataLength > 1) {
        v->Stats.StringCalls++;
    }
    for (i = 0; i < DataLength; i++) {
        if (AccessMode & EMULATOR_WRITE_ACCESS) {
            TrappedWrite(v, Port, WIDTH_BYTE, Data[i]);
        } else {
            Data[i] = (UCHAR)TrappedRead(v, Port, WIDTH_BYTE);
        }
    }
    return NO_ERROR;
}

static NTSTATUS WordRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUSHORT Data)
{
    PVGASYNC_VALIDATOR v = (PVGASYNC_VALIDATOR)Context;
    if (AccessMode & EMULATOR_WRITE_ACCESS) {
        TrappedWrite(v, Port, WIDTH_WORD, *Data);
    } else {
        *Data = (USHORT)TrappedRead(v, Port, WIDTH_WORD);
    }
    return NO_ERROR;
}

VP_STATUS ValidatorEnable(PVGASYNC_VALIDATOR Validator)
{
    Validator->Area.Count = 0;
    Validator->Area.SequencerIndex = 0;
    Install(Validator, FALSE);
    return NO_ERROR;
}

VOID ValidatorSave(PVGASYNC_VALIDATOR Validator, PVOID Area)
{
    VideoPortMoveMemory(Area, &Validator->Area, sizeof(VGASYNC_VALIDATOR_AREA));
}

static BOOLEAN AdapterPort(ULONG Port)
{
    return (Port >= 0x3B0 && Port <= 0x3BB) || (Port >= 0x3C0 && Port <= 0x3DF);
}

/*
 * A saved area comes back from the display driver's buffer, so it is checked as the writes were:
 * every buffered write must be one vgasync could have buffered (an adapter port, a known width,
 * valid by the predicate). A batch always starts at sequencer index 0 (its first write starts a
 * reset), so the walk's index shadow starts there.
 */
static BOOLEAN AreaValid(const VGASYNC_VALIDATOR_AREA *Area)
{
    ULONG index = 0;
    ULONG i;
    /* Never more than vgasync leaves buffered: room for the two writes an early playback adds. */
    if (Area->Count > VGASYNC_VALIDATOR_DEPTH - 2) {
        return FALSE;
    }
    for (i = 0; i < Area->Count; i++) {
        const VGASYNC_PENDING_WRITE *w = &Area->Pending[i];
        WRITE_EFFECT e;
        if (!AdapterPort(w->Port) || (w->Width != WIDTH_BYTE && w->Width != WIDTH_WORD) ||
            (w->Width == WIDTH_BYTE && w->Data > 0xFF) || w->Data > 0xFFFF) {
            return FALSE;
        }
        e = EffectOf(index, w->Port, w->Width, w->Data);
        if (e.SetsRegister && VgaSyncInvalidReason(e.Register, e.Value) != 0) {
            return FALSE;
        }
        if (e.SetsIndex) {
            index = e.NewIndex;
        }
    }
    return TRUE;
}

VP_STATUS ValidatorRestore(PVGASYNC_VALIDATOR Validator, const VOID *Area)
{
    const VGASYNC_VALIDATOR_AREA *saved = (const VGASYNC_VALIDATOR_AREA *)Area;
    if (!AreaValid(saved)) {
        return ERROR_INVALID_PARAMETER;
    }
    VideoPortMoveMemory(&Validator->Area, (PVOID)saved, sizeof(VGASYNC_VALIDATOR_AREA));
    Validator->Area.SequencerIndex &= 0x07;
    Install(Validator, Validator->Area.FullInstalled != 0);
    return NO_ERROR;
}
