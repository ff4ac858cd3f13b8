/*
 * export_probe.h - the private requests of the export_probe test miniport (export_probe.c) and
 * their results, shared by the miniport and tests/videoport/export_probe_test.cpp.
 *
 * Each request makes one VideoPort call from HwVidStartIO (PASSIVE_LEVEL, processor 0) and
 * returns what the miniport saw: the call's result and any bytes it received.
 */
#ifndef VIDPORT_TEST_EXPORT_PROBE_H
#define VIDPORT_TEST_EXPORT_PROBE_H

#define PROBE_IOCTL(n) CTL_CODE(FILE_DEVICE_VIDEO, 0x900 + (n), METHOD_BUFFERED, FILE_ANY_ACCESS)

/* Input: ULONG VIDEO_DEVICE_DATA_TYPE. Output: PROBE_DEVICE_DATA. */
#define IOCTL_PROBE_GET_DEVICE_DATA PROBE_IOCTL(0)
/* Input: none. Output: LONG status. */
#define IOCTL_PROBE_ENUMERATE_CHILDREN PROBE_IOCTL(1)
/* Input: PROBE_DDC_INPUT. Output: PROBE_DDC_OUTPUT. */
#define IOCTL_PROBE_DDC PROBE_IOCTL(2)
/* Input: ULONG Length. Output: ULONG, 1 when VideoPortGetRomImage returned a buffer. */
#define IOCTL_PROBE_GET_ROM_IMAGE PROBE_IOCTL(3)
/* Input: a NUL-terminated string of at most 31 characters. Output: ULONG, the BOOLEAN that
 * VideoPortScanRom returned over the 32 KiB mapped at C0000h (or 0xFFFFFFFF if the mapping failed). */
#define IOCTL_PROBE_SCAN_ROM PROBE_IOCTL(4)
/* Input: none. Output: ULONG, the BOOLEAN VideoPortIsNoVesa returned. */
#define IOCTL_PROBE_IS_NO_VESA PROBE_IOCTL(5)

/* Input: ULONG PROBE_AT_DISPATCH_*. Makes that call while holding a spin lock (DISPATCH_LEVEL).
 * Output: LONG, what the call returned. */
#define IOCTL_PROBE_AT_DISPATCH PROBE_IOCTL(6)
#define PROBE_AT_DISPATCH_GET_DEVICE_DATA 0     /* PASSIVE_LEVEL only */
#define PROBE_AT_DISPATCH_ENUMERATE_CHILDREN 1  /* allowed up to DISPATCH_LEVEL */
/* Input: none. Reads VideoPortReadPortUshort((PUSHORT)0x12345), which is no port. Output: ULONG,
 * the value read. */
#define IOCTL_PROBE_BAD_PORT PROBE_IOCTL(7)

typedef struct _PROBE_DEVICE_DATA {
    LONG Status;
    ULONG CallbackCalls;
} PROBE_DEVICE_DATA;

/* What hangs on the miniport's DDC lines. */
#define PROBE_NO_MONITOR 0        /* nothing: the pull-ups keep the data line high */
#define PROBE_MONITOR 1           /* an EDID EEPROM at 50h holding a valid EDID */
#define PROBE_MONITOR_CORRUPT 2   /* the same EEPROM with a wrong checksum in block 0 */
#define PROBE_CRASHING_LINES 3    /* the miniport's ReadDataLine dereferences NULL */

typedef struct _PROBE_DDC_INPUT {
    ULONG Attached;      /* PROBE_NO_MONITOR, PROBE_MONITOR or PROBE_MONITOR_CORRUPT */
    ULONG BufferSize;    /* EdidBufferSize passed to VideoPortDDCMonitorHelper (at most 256) */
} PROBE_DDC_INPUT;

typedef struct _PROBE_DDC_OUTPUT {
    ULONG Result;        /* the BOOLEAN VideoPortDDCMonitorHelper returned */
    UCHAR Monitor[256];  /* what the simulated monitor holds */
    UCHAR Edid[256];     /* what VideoPortDDCMonitorHelper put in the buffer (0xEE: untouched) */
} PROBE_DDC_OUTPUT;

#endif /* VIDPORT_TEST_EXPORT_PROBE_H */
