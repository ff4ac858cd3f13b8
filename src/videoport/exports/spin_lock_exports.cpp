// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include "videoport/call_rules.h"
#include "videoport/kernel_calls.h"

using namespace vidport::videoport;

// PSPIN_LOCK is an opaque pointer in the DDK; vidport's lock object stands behind it.
static MiniportSpinLock* lock_of(PSPIN_LOCK lock) { return reinterpret_cast<MiniportSpinLock*>(lock); }

extern "C" {

VP_STATUS VideoPortCreateSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK* SpinLock) {
  return create_spin_lock(HwDeviceExtension, reinterpret_cast<MiniportSpinLock**>(SpinLock), VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortDeleteSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock) {
  return delete_spin_lock(HwDeviceExtension, lock_of(SpinLock), VIDPORT_CALL_SITE());
}

VOID VideoPortAcquireSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock, PUCHAR OldIrql) {
  acquire_spin_lock(HwDeviceExtension, lock_of(SpinLock), OldIrql, VIDPORT_CALL_SITE());
}

VOID VideoPortAcquireSpinLockAtDpcLevel(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock) {
  acquire_spin_lock_at_dpc_level(HwDeviceExtension, lock_of(SpinLock), VIDPORT_CALL_SITE());
}

VOID VideoPortReleaseSpinLock(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock, UCHAR NewIrql) {
  release_spin_lock(HwDeviceExtension, lock_of(SpinLock), NewIrql, VIDPORT_CALL_SITE());
}

VOID VideoPortReleaseSpinLockFromDpcLevel(PVOID HwDeviceExtension, PSPIN_LOCK SpinLock) {
  release_spin_lock_from_dpc_level(HwDeviceExtension, lock_of(SpinLock), VIDPORT_CALL_SITE());
}

}  // extern "C"
