// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
#include "videoport/kernel_calls.h"

using namespace vidport::videoport;

// PEVENT is an opaque pointer in the DDK; vidport's event object stands behind it.
static MiniportEvent* event_of(PEVENT event) { return reinterpret_cast<MiniportEvent*>(event); }

extern "C" {

VP_STATUS VideoPortCreateEvent(PVOID HwDeviceExtension, ULONG EventFlag, PVOID Unused, PEVENT* ppEvent) {
  VIDPORT_EXPORT_BODY(create_event(HwDeviceExtension, EventFlag, Unused, reinterpret_cast<MiniportEvent**>(ppEvent),
                      vidport_site));
}

VP_STATUS VideoPortDeleteEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  VIDPORT_EXPORT_BODY(delete_event(HwDeviceExtension, event_of(pEvent), vidport_site));
}

LONG VideoPortSetEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  VIDPORT_EXPORT_BODY(set_event(HwDeviceExtension, event_of(pEvent), vidport_site));
}

VOID VideoPortClearEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  VIDPORT_EXPORT_BODY(clear_event(HwDeviceExtension, event_of(pEvent), vidport_site));
}

LONG VideoPortReadStateEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  VIDPORT_EXPORT_BODY(read_state_event(HwDeviceExtension, event_of(pEvent), vidport_site));
}

VP_STATUS VideoPortWaitForSingleObject(PVOID HwDeviceExtension, PVOID Object, PLARGE_INTEGER Timeout) {
  VIDPORT_EXPORT_BODY(wait_for_single_object(HwDeviceExtension, Object, Timeout ? std::optional<std::int64_t>(Timeout->QuadPart) : std::nullopt,
                                vidport_site));
}

}  // extern "C"
