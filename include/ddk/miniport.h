/*
 * miniport.h - what every miniport driver (not only video) sees: the NT base types, bus and
 * interrupt kinds, the INTERFACE header, and the V86 emulator's port-trapping types.
 *
 * It also supplies what Microsoft's compiler and build environment give a driver implicitly:
 * memcpy/memmove/memset/memcmp, ASSERT, PAGED_CODE() and ALLOC_PRAGMA. It deliberately does not
 * define LOWORD, HIWORD, PAGE_SIZE or UNIMPLEMENTED: real drivers define those themselves.
 */
#ifndef VIDPORT_DDK_MINIPORT_H
#define VIDPORT_DDK_MINIPORT_H

#include "ntdef.h"
#include "vidport/crt.h"
#include "vidport/irql.h"

/*
 * Free-build assertions: the expression is type-checked but never evaluated, as in a Windows
 * release build, so variables used only by assertions do not trip -Wunused.
 */
#define ASSERT(exp) ((void)sizeof(!(exp)))
#define ASSERTMSG(msg, exp) ((void)sizeof(!(exp)))

/* Nothing is paged out in user space, so the pageable-code check has nothing to check. */
#define PAGED_CODE()

/*
 * Drivers guard `#pragma alloc_text` and `#pragma code_seg` with ALLOC_PRAGMA, which Microsoft's
 * build defines. vidport defines it too; ntdef.h tells the C compiler to ignore pragmas it does
 * not know, so those sections compile as on Windows, with code placement meaning nothing here.
 */
#ifndef __cplusplus
#define ALLOC_PRAGMA 1
#define ALLOC_DATA_PRAGMA 1
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The bus an adapter sits on; the numbering is Windows'. */
typedef enum _INTERFACE_TYPE {
    InterfaceTypeUndefined = -1,
    Internal = 0,
    Isa = 1,
    Eisa = 2,
    MicroChannel = 3,
    TurboChannel = 4,
    PCIBus = 5,
    VMEBus = 6,
    NuBus = 7,
    PCMCIABus = 8,
    CBus = 9,
    MPIBus = 10,
    MPSABus = 11,
    ProcessorInternal = 12,
    InternalPowerBus = 13,
    PNPISABus = 14,
    PNPBus = 15,
    Vmcs = 16,
    ACPIBus = 17,
    MaximumInterfaceType
} INTERFACE_TYPE, *PINTERFACE_TYPE;

/* LevelSensitive lines are re-delivered while asserted; Latched lines fire once per edge. */
typedef enum _KINTERRUPT_MODE {
    LevelSensitive = 0,
    Latched = 1
} KINTERRUPT_MODE;

typedef enum _DMA_WIDTH {
    Width8Bits,
    Width16Bits,
    Width32Bits,
    MaximumDmaWidth
} DMA_WIDTH, *PDMA_WIDTH;

typedef enum _DMA_SPEED {
    Compatible,
    TypeA,
    TypeB,
    TypeC,
    TypeF,
    MaximumDmaSpeed
} DMA_SPEED, *PDMA_SPEED;

/*
 * The common header of every interface a driver queries from another (for video: the Int10
 * interface). The provider fills it; the consumer calls InterfaceReference/Dereference with
 * Context to keep the provider alive while it uses the interface.
 */
typedef VOID (*PINTERFACE_REFERENCE)(PVOID Context);
typedef VOID (*PINTERFACE_DEREFERENCE)(PVOID Context);

typedef struct _INTERFACE {
    USHORT Size;
    USHORT Version;
    PVOID Context;
    PINTERFACE_REFERENCE InterfaceReference;
    PINTERFACE_DEREFERENCE InterfaceDereference;
} INTERFACE, *PINTERFACE;

/*
 * Port trapping for the x86 full-screen VDM. A miniport lists the ports it validates in
 * EMULATOR_ACCESS_ENTRY records; NumConsecutivePorts counts ports of the entry's access width.
 * The handler for an entry receives the EmulatorAccessEntriesContext, the port, the direction
 * (EMULATOR_READ_ACCESS or EMULATOR_WRITE_ACCESS) and the data; the *_STRING handlers receive a
 * whole REP INS/OUTS, DataLength counting elements. Handlers return a VP_STATUS.
 */
typedef enum _EMULATOR_PORT_ACCESS_TYPE {
    Uchar,
    Ushort,
    Ulong
} EMULATOR_PORT_ACCESS_TYPE, *PEMULATOR_PORT_ACCESS_TYPE;

#define EMULATOR_READ_ACCESS  0x01
#define EMULATOR_WRITE_ACCESS 0x02

typedef struct _EMULATOR_ACCESS_ENTRY {
    ULONG BasePort;
    ULONG NumConsecutivePorts;
    EMULATOR_PORT_ACCESS_TYPE AccessType;
    UCHAR AccessMode;
    UCHAR StringSupport;
    PVOID Routine;
} EMULATOR_ACCESS_ENTRY, *PEMULATOR_ACCESS_ENTRY;

typedef NTSTATUS (*PDRIVER_IO_PORT_UCHAR)(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUCHAR Data);
typedef NTSTATUS (*PDRIVER_IO_PORT_UCHAR_STRING)(ULONG_PTR Context, ULONG Port, UCHAR AccessMode,
                                                 PUCHAR Data, ULONG DataLength);
typedef NTSTATUS (*PDRIVER_IO_PORT_USHORT)(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PUSHORT Data);
typedef NTSTATUS (*PDRIVER_IO_PORT_USHORT_STRING)(ULONG_PTR Context, ULONG Port, UCHAR AccessMode,
                                                  PUSHORT Data, ULONG DataLength);
typedef NTSTATUS (*PDRIVER_IO_PORT_ULONG)(ULONG_PTR Context, ULONG Port, UCHAR AccessMode, PULONG Data);
typedef NTSTATUS (*PDRIVER_IO_PORT_ULONG_STRING)(ULONG_PTR Context, ULONG Port, UCHAR AccessMode,
                                                 PULONG Data, ULONG DataLength);

#ifdef __cplusplus
}
#endif

#endif /* VIDPORT_DDK_MINIPORT_H */
