/*
 * vidport/vp_port_io.h - access to the adapter's I/O ports and memory-mapped registers.
 * Internal: include video.h.
 *
 * Rules for accessors:
 * - Port accessors take the port number as the pointer value: a base from VideoPortGetDeviceBase
 *   for an I/O range plus an offset, or a literal port number cast to a pointer.
 * - Register accessors take an address inside a range mapped from device memory; vidport routes
 *   them to the device model, which is how a miniport reaches windows that are not plain RAM
 *   (such as the VGA window at A0000).
 * - The Buffer variants transfer Count elements of the accessor's width to or from the same port
 *   or register, as REP INS/OUTS would.
 * - All accessors may be called at any IRQL, including from HwVidInterrupt and synchronize
 *   routines. Each access is a preemption point: a pending interrupt may be taken before it.
 */
#ifndef VIDPORT_DDK_VP_PORT_IO_H
#define VIDPORT_DDK_VP_PORT_IO_H

#include "vp_base.h"

VIDPORT_BEGIN_C

VIDEOPORT_API UCHAR VideoPortReadPortUchar(PUCHAR Port);
VIDEOPORT_API USHORT VideoPortReadPortUshort(PUSHORT Port);
VIDEOPORT_API ULONG VideoPortReadPortUlong(PULONG Port);
VIDEOPORT_API VOID VideoPortReadPortBufferUchar(PUCHAR Port, PUCHAR Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortReadPortBufferUshort(PUSHORT Port, PUSHORT Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortReadPortBufferUlong(PULONG Port, PULONG Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortWritePortUchar(PUCHAR Port, UCHAR Value);
VIDEOPORT_API VOID VideoPortWritePortUshort(PUSHORT Port, USHORT Value);
VIDEOPORT_API VOID VideoPortWritePortUlong(PULONG Port, ULONG Value);
VIDEOPORT_API VOID VideoPortWritePortBufferUchar(PUCHAR Port, PUCHAR Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortWritePortBufferUshort(PUSHORT Port, PUSHORT Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortWritePortBufferUlong(PULONG Port, PULONG Buffer, ULONG Count);

VIDEOPORT_API UCHAR VideoPortReadRegisterUchar(PUCHAR Register);
VIDEOPORT_API USHORT VideoPortReadRegisterUshort(PUSHORT Register);
VIDEOPORT_API ULONG VideoPortReadRegisterUlong(PULONG Register);
VIDEOPORT_API VOID VideoPortReadRegisterBufferUchar(PUCHAR Register, PUCHAR Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortReadRegisterBufferUshort(PUSHORT Register, PUSHORT Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortReadRegisterBufferUlong(PULONG Register, PULONG Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortWriteRegisterUchar(PUCHAR Register, UCHAR Value);
VIDEOPORT_API VOID VideoPortWriteRegisterUshort(PUSHORT Register, USHORT Value);
VIDEOPORT_API VOID VideoPortWriteRegisterUlong(PULONG Register, ULONG Value);
VIDEOPORT_API VOID VideoPortWriteRegisterBufferUchar(PUCHAR Register, PUCHAR Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortWriteRegisterBufferUshort(PUSHORT Register, PUSHORT Buffer, ULONG Count);
VIDEOPORT_API VOID VideoPortWriteRegisterBufferUlong(PULONG Register, PULONG Buffer, ULONG Count);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_PORT_IO_H */
