// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include <cstring>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
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
  VIDPORT_EXPORT_BODY(synchronize_execution(HwDeviceExtension, priority,
                                            reinterpret_cast<vidport::videoport::SynchronizeRoutine>(SynchronizeRoutine),
                                            Context, vidport_site));
}

BOOLEAN VideoPortQueueDpc(PVOID HwDeviceExtension, PMINIPORT_DPC_ROUTINE CallbackRoutine, PVOID Context) {
  VIDPORT_EXPORT_BODY(queue_dpc(HwDeviceExtension, reinterpret_cast<vidport::kernel::DpcRoutine>(CallbackRoutine),
                   Context, vidport_site));
}

VOID VideoPortStartTimer(PVOID HwDeviceExtension) {
  VIDPORT_EXPORT_BODY(start_timer(HwDeviceExtension, vidport_site));
}

VOID VideoPortStopTimer(PVOID HwDeviceExtension) {
  VIDPORT_EXPORT_BODY(stop_timer(HwDeviceExtension, vidport_site));
}

VOID VideoPortStallExecution(ULONG Microseconds) {
  VIDPORT_EXPORT_BODY(stall_execution(Microseconds, vidport_site));
}

UCHAR VideoPortGetCurrentIrql(VOID) {
  VIDPORT_EXPORT_BODY(get_current_irql(vidport_site));
}

VP_STATUS VideoPortEnableInterrupt(PVOID HwDeviceExtension) {
  VIDPORT_EXPORT_BODY(enable_interrupt(HwDeviceExtension, vidport_site));
}

VP_STATUS VideoPortDisableInterrupt(PVOID HwDeviceExtension) {
  VIDPORT_EXPORT_BODY(disable_interrupt(HwDeviceExtension, vidport_site));
}

}  // extern "C"
