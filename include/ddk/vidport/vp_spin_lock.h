/*
 * vidport/vp_spin_lock.h - VideoPort spin locks. Internal: include video.h.
 *
 * Rules for spin locks:
 * - A spin lock is an opaque object created and deleted by VideoPort (IRQL PASSIVE_LEVEL).
 * - VideoPortAcquireSpinLock raises to DISPATCH_LEVEL, stores the previous IRQL in *OldIrql and
 *   spins until the lock is free; VideoPortReleaseSpinLock gets that value back as NewIrql.
 * - The ...AtDpcLevel / ...FromDpcLevel pair is for callers already at DISPATCH_LEVEL.
 * - Code holding a spin lock must not wait, and must not take the lock again.
 */
#ifndef VIDPORT_DDK_VP_SPIN_LOCK_H
#define VIDPORT_DDK_VP_SPIN_LOCK_H

#include "vp_base.h"

VIDPORT_BEGIN_C

typedef struct _VIDEO_PORT_SPIN_LOCK *PSPIN_LOCK;

/* NO_ERROR and *SpinLock set, or ERROR_NOT_ENOUGH_MEMORY / ERROR_INVALID_PARAMETER. */
VIDEOPORT_API VP_STATUS VideoPortCreateSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK *SpinLock);
/* NO_ERROR, or ERROR_INVALID_PARAMETER for a lock VideoPort did not create. */
VIDEOPORT_API VP_STATUS VideoPortDeleteSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock);
/* IRQL: at most DISPATCH_LEVEL; returns at DISPATCH_LEVEL holding the lock. */
VIDEOPORT_API VOID VideoPortAcquireSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock, PUCHAR OldIrql);
/* IRQL: exactly DISPATCH_LEVEL. */
VIDEOPORT_API VOID VideoPortAcquireSpinLockAtDpcLevel(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock);
/* IRQL: DISPATCH_LEVEL, holding the lock; returns at NewIrql. */
VIDEOPORT_API VOID VideoPortReleaseSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock, UCHAR NewIrql);
/* IRQL: DISPATCH_LEVEL, holding the lock; stays at DISPATCH_LEVEL. */
VIDEOPORT_API VOID VideoPortReleaseSpinLockFromDpcLevel(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_SPIN_LOCK_H */
