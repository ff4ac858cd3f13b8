/*
 * devioctl.h - how a device I/O control code is built, and the pieces it is built from.
 *
 * A control code packs, from the most significant bit down: the device type (16 bits), the
 * required access (2 bits), the function number (12 bits) and the buffering method (2 bits).
 */
#ifndef VIDPORT_DDK_DEVIOCTL_H
#define VIDPORT_DDK_DEVIOCTL_H

#include "ntdef.h"

typedef ULONG DEVICE_TYPE;

#define FILE_DEVICE_UNKNOWN 0x00000022
#define FILE_DEVICE_VIDEO   0x00000023

#define CTL_CODE(DeviceType, Function, Method, Access) \
    (((DeviceType) << 16) | ((Access) << 14) | ((Function) << 2) | (Method))
#define DEVICE_TYPE_FROM_CTL_CODE(ctlCode) (((ULONG)(ctlCode) & 0xffff0000u) >> 16)
#define METHOD_FROM_CTL_CODE(ctlCode) ((ULONG)((ctlCode) & 3))

#define METHOD_BUFFERED   0
#define METHOD_IN_DIRECT  1
#define METHOD_OUT_DIRECT 2
#define METHOD_NEITHER    3

#define FILE_ANY_ACCESS     0
#define FILE_SPECIAL_ACCESS FILE_ANY_ACCESS
#define FILE_READ_ACCESS    0x0001
#define FILE_WRITE_ACCESS   0x0002

#endif /* VIDPORT_DDK_DEVIOCTL_H */
