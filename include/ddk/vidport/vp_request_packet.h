/*
 * vidport/vp_request_packet.h - the request a display driver's IOCTL becomes when it reaches
 * HwVidStartIO. Internal: include video.h.
 *
 * Rules for requests:
 * - Buffers are METHOD_BUFFERED: InputBuffer and OutputBuffer may be the same memory, so a
 *   miniport reads all its input before it writes output.
 * - The miniport sets StatusBlock->Status to NO_ERROR or an error code, and
 *   StatusBlock->Information to the bytes it returned (or, with ERROR_INSUFFICIENT_BUFFER, the
 *   bytes it needs). Requests to one adapter are serialized.
 */
#ifndef VIDPORT_DDK_VP_REQUEST_PACKET_H
#define VIDPORT_DDK_VP_REQUEST_PACKET_H

#include "vp_base.h"

VIDPORT_BEGIN_C

typedef struct _STATUS_BLOCK {
    union {
        VP_STATUS Status;
        PVOID Pointer;
    };
    ULONG_PTR Information;
} STATUS_BLOCK, *PSTATUS_BLOCK;

typedef struct _VIDEO_REQUEST_PACKET {
    ULONG IoControlCode;
    PSTATUS_BLOCK StatusBlock;
    PVOID InputBuffer;
    ULONG InputBufferLength;
    PVOID OutputBuffer;
    ULONG OutputBufferLength;
} VIDEO_REQUEST_PACKET, *PVIDEO_REQUEST_PACKET;

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_REQUEST_PACKET_H */
