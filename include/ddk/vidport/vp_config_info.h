/*
 * vidport/vp_config_info.h - what a miniport learns about, and claims for, its adapter:
 * VIDEO_ACCESS_RANGE and VIDEO_PORT_CONFIG_INFO. Internal: include video.h.
 */
#ifndef VIDPORT_DDK_VP_CONFIG_INFO_H
#define VIDPORT_DDK_VP_CONFIG_INFO_H

#include "vp_base.h"

VIDPORT_BEGIN_C

/*
 * One range of ports or memory an adapter decodes. NT4 miniports initialize only the first five
 * fields, which is why RangePassive comes last. RangeVisible matters only to
 * VideoPortSetTrappedEmulatorPorts; RangePassive flags passive or 10-bit-decoded ranges.
 */
typedef struct _VIDEO_ACCESS_RANGE {
    PHYSICAL_ADDRESS RangeStart;
    ULONG RangeLength;
    UCHAR RangeInIoSpace;
    UCHAR RangeVisible;
    UCHAR RangeShareable;
    UCHAR RangePassive;
} VIDEO_ACCESS_RANGE, *PVIDEO_ACCESS_RANGE;

/* Looks up another VideoPort export by name; NULL if there is none. */
typedef PVOID (*PVIDEO_PORT_GET_PROC_ADDRESS)(PVOID HwDeviceExtension, PUCHAR FunctionName);

/*
 * Filled by VideoPort before HwVidFindAdapter and completed by it. The miniport sets the
 * interrupt fields (an interrupt is connected only if BusInterruptLevel or BusInterruptVector is
 * non-zero), the emulator entries and VDM window (x86 full-screen VDM support), and
 * HardwareStateSize. Length tells the miniport which version of this structure it got.
 */
typedef struct _VIDEO_PORT_CONFIG_INFO {
    ULONG Length;
    ULONG SystemIoBusNumber;
    INTERFACE_TYPE AdapterInterfaceType;
    ULONG BusInterruptLevel;
    ULONG BusInterruptVector;
    KINTERRUPT_MODE InterruptMode;
    ULONG NumEmulatorAccessEntries;
    PEMULATOR_ACCESS_ENTRY EmulatorAccessEntries;
    ULONG_PTR EmulatorAccessEntriesContext;
    PHYSICAL_ADDRESS VdmPhysicalVideoMemoryAddress;
    ULONG VdmPhysicalVideoMemoryLength;
    ULONG HardwareStateSize;
    ULONG DmaChannel;
    ULONG DmaPort;
    UCHAR DmaShareable;
    UCHAR InterruptShareable;
    BOOLEAN Master;
    DMA_WIDTH DmaWidth;
    DMA_SPEED DmaSpeed;
    BOOLEAN bMapBuffers;
    BOOLEAN NeedPhysicalAddresses;
    BOOLEAN DemandMode;
    ULONG MaximumTransferLength;
    ULONG NumberOfPhysicalBreaks;
    BOOLEAN ScatterGather;
    ULONG MaximumScatterGatherChunkSize;
    PVIDEO_PORT_GET_PROC_ADDRESS VideoPortGetProcAddress;
    PWSTR DriverRegistryPath;
    ULONGLONG SystemMemorySize;
} VIDEO_PORT_CONFIG_INFO, *PVIDEO_PORT_CONFIG_INFO;

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_CONFIG_INFO_H */
