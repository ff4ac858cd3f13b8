/*
 * vidport/vp_child.h - enumerating the devices attached to an adapter (monitors, other chips) and
 * reading a monitor's EDID over DDC. Internal: include video.h.
 *
 * Rules for child enumeration: VideoPort calls HwVidGetVideoChildDescriptor with ChildIndex
 * 1, 2, ... (DISPLAY_ADAPTER_HW_ID in ACPIHwId asks about the adapter itself) until it returns
 * VIDEO_ENUM_NO_MORE_DEVICES; VIDEO_ENUM_INVALID_DEVICE skips an index.
 */
#ifndef VIDPORT_DDK_VP_CHILD_H
#define VIDPORT_DDK_VP_CHILD_H

#include "vp_base.h"

VIDPORT_BEGIN_C

#define VIDEO_ENUM_MORE_DEVICES    ERROR_CONTINUE
#define VIDEO_ENUM_NO_MORE_DEVICES ERROR_NO_MORE_DEVICES
#define VIDEO_ENUM_INVALID_DEVICE  ERROR_INVALID_NAME

#define DISPLAY_ADAPTER_HW_ID  0xFFFFFFFF
#define VIDEO_INVALID_CHILD_ID 0xFFFFFFFF

/* Bits of a child's state (IOCTL_VIDEO_GET_CHILD_STATE). */
#define VIDEO_CHILD_ACTIVE        0x00000001
#define VIDEO_CHILD_DETACHED      0x00000002
#define VIDEO_CHILD_NOPRUNE_FREQ  0x80000000
#define VIDEO_CHILD_NOPRUNE_SIZE  0x40000000

typedef struct _VIDEO_CHILD_ENUM_INFO {
    ULONG Size;
    ULONG ChildDescriptorSize;
    ULONG ChildIndex;
    ULONG ACPIHwId;
    PVOID ChildHwDeviceExtension;
} VIDEO_CHILD_ENUM_INFO, *PVIDEO_CHILD_ENUM_INFO;

typedef enum {
    Monitor = 1,
    NonPrimaryChip,
    VideoChip,
    Other
} VIDEO_CHILD_TYPE, *PVIDEO_CHILD_TYPE;

/* Bit-level access to the DDC (I2C) lines, implemented by the miniport. Data is 0 or 1. */
typedef VOID (*PVIDEO_WRITE_CLOCK_LINE)(PVOID HwDeviceExtension, UCHAR Data);
typedef VOID (*PVIDEO_WRITE_DATA_LINE)(PVOID HwDeviceExtension, UCHAR Data);
typedef BOOLEAN (*PVIDEO_READ_CLOCK_LINE)(PVOID HwDeviceExtension);
typedef BOOLEAN (*PVIDEO_READ_DATA_LINE)(PVOID HwDeviceExtension);

typedef struct _I2C_CALLBACKS {
    PVIDEO_WRITE_CLOCK_LINE WriteClockLine;
    PVIDEO_WRITE_DATA_LINE WriteDataLine;
    PVIDEO_READ_CLOCK_LINE ReadClockLine;
    PVIDEO_READ_DATA_LINE ReadDataLine;
} I2C_CALLBACKS, *PI2C_CALLBACKS;

/* Size must be sizeof(DDC_CONTROL); EdidSegment selects the 256-byte EDID segment to read. */
typedef struct _DDC_CONTROL {
    ULONG Size;
    I2C_CALLBACKS I2CCallbacks;
    UCHAR EdidSegment;
} DDC_CONTROL, *PDDC_CONTROL;

/*
 * Asks VideoPort to enumerate the adapter's children again (HwVidGetVideoChildDescriptor is
 * called anew). IRQL: PASSIVE_LEVEL. Reserved must be NULL.
 */
VIDEOPORT_API VP_STATUS VideoPortEnumerateChildren(PVOID HwDeviceExtension, PVOID Reserved);

/*
 * Reads a monitor's EDID into EdidBuffer over DDC, bit-banging through DDCControl's I2C
 * callbacks (DDCControl points to a DDC_CONTROL). TRUE if an EDID was read. IRQL: PASSIVE_LEVEL.
 */
VIDEOPORT_API VIDEOPORT_DEPRECATED BOOLEAN VideoPortDDCMonitorHelper(PVOID HwDeviceExtension, PVOID DDCControl,
                                                                     PUCHAR EdidBuffer, ULONG EdidBufferSize);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_CHILD_H */
