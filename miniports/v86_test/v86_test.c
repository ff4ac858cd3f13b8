/*
 * v86_test: a VGA miniport that does only what the full-screen path needs, to test that path end
 * to end (docs/fullscreen.md). It is not vgasync and draws nothing.
 *
 * - HwVidFindAdapter claims the VGA ports and lists emulator access entries for 3B0h-3BBh and
 *   3C0h-3DFh: a byte family with string support and a word family, both reading and writing.
 * - IOCTL_VIDEO_ENABLE_VDM empties the batch and installs the Minimal trap set: every VGA port
 *   visible except the sequencer (3C4h/3C5h) and Misc Output (3C2h).
 * - The emulator routines pass single writes through while idle. A write that starts a sequencer
 *   synchronous reset (index 0 written with bit 1 clear), or a Misc Output write selecting clock
 *   2 or 3, installs the Full set (every port traps) and starts a batch. Writes are buffered until
 *   index 0 is written with bit 1 set; the batch is then validated and played back in one
 *   VideoPortSynchronizeExecution(VpHighPriority) callback, or discarded when invalid (a clock
 *   select other than 0 or 1 anywhere in it), and Minimal is installed again.
 * - A full buffer or any read while buffering plays back early, restores the sequencer index,
 *   does the read on the hardware, and seeds the batch again with a word write 0100h to 3C4h so
 *   the rest of the sequence stays inside the reset.
 * - IOCTL_VIDEO_SAVE/RESTORE_HARDWARE_STATE store and reload the validator area (the batch, the
 *   index shadow, which set is installed) after the VIDEO_HARDWARE_STATE_HEADER.
 *
 * Build: cc -shared -fPIC -fshort-wchar -I<vidport>/include/ddk v86_test.c -o v86_test.so
 */
#include <dderror.h>
#include <devioctl.h>
#include <miniport.h>
#include <ntddvdeo.h>
#include <video.h>

#include "v86_test.h"

#define SEQ_INDEX 0x3C4
#define SEQ_DATA 0x3C5
#define MISC_WRITE 0x3C2
#define SEQ_RESET_INDEX 0
#define SEQ_RESET_RUNNING 0x02 /* bit 1 of sequencer index 0: 0 = synchronous reset */

#define WIDTH_UCHAR 1
#define WIDTH_USHORT 2

typedef struct _V86_PENDING {
    ULONG Port;
    UCHAR Width;
    ULONG Data;
} V86_PENDING;

/* The validator area, saved and restored with the hardware state. */
typedef struct _V86_VALIDATOR {
    ULONG Count;
    V86_PENDING Pending[V86_TEST_MAX_PENDING];
    ULONG SequencerIndex;
    ULONG FullInstalled;
} V86_VALIDATOR;

typedef struct _V86_EXTENSION {
    V86_VALIDATOR Validator;
    V86_TEST_STATS Stats;
} V86_EXTENSION, *PV86_EXTENSION;

#define V86_STATE_SIZE (sizeof(VIDEO_HARDWARE_STATE_HEADER) + sizeof(V86_VALIDATOR))

static NTSTATUS ByteRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUCHAR Data, ULONG DataLength);
static NTSTATUS WordRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUSHORT Data);

static EMULATOR_ACCESS_ENTRY g_entries[] = {
    {0x3B0, 0x0C, Uchar, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, TRUE, (PVOID)ByteRoutine},
    {0x3C0, 0x20, Uchar, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, TRUE, (PVOID)ByteRoutine},
    {0x3B0, 0x0C / 2, Ushort, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, FALSE, (PVOID)WordRoutine},
    {0x3C0, 0x20 / 2, Ushort, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, FALSE, (PVOID)WordRoutine},
};

/* RangeStart, RangeLength, RangeInIoSpace, RangeVisible, RangeShareable (NT4 initializers). */
static VIDEO_ACCESS_RANGE g_minimal[] = {
    {{{0x3B0, 0}}, 0x0C, 1, 1, 0},
    {{{0x3C0, 0}}, 0x20, 1, 1, 0},
    {{{SEQ_INDEX, 0}}, 2, 1, 0, 0},
    {{{MISC_WRITE, 0}}, 1, 1, 0, 0},
};
static VIDEO_ACCESS_RANGE g_full[] = {
    {{{0x3B0, 0}}, 0x0C, 1, 0, 0},
    {{{0x3C0, 0}}, 0x20, 1, 0, 0},
};

