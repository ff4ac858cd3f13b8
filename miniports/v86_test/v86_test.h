/*
 * v86_test: the test miniport of the full-screen path (docs/fullscreen.md). Its private IOCTL,
 * shared with the tests.
 */
#ifndef V86_TEST_H
#define V86_TEST_H

#include <devioctl.h>
#include <miniport.h>

/* Output: V86_TEST_STATS. */
#define IOCTL_V86_TEST_QUERY_STATS CTL_CODE(FILE_DEVICE_VIDEO, 0x880, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define V86_TEST_MAX_PENDING 100

typedef struct _V86_TEST_STATS {
    ULONG Playbacks;          /* VideoPortSynchronizeExecution playbacks of a batch */
    ULONG PlayedEntries;      /* entries written by all playbacks */
    ULONG LastPlaybackCount;  /* entries of the latest playback */
    ULONG Discarded;          /* batches refused by the validator */
    ULONG EarlyFlushes;       /* playbacks forced by a full buffer or a read */
    ULONG PendingCount;       /* entries buffered now */
    ULONG FullInstalled;      /* 1 while every adapter port traps */
    ULONG StringCalls;        /* string routine calls with DataLength > 1 */
    ULONG LongestString;      /* the largest DataLength seen */
    ULONG TrapCallsFailed;    /* VideoPortSetTrappedEmulatorPorts calls that did not return NO_ERROR */
} V86_TEST_STATS, *PV86_TEST_STATS;

#endif /* V86_TEST_H */
