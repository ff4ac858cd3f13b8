/*
 * vidport/vp_synchronize.h - running miniport code in step with its interrupt: synchronized
 * callbacks, DPCs, the one-second timer, interrupt masking, stalls and the current IRQL.
 * Internal: include video.h.
 *
 * Rules for these calls (semantics-decisions.md has the full model):
 * - A synchronize routine and a DPC routine are nonpageable and short. A synchronize routine may
 *   call only what HwVidInterrupt may call: port/register accessors, VideoPortQueueDpc,
 *   VideoPortZeroMemory, VideoPortZeroDeviceMemory, VideoPortLogError, a short
 *   VideoPortStallExecution, and the obsolete Enable/DisableInterrupt.
 * - Each device has one DPC slot: queuing while a DPC is pending drops the new request.
 */
#ifndef VIDPORT_DDK_VP_SYNCHRONIZE_H
#define VIDPORT_DDK_VP_SYNCHRONIZE_H

#include "vp_base.h"

VIDPORT_BEGIN_C

/*
 * How strongly a synchronize routine is excluded from the rest of the system.
 * Low: raised to DISPATCH_LEVEL on the calling processor. Medium: holds the device's interrupt
 * lock at its DIRQL (as Low without an ISR). High: as Medium, and the calling processor at
 * HIGH_LEVEL.
 */
typedef enum VIDEO_SYNCHRONIZE_PRIORITY {
    VpLowPriority = 0,
    VpMediumPriority = 1,
    VpHighPriority = 2
} VIDEO_SYNCHRONIZE_PRIORITY, *PVIDEO_SYNCHRONIZE_PRIORITY;

/* Called with the Context given to VideoPortSynchronizeExecution; its result is passed back. */
typedef BOOLEAN (*PMINIPORT_SYNCHRONIZE_ROUTINE)(PVOID Context);

/* Runs at DISPATCH_LEVEL with the device extension and the Context given to VideoPortQueueDpc. */
typedef VOID (*PMINIPORT_DPC_ROUTINE)(PVOID HwDeviceExtension, PVOID Context);

/*
 * Calls SynchronizeRoutine(Context) excluded as Priority says and returns its result.
 * IRQL: at most the device's DIRQL. Spins (never sleeps) for the interrupt lock. An invalid
 * Priority returns FALSE without calling. Calling it while this processor already holds the
 * device's interrupt lock (from the ISR or a synchronize routine) is reported, not deadlocked.
 */
VIDEOPORT_API VIDEOPORT_DEPRECATED BOOLEAN VideoPortSynchronizeExecution(
    PVOID HwDeviceExtension, VIDEO_SYNCHRONIZE_PRIORITY Priority,
    PMINIPORT_SYNCHRONIZE_ROUTINE SynchronizeRoutine, PVOID Context);

/*
 * Queues CallbackRoutine(HwDeviceExtension, Context) to run at DISPATCH_LEVEL on this processor
 * once its IRQL drops below DISPATCH_LEVEL. IRQL: at least DISPATCH_LEVEL (typically from the
 * ISR). Returns FALSE, dropping the request, while the device's DPC is already pending.
 */
VIDEOPORT_API BOOLEAN VideoPortQueueDpc(PVOID HwDeviceExtension, PMINIPORT_DPC_ROUTINE CallbackRoutine,
                                        PVOID Context);

/*
 * Start and stop calling the miniport's HwVidTimer about once per second of clock time, at
 * DISPATCH_LEVEL. Nothing happens if the miniport registered no HwTimer. IRQL: PASSIVE_LEVEL.
 */
VIDEOPORT_API VOID VideoPortStartTimer(PVOID HwDeviceExtension);
VIDEOPORT_API VOID VideoPortStopTimer(PVOID HwDeviceExtension);

/*
 * Obsolete: stop or resume delivering the device's interrupts (a masked level line stays pending,
 * a latched edge is kept). Any IRQL. ERROR_INVALID_FUNCTION if no HwVidInterrupt is connected.
 */
VIDEOPORT_API VIDEOPORT_DEPRECATED VP_STATUS VideoPortEnableInterrupt(PVOID HwDeviceExtension);
VIDEOPORT_API VIDEOPORT_DEPRECATED VP_STATUS VideoPortDisableInterrupt(PVOID HwDeviceExtension);

/*
 * Busy-waits Microseconds of clock time (keep it to a few dozen). Any IRQL; interrupts above the
 * caller's IRQL are delivered meanwhile.
 */
VIDEOPORT_API VOID VideoPortStallExecution(ULONG Microseconds);

/* The calling processor's current IRQL. Any IRQL. */
VIDEOPORT_API UCHAR VideoPortGetCurrentIrql(void);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_SYNCHRONIZE_H */