static void Install(PV86_EXTENSION ext, BOOLEAN full)
{
    VP_STATUS status = full ? VideoPortSetTrappedEmulatorPorts(ext, 2, g_full)
                            : VideoPortSetTrappedEmulatorPorts(ext, 4, g_minimal);
    if (status != NO_ERROR) ext->Stats.TrapCallsFailed++;
    ext->Validator.FullInstalled = full ? 1 : 0;
}

static void WriteAt(ULONG port, UCHAR width, ULONG data)
{
    if (width == WIDTH_USHORT) {
        VideoPortWritePortUshort((PUSHORT)(ULONG_PTR)port, (USHORT)data);
    } else {
        VideoPortWritePortUchar((PUCHAR)(ULONG_PTR)port, (UCHAR)data);
    }
}

/* The synchronize callback: nonpageable, short, port writes only. */
static BOOLEAN Playback(PVOID Context)
{
    PV86_EXTENSION ext = (PV86_EXTENSION)Context;
    ULONG i;
    for (i = 0; i < ext->Validator.Count; i++) {
        WriteAt(ext->Validator.Pending[i].Port, ext->Validator.Pending[i].Width, ext->Validator.Pending[i].Data);
    }
    return TRUE;
}

/* The validator's predicate: a batch is invalid when it selects a clock that does not exist on a
 * plain VGA (Misc Output bits 3-2 = 2 or 3). */
static BOOLEAN BatchValid(const V86_VALIDATOR* v)
{
    ULONG i;
    for (i = 0; i < v->Count; i++) {
        if (v->Pending[i].Port == MISC_WRITE && ((v->Pending[i].Data >> 2) & 3) >= 2) return FALSE;
    }
    return TRUE;
}

static void PlayBatch(PV86_EXTENSION ext)
{
    PAGED_CODE();
    if (ext->Validator.Count == 0) return;
    if (BatchValid(&ext->Validator)) {
        VideoPortSynchronizeExecution(ext, VpHighPriority, Playback, ext);
        ext->Stats.Playbacks++;
        ext->Stats.PlayedEntries += ext->Validator.Count;
        ext->Stats.LastPlaybackCount = ext->Validator.Count;
    } else {
        ext->Stats.Discarded++;
    }
    ext->Validator.Count = 0;
}

static void Push(PV86_EXTENSION ext, ULONG port, UCHAR width, ULONG data)
{
    V86_PENDING* slot = &ext->Validator.Pending[ext->Validator.Count++];
    slot->Port = port;
    slot->Width = width;
    slot->Data = data;
}

/* A full buffer or a read: play back what is buffered now and put the real sequencer index back;
 * the caller then seeds the batch with a new reset so the rest stays inside it. */
static void PlayEarly(PV86_EXTENSION ext)
{
    PlayBatch(ext);
    ext->Stats.EarlyFlushes++;
    VideoPortWritePortUchar((PUCHAR)SEQ_INDEX, (UCHAR)ext->Validator.SequencerIndex);
}

static void SeedReset(PV86_EXTENSION ext) { Push(ext, SEQ_INDEX, WIDTH_USHORT, 0x0100); }

static void Append(PV86_EXTENSION ext, ULONG port, UCHAR width, ULONG data)
{
    if (ext->Validator.Count == V86_TEST_MAX_PENDING) {
        PlayEarly(ext);
        SeedReset(ext);
    }
    Push(ext, port, width, data);
}

static void StartBatch(PV86_EXTENSION ext, ULONG port, UCHAR width, ULONG data)
{
    Install(ext, TRUE);
    ext->Validator.Count = 0;
    Append(ext, port, width, data);
}

static void EndBatch(PV86_EXTENSION ext)
{
    PlayBatch(ext);
    Install(ext, FALSE);
}

/* One trapped write of `width` at `port`. A byte to 3C5h or a word to 3C4h writes a sequencer
 * register: `index` and `value` are then that register and the byte it gets. */
