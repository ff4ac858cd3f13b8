/*
 * vidport/vp_int10.h - calling the video BIOS: the legacy VideoPortInt10 and the Int10 interface
 * a miniport obtains from VideoPortQueryServices. Internal: include video.h.
 *
 * Rules for the Int10 interface: the caller sets Size and Version before the query; after it,
 * InterfaceReference(Context) must be called before use and InterfaceDereference(Context) after.
 * Buffers live below 1 MiB and are addressed as segment:offset. IRQL: PASSIVE_LEVEL throughout.
 */
#ifndef VIDPORT_DDK_VP_INT10_H
#define VIDPORT_DDK_VP_INT10_H

#include "vp_base.h"

VIDPORT_BEGIN_C

/* Registers for VideoPortInt10; the BIOS's results come back in the same structure. */
typedef struct _VIDEO_X86_BIOS_ARGUMENTS {
    ULONG Eax;
    ULONG Ebx;
    ULONG Ecx;
    ULONG Edx;
    ULONG Esi;
    ULONG Edi;
    ULONG Ebp;
} VIDEO_X86_BIOS_ARGUMENTS, *PVIDEO_X86_BIOS_ARGUMENTS;

/* Registers for Int10CallBios, which also passes DS and ES for buffers. */
typedef struct _INT10_BIOS_ARGUMENTS {
    ULONG Eax;
    ULONG Ebx;
    ULONG Ecx;
    ULONG Edx;
    ULONG Esi;
    ULONG Edi;
    ULONG Ebp;
    USHORT SegDs;
    USHORT SegEs;
} INT10_BIOS_ARGUMENTS, *PINT10_BIOS_ARGUMENTS;

typedef VP_STATUS (*PINT10_ALLOCATE_BUFFER)(PVOID Context, PUSHORT Seg, PUSHORT Off, PULONG Length);
typedef VP_STATUS (*PINT10_FREE_BUFFER)(PVOID Context, USHORT Seg, USHORT Off);
typedef VP_STATUS (*PINT10_READ_MEMORY)(PVOID Context, USHORT Seg, USHORT Off, PVOID Buffer, ULONG Length);
typedef VP_STATUS (*PINT10_WRITE_MEMORY)(PVOID Context, USHORT Seg, USHORT Off, PVOID Buffer, ULONG Length);
typedef VP_STATUS (*PINT10_CALL_BIOS)(PVOID Context, PINT10_BIOS_ARGUMENTS BiosArguments);

#define VIDEO_PORT_INT10_INTERFACE_VERSION_1 1

/*
 * Begins with the fields of INTERFACE, in the same places, because drivers pass it to
 * VideoPortQueryServices cast to PINTERFACE.
 */
typedef struct _VIDEO_PORT_INT10_INTERFACE {
    USHORT Size;
    USHORT Version;
    PVOID Context;
    PINTERFACE_REFERENCE InterfaceReference;
    PINTERFACE_DEREFERENCE InterfaceDereference;
    PINT10_ALLOCATE_BUFFER Int10AllocateBuffer;
    PINT10_FREE_BUFFER Int10FreeBuffer;
    PINT10_READ_MEMORY Int10ReadMemory;
    PINT10_WRITE_MEMORY Int10WriteMemory;
    PINT10_CALL_BIOS Int10CallBios;
} VIDEO_PORT_INT10_INTERFACE, *PVIDEO_PORT_INT10_INTERFACE;

/*
 * Runs INT 10h with BiosArguments' registers and returns the BIOS's registers in it.
 * NO_ERROR, or ERROR_INVALID_PARAMETER when no BIOS can be called. IRQL: PASSIVE_LEVEL.
 */
VIDEOPORT_API VP_STATUS VideoPortInt10(PVOID HwDeviceExtension, PVIDEO_X86_BIOS_ARGUMENTS BiosArguments);

/* TRUE when the system was told not to use VESA BIOS modes; drivers then skip all VBE calls. */
VIDEOPORT_API BOOLEAN VideoPortIsNoVesa(void);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_INT10_H */
