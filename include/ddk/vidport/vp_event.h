/*
 * vidport/vp_event.h - VideoPort event objects. Internal: include video.h.
 *
 * Rules for events:
 * - EventFlag combines the type (NOTIFICATION_EVENT stays signaled until cleared; otherwise a
 *   synchronization event releases one waiter and resets itself) and INITIAL_EVENT_SIGNALED.
 * - Create and delete need PASSIVE_LEVEL; set, clear and read-state allow DISPATCH_LEVEL; a wait
 *   normally runs at PASSIVE_LEVEL, and at DISPATCH_LEVEL only with a zero timeout.
 */
#ifndef VIDPORT_DDK_VP_EVENT_H
#define VIDPORT_DDK_VP_EVENT_H

#include "vp_base.h"

VIDPORT_BEGIN_C

typedef struct _VIDEO_PORT_EVENT *PEVENT;

#define EVENT_TYPE_MASK            1
#define SYNCHRONIZATION_EVENT      0
#define NOTIFICATION_EVENT         1
#define INITIAL_EVENT_STATE_MASK   2
#define INITIAL_EVENT_NOT_SIGNALED 0
#define INITIAL_EVENT_SIGNALED     2

/* Unused must be NULL. NO_ERROR and *ppEvent set, or ERROR_NOT_ENOUGH_MEMORY. */
VIDEOPORT_API VP_STATUS VideoPortCreateEvent(PVOID HwDeviceExtension, ULONG EventFlag, PVOID Unused,
                                             PEVENT *ppEvent);
/* NO_ERROR, or ERROR_INVALID_PARAMETER for an event VideoPort did not create. */
VIDEOPORT_API VP_STATUS VideoPortDeleteEvent(PVOID HwDeviceExtension, PEVENT pEvent);
/* Signals the event; returns nonzero if it was already signaled. */
VIDEOPORT_API LONG VideoPortSetEvent(PVOID HwDeviceExtension, PEVENT pEvent);
VIDEOPORT_API VOID VideoPortClearEvent(PVOID HwDeviceExtension, PEVENT pEvent);
/* Nonzero while the event is signaled. */
VIDEOPORT_API LONG VideoPortReadStateEvent(PVOID HwDeviceExtension, PEVENT pEvent);
/*
 * Blocks until the event is signaled or Timeout passes (NULL: no limit; a negative value is a
 * relative time in 100 ns units). NO_ERROR when signaled, WAIT_TIMEOUT on timeout,
 * ERROR_INVALID_PARAMETER for a bad object.
 */
VIDEOPORT_API VP_STATUS VideoPortWaitForSingleObject(PVOID HwDeviceExtension, PVOID Object,
                                                     PLARGE_INTEGER Timeout);

VIDPORT_END_C

#endif /* VIDPORT_DDK_VP_EVENT_H */
