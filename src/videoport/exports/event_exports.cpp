// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include "videoport/call_rules.h"
#include "videoport/kernel_calls.h"

using namespace vidport::videoport;

// PEVENT is an opaque pointer in the DDK; vidport's event object stands behind it.
static MiniportEvent* event_of(PEVENT event) { return reinterpret_cast<MiniportEvent*>(event); }

extern "C" {

VP_STATUS VideoPortCreateEvent(PVOID HwDeviceExtension, ULONG EventFlag, PVOID Unused, PEVENT* ppEvent) {
  return create_event(HwDeviceExtension, EventFlag, Unused, reinterpret_cast<MiniportEvent**>(ppEvent),
                      VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortDeleteEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  return delete_event(HwDeviceExtension, event_of(pEvent), VIDPORT_CALL_SITE());
}

LONG VideoPortSetEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  return set_event(HwDeviceExtension, event_of(pEvent), VIDPORT_CALL_SITE());
}

VOID VideoPortClearEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  clear_event(HwDeviceExtension, event_of(pEvent), VIDPORT_CALL_SITE());
}

LONG VideoPortReadStateEvent(PVOID HwDeviceExtension, PEVENT pEvent) {
  return read_state_event(HwDeviceExtension, event_of(pEvent), VIDPORT_CALL_SITE());
}

VP_STATUS VideoPortWaitForSingleObject(PVOID HwDeviceExtension, PVOID Object, PLARGE_INTEGER Timeout) {
  return wait_for_single_object(HwDeviceExtension, Object, Timeout ? std::optional<std::int64_t>(Timeout->QuadPart) : std::nullopt,
                                VIDPORT_CALL_SITE());
}

}  // extern "C"