static void TrappedWrite(PV86_EXTENSION ext, ULONG port, UCHAR width, ULONG data)
{
    BOOLEAN touchesSequencer = FALSE;
    ULONG index = ext->Validator.SequencerIndex;
    ULONG value = 0;
    if (port == SEQ_INDEX) {
        ext->Validator.SequencerIndex = data & 0x07;
        index = ext->Validator.SequencerIndex;
        if (width == WIDTH_USHORT) {
            touchesSequencer = TRUE;
            value = (data >> 8) & 0xFF;
        }
    } else if (port == SEQ_DATA && width == WIDTH_UCHAR) {
        touchesSequencer = TRUE;
        value = data & 0xFF;
    }
    BOOLEAN startsReset = touchesSequencer && index == SEQ_RESET_INDEX && (value & SEQ_RESET_RUNNING) == 0;
    BOOLEAN endsReset = touchesSequencer && index == SEQ_RESET_INDEX && (value & SEQ_RESET_RUNNING) != 0;
    BOOLEAN unsafeClock = port == MISC_WRITE && ((data >> 2) & 3) >= 2;

    if (ext->Validator.Count == 0) {
        if (startsReset || unsafeClock) {
            StartBatch(ext, port, width, data);
        } else {
            WriteAt(port, width, data);
        }
        return;
    }
    Append(ext, port, width, data);
    if (endsReset) EndBatch(ext);
}

static ULONG TrappedRead(PV86_EXTENSION ext, ULONG port, UCHAR width)
{
    BOOLEAN buffering = ext->Validator.Count != 0;
    ULONG value;
    if (buffering) PlayEarly(ext);
    value = width == WIDTH_USHORT ? VideoPortReadPortUshort((PUSHORT)(ULONG_PTR)port)
                                  : VideoPortReadPortUchar((PUCHAR)(ULONG_PTR)port);
    if (buffering) SeedReset(ext);
    return value;
}

#ifdef V86_TEST_FAULT_VALUE
/* Volatile so the compiler keeps the access. */
static volatile ULONG *volatile WildPointer = (volatile ULONG *)0x10;
#endif

static NTSTATUS ByteRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUCHAR Data, ULONG DataLength)
{
    PV86_EXTENSION ext = (PV86_EXTENSION)Context;
    ULONG i;
    PAGED_CODE();
    if (DataLength > 1) ext->Stats.StringCalls++;
    if (DataLength > ext->Stats.LongestString) ext->Stats.LongestString = DataLength;
    for (i = 0; i < DataLength; i++) {
#ifdef V86_TEST_FAULT_VALUE
        /* The faulting twin: a write of this value crashes the routine (a wild pointer). */
        if ((AccessMode & EMULATOR_WRITE_ACCESS) && Data[i] == V86_TEST_FAULT_VALUE) *WildPointer = 0;
#endif
        if (AccessMode & EMULATOR_WRITE_ACCESS) {
            TrappedWrite(ext, Port, WIDTH_UCHAR, Data[i]);
        } else {
            Data[i] = (UCHAR)TrappedRead(ext, Port, WIDTH_UCHAR);
        }
    }
    return NO_ERROR;
}

static NTSTATUS WordRoutine(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUSHORT Data)
{
    PV86_EXTENSION ext = (PV86_EXTENSION)Context;
    PAGED_CODE();
    if (AccessMode & EMULATOR_WRITE_ACCESS) {
        TrappedWrite(ext, Port, WIDTH_USHORT, *Data);
    } else {
        *Data = (USHORT)TrappedRead(ext, Port, WIDTH_USHORT);
    }
    return NO_ERROR;
}

static VP_STATUS V86FindAdapter(PVOID HwDeviceExtension, PVOID HwContext, PWSTR ArgumentString,
                                PVIDEO_PORT_CONFIG_INFO ConfigInfo, PUCHAR Again)
{
    VIDEO_ACCESS_RANGE claims[2] = {
        {{{0x3B0, 0}}, 0x0C, 1, 1, 0},
        {{{0x3C0, 0}}, 0x20, 1, 1, 0},
    };
    *Again = FALSE;
    if (VideoPortVerifyAccessRanges(HwDeviceExtension, 2, claims) != NO_ERROR) return ERROR_DEV_NOT_EXIST;
    ConfigInfo->NumEmulatorAccessEntries = sizeof(g_entries) / sizeof(g_entries[0]);
    ConfigInfo->EmulatorAccessEntries = g_entries;
    ConfigInfo->EmulatorAccessEntriesContext = (ULONG_PTR)HwDeviceExtension;
    ConfigInfo->HardwareStateSize = V86_STATE_SIZE;
    return NO_ERROR;
}

