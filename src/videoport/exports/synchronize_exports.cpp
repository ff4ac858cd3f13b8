// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include <cstring>

#include "videoport/call_rules.h"
#include "videoport/kernel_calls.h"
#include "videoport/synchronize.h"

using namespace vidport::videoport;

extern "C" {

BOOLEAN VideoPortSynchronizeExecution(PVOID HwDeviceExtension, VIDEO_SYNCHRONIZE_PRIORITY Priority,
                                      PMINIPORT_SYNCHRONIZE_ROUTINE SynchronizeRoutine, PVOID Context) {
  // A C miniport may pass any int here; reading it as the C++ enum would be undefined for values
  // outside the enumerators, so take its bits as the int they are.
  int priority;
  std::memcpy(&priority, &Priority, sizeof priority);
  return synchronize_execution(HwDeviceExtension, priority,
                               reinterpret_cast<vidport::videoport::SynchronizeRoutine>(SynchronizeRoutine), Context,
                               VIDPORT_CALL_SITE());
}

BOOLEAN VideoPortQueueDpc(PVOID HwDeviceExtension, PMINIPORT_DPC_ROUTINE CallbackRoutine, PVOID Context) {
  return queue_dpc(HwDeviceExtension, reinterpret_cast<vidport::kernel::DpcRoutine>(CallbackRoutine),
                   Context, VIDPORT_CALL_SITE());
}

VOID VideoPortStartTimer(PVOID HwDeviceExtension) { start_timer(HwDeviceExtension, VIDPORT_CALL_SITE()); }

VOID VideoPortStopTimer(PVOID HwDeviceExtension) { stop_timer(HwDeviceExtension, VIDPORT_CALL_SITE()); }

VOID VideoPortStallExecution(ULONG Microseconds) { stall_execution(Microseconds, VIDPORT_CALL_SITE()); }

UCHAR VideoPortGetCurrentIrql(VOID) { return get_current_irql(VIDPORT_CALL_SITE()); }

VP_STATUS VideoPortEnableInterrupt(PVOID HwDeviceExtension) {
  return enable_interrupt(HwDeviceExtension, VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortDisableInterrupt(PVOID HwDeviceExtension) {
  return disable_interrupt(HwDeviceExtension, VIDPORT_CALL_SITE());
}

}  // extern "C"
