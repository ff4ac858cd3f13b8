/*
 * pulse_sample.h - the private interface of the sample miniport: its device constants and the
 * IOCTLs a scenario (or a display driver written for it) sends. Shared with vidport's tests.
 */
#ifndef VIDPORT_MINIPORTS_PULSE_SAMPLE_H
#define VIDPORT_MINIPORTS_PULSE_SAMPLE_H

#define PULSE_BASE 0x300
#define PULSE_PORT_COUNT 6
#define PULSE_LINE 10
#define PULSE_DEFAULT_PERIOD_US 1000

/* Output: PULSE_STATE. ERROR_INSUFFICIENT_BUFFER (Information = sizeof(PULSE_STATE)) if smaller. */
#define IOCTL_PULSE_QUERY_STATE  CTL_CODE(FILE_DEVICE_VIDEO, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Input: ULONG period in microseconds (0 stops the device, at most 65535). */
#define IOCTL_PULSE_SET_PERIOD   CTL_CODE(FILE_DEVICE_VIDEO, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
/* Zeroes the interrupt counters. */
#define IOCTL_PULSE_RESET_COUNTS CTL_CODE(FILE_DEVICE_VIDEO, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)
/*
 * Input: ULONG microseconds to busy-wait with VideoPortStallExecution (at most 1000, as the DDK
 * asks stalls to stay short). Output: ULONG interrupts the ISR claimed during the stall.
 */
#define IOCTL_PULSE_STALL        CTL_CODE(FILE_DEVICE_VIDEO, 0x803, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _PULSE_STATE {
    ULONG Interrupts;           /* claimed by the ISR */
    ULONG InterruptsSeenByDpc;  /* the count the latest DPC read under the interrupt lock */
    ULONG DpcRuns;
    ULONG TimerTicks;           /* HwVidTimer calls, about one per second of clock time */
    ULONG PeriodUs;
} PULSE_STATE, *PPULSE_STATE;

#endif
