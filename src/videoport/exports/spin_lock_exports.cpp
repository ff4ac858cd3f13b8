// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
#include "videoport/kernel_calls.h"

using namespace vidport::videoport;

// PSPIN_LOCK is an opaque pointer in the DDK; vidport's lock object stands behind it.
static MiniportSpinLock* lock_of(PSPIN_LOCK lock) { return reinterpret_cast<MiniportSpinLock*>(lock); }

extern "C" {

VP_STATUS VideoPortCreateSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK* SpinLock) {
  VIDPORT_EXPORT_BODY(create_spin_lock(HwDeviceExtension, reinterpret_cast<MiniportSpinLock**>(SpinLock), vidport_site));
}

VP_STATUS VideoPortDeleteSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock) {
  VIDPORT_EXPORT_BODY(delete_spin_lock(HwDeviceExtension, lock_of(SpinLock), vidport_site));
}

VOID VideoPortAcquireSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock, PUCHAR OldIrql) {
  VIDPORT_EXPORT_BODY(acquire_spin_lock(HwDeviceExtension, lock_of(SpinLock), OldIrql, vidport_site));
}

VOID VideoPortAcquireSpinLockAtDpcLevel(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock) {
  VIDPORT_EXPORT_BODY(acquire_spin_lock_at_dpc_level(HwDeviceExtension, lock_of(SpinLock), vidport_site));
}

VOID VideoPortReleaseSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock, UCHAR NewIrql) {
  VIDPORT_EXPORT_BODY(release_spin_lock(HwDeviceExtension, lock_of(SpinLock), NewIrql, vidport_site));
}

VOID VideoPortReleaseSpinLockFromDpcLevel(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock) {
  VIDPORT_EXPORT_BODY(release_spin_lock_from_dpc_level(HwDeviceExtension, lock_of(SpinLock), vidport_site));
}

}  // extern "C"
