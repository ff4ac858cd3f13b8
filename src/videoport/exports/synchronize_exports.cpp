// The hand-written shim of VideoPortSynchronizeExecution (listed in export_table.txt): its fast
// path is inlined here from synchronize.h, so the shim's only call is the miniport's routine.
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

}  // extern "C"
