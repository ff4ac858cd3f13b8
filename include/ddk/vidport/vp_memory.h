/*
 * vidport/vp_memory.h - memory helpers and pool allocation. Internal: include video.h.
 *
 * The copy, zero and compare helpers may be called at any IRQL on resident memory; they work on
 * RAM and on mappings returned by VideoPortGetDeviceBase. VideoPortZeroDeviceMemory is the one
 * to use on device memory that is not plain RAM.
 */
#ifndef VIDPORT_DDK_VP_MEMORY_H
#define VIDPORT_DDK_VP_MEMORY_H

#include "vp_base.h"

VIDPORT_BEGIN_C

typedef enum {
    VpNonPagedPool,
    VpPagedPool,
    VpNonPagedPoolCacheAligned = 4,
    VpPagedPoolCacheAligned
} VP_POOL_TYPE, *PVP_POOL_TYPE;

VIDEOPORT_API VOID VideoPortZeroMemory(PVOID Destination, ULONG Length);
VIDEOPORT_API VOID VideoPortZeroDeviceMemory(PVOID Destination, ULONG Length);
/* Copies Length bytes; the blocks may overlap. */
VIDEOPORT_API VOID VideoPortMoveMemory(PVOID Destination, PVOID Source, ULONG Length);
/* The number of leading bytes that are equal (Length when the blocks match). */
VIDEOPORT_API ULONG VideoPortCompareMemory(PVOID Source1, PVOID Source2, SIZE_T Length);

/*
 * Allocates NumberOfBytes tagged with Tag (four characters, written byte-reversed); NULL when out
 * of memory. IRQL: at most DISPATCH_LEVEL for the nonpaged types, below it for the paged ones.
 */
VIDEOPORT_API PVOID VideoPortAllocatePool(PVOID HwDeviceExtension, VP_POOL_TYPE PoolType, SIZE_T NumberOfBytes,
                                          ULONG Tag);
/* Frees memory from VideoPortAllocatePool. */
VIDEOPORT_API VOID VideoPortFreePool(PVOID HwDeviceExtension, PVOID Ptr);

/* Obsolete paged allocation. NO_ERROR and *Buffer set, or ERROR_NOT_ENOUGH_MEMORY. */
VIDEOPORT_API VP_STATUS VideoPortAllocateBuffer(PVOID HwDeviceExtension, ULONG Size, PVOID *Buffer);
VIDEOPORT_API VOID VideoPortReleaseBuffer(PVOID HwDeviceExtension, PVOID Buffer);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_MEMORY_H */
