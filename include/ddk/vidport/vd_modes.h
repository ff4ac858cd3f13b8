/*
 * vidport/vd_modes.h - modes and video memory as the display driver sees them: the structures of
 * the mode, map/unmap, share and public-access-range IOCTLs. Internal: include ntddvdeo.h.
 */
#ifndef VIDPORT_DDK_VD_MODES_H
#define VIDPORT_DDK_VD_MODES_H

#include "../ntdef.h"

#ifdef __cplusplus
extern "C" {
#endif

/* IOCTL_VIDEO_SET_CURRENT_MODE input. The two high bits are flags, not part of the index. */
typedef struct _VIDEO_MODE {
    ULONG RequestedMode;
} VIDEO_MODE, *PVIDEO_MODE;

#define VIDEO_MODE_NO_ZERO_MEMORY  0x80000000
#define VIDEO_MODE_MAP_MEM_LINEAR  0x40000000

/* IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES output. */
typedef struct _VIDEO_NUM_MODES {
    ULONG NumModes;
    ULONG ModeInformationLength;
} VIDEO_NUM_MODES, *PVIDEO_NUM_MODES;

/* AttributeFlags of VIDEO_MODE_INFORMATION. */
#define VIDEO_MODE_COLOR           0x0001
#define VIDEO_MODE_GRAPHICS        0x0002
#define VIDEO_MODE_PALETTE_DRIVEN  0x0004
#define VIDEO_MODE_MANAGED_PALETTE 0x0008
#define VIDEO_MODE_INTERLACED      0x0010
#define VIDEO_MODE_NO_OFF_SCREEN   0x0020
#define VIDEO_MODE_NO_64_BIT_ACCESS 0x0040
#define VIDEO_MODE_BANKED          0x0080
#define VIDEO_MODE_LINEAR          0x0100

/* One mode, as returned by IOCTL_VIDEO_QUERY_AVAIL_MODES and _QUERY_CURRENT_MODE. */
typedef struct _VIDEO_MODE_INFORMATION {
    ULONG Length;
    ULONG ModeIndex;
    ULONG VisScreenWidth;
    ULONG VisScreenHeight;
    ULONG ScreenStride;
    ULONG NumberOfPlanes;
    ULONG BitsPerPlane;
    ULONG Frequency;
    ULONG XMillimeter;
    ULONG YMillimeter;
    ULONG NumberRedBits;
    ULONG NumberGreenBits;
    ULONG NumberBlueBits;
    ULONG RedMask;
    ULONG GreenMask;
    ULONG BlueMask;
    ULONG AttributeFlags;
    ULONG VideoMemoryBitmapWidth;
    ULONG VideoMemoryBitmapHeight;
    ULONG DriverSpecificAttributeFlags;
} VIDEO_MODE_INFORMATION, *PVIDEO_MODE_INFORMATION;

/* IOCTL_VIDEO_MAP_VIDEO_MEMORY / _UNMAP_VIDEO_MEMORY input. */
typedef struct _VIDEO_MEMORY {
    PVOID RequestedVirtualAddress;
} VIDEO_MEMORY, *PVIDEO_MEMORY;

/* IOCTL_VIDEO_MAP_VIDEO_MEMORY output: the whole mapping and the visible frame buffer in it. */
typedef struct _VIDEO_MEMORY_INFORMATION {
    PVOID VideoRamBase;
    ULONG VideoRamLength;
    PVOID FrameBufferBase;
    ULONG FrameBufferLength;
} VIDEO_MEMORY_INFORMATION, *PVIDEO_MEMORY_INFORMATION;

/* IOCTL_VIDEO_SHARE_VIDEO_MEMORY input and output. */
typedef struct _VIDEO_SHARE_MEMORY {
    HANDLE ProcessHandle;
    ULONG ViewOffset;
    ULONG ViewSize;
    PVOID RequestedVirtualAddress;
} VIDEO_SHARE_MEMORY, *PVIDEO_SHARE_MEMORY;

typedef struct _VIDEO_SHARE_MEMORY_INFORMATION {
    ULONG SharedViewOffset;
    ULONG SharedViewSize;
    PVOID VirtualAddress;
} VIDEO_SHARE_MEMORY_INFORMATION, *PVIDEO_SHARE_MEMORY_INFORMATION;

/* IOCTL_VIDEO_QUERY_PUBLIC_ACCESS_RANGES output: registers the display driver may touch. */
typedef struct _VIDEO_PUBLIC_ACCESS_RANGES {
    ULONG InIoSpace;
    ULONG MappedInIoSpace;
    PVOID VirtualAddress;
} VIDEO_PUBLIC_ACCESS_RANGES, *PVIDEO_PUBLIC_ACCESS_RANGES;

/* IOCTL_VIDEO_GET_BANK_SELECT_CODE output header (the bank-switch code follows it). */
typedef enum _VIDEO_BANK_TYPE {
    VideoNotBanked = 0,
    VideoBanked1RW,
    VideoBanked1R1W,
    VideoBanked2RW,
    NumVideoBankTypes
} VIDEO_BANK_TYPE, *PVIDEO_BANK_TYPE;

#define PLANAR_HC 0x00000001

typedef struct _VIDEO_BANK_SELECT {
    ULONG Length;
    ULONG Size;
    ULONG BankingFlags;
    ULONG BankingType;
    ULONG PlanarHCBankingType;
    ULONG BitmapWidthInBytes;
    ULONG BitmapSize;
    ULONG Granularity;
    ULONG PlanarHCGranularity;
    ULONG CodeOffset;
    ULONG PlanarHCBankCodeOffset;
    ULONG PlanarHCEnableCodeOffset;
    ULONG PlanarHCDisableCodeOffset;
} VIDEO_BANK_SELECT, *PVIDEO_BANK_SELECT;

#ifdef __cplusplus
}
#endif

#endif /* VIDPORT_DDK_VD_MODES_H */