static BOOLEAN V86Initialize(PVOID HwDeviceExtension) { return TRUE; }

static VP_STATUS SaveState(PV86_EXTENSION ext, PVIDEO_REQUEST_PACKET rp)
{
    PVIDEO_HARDWARE_STATE state = (PVIDEO_HARDWARE_STATE)rp->InputBuffer;
    if (rp->InputBufferLength < sizeof(VIDEO_HARDWARE_STATE) || state->StateHeader == NULL ||
        state->StateLength < V86_STATE_SIZE) {
        return ERROR_INSUFFICIENT_BUFFER;
    }
    VideoPortZeroMemory(state->StateHeader, sizeof(VIDEO_HARDWARE_STATE_HEADER));
    state->StateHeader->Length = sizeof(VIDEO_HARDWARE_STATE_HEADER);
    state->StateHeader->ExtendedValidatorStateOffset = sizeof(VIDEO_HARDWARE_STATE_HEADER);
    VideoPortMoveMemory((PUCHAR)state->StateHeader + sizeof(VIDEO_HARDWARE_STATE_HEADER), &ext->Validator,
                        sizeof(V86_VALIDATOR));
    return NO_ERROR;
}

static VP_STATUS RestoreState(PV86_EXTENSION ext, PVIDEO_REQUEST_PACKET rp)
{
    PVIDEO_HARDWARE_STATE state = (PVIDEO_HARDWARE_STATE)rp->InputBuffer;
    if (rp->InputBufferLength < sizeof(VIDEO_HARDWARE_STATE) || state->StateHeader == NULL ||
        state->StateLength < V86_STATE_SIZE ||
        state->StateHeader->ExtendedValidatorStateOffset != sizeof(VIDEO_HARDWARE_STATE_HEADER)) {
        return ERROR_INVALID_PARAMETER;
    }
    VideoPortMoveMemory(&ext->Validator, (PUCHAR)state->StateHeader + sizeof(VIDEO_HARDWARE_STATE_HEADER),
                        sizeof(V86_VALIDATOR));
    if (ext->Validator.Count > V86_TEST_MAX_PENDING) ext->Validator.Count = 0;
    Install(ext, ext->Validator.FullInstalled != 0);
    return NO_ERROR;
}

static BOOLEAN V86StartIO(PVOID HwDeviceExtension, PVIDEO_REQUEST_PACKET rp)
{
    PV86_EXTENSION ext = (PV86_EXTENSION)HwDeviceExtension;
    VP_STATUS status = ERROR_INVALID_FUNCTION;
    rp->StatusBlock->Information = 0;
    switch (rp->IoControlCode) {
    case IOCTL_VIDEO_ENABLE_VDM:
        ext->Validator.Count = 0;
        ext->Validator.SequencerIndex = 0;
        Install(ext, FALSE);
        status = NO_ERROR;
        break;
    case IOCTL_VIDEO_SAVE_HARDWARE_STATE:
        status = SaveState(ext, rp);
        break;
    case IOCTL_VIDEO_RESTORE_HARDWARE_STATE:
        status = RestoreState(ext, rp);
        break;
    case IOCTL_V86_TEST_QUERY_STATS:
        if (rp->OutputBufferLength < sizeof(V86_TEST_STATS)) {
            status = ERROR_INSUFFICIENT_BUFFER;
            break;
        }
        ext->Stats.PendingCount = ext->Validator.Count;
        ext->Stats.FullInstalled = ext->Validator.FullInstalled;
        VideoPortMoveMemory(rp->OutputBuffer, &ext->Stats, sizeof(V86_TEST_STATS));
        rp->StatusBlock->Information = sizeof(V86_TEST_STATS);
        status = NO_ERROR;
        break;
    default:
        break;
    }
    rp->StatusBlock->Status = status;
    return TRUE;
}

ULONG DriverEntry(PVOID Context1, PVOID Context2)
{
    VIDEO_HW_INITIALIZATION_DATA init;
    VideoPortZeroMemory(&init, sizeof(init));
    init.HwInitDataSize = sizeof(init);
    init.AdapterInterfaceType = Isa;
    init.HwFindAdapter = V86FindAdapter;
    init.HwInitialize = V86Initialize;
    init.HwStartIO = V86StartIO;
    init.HwDeviceExtensionSize = sizeof(V86_EXTENSION);
    return VideoPortInitialize(Context1, Context2, &init, NULL);
}
