/* Calls VideoPortSynchronizeExecution with any int as the priority, as a buggy C miniport can. */
#include <video.h>

BOOLEAN vidport_test_synchronize_with_raw_priority(PVOID extension, int priority,
                                                   PMINIPORT_SYNCHRONIZE_ROUTINE routine, PVOID context);

BOOLEAN vidport_test_synchronize_with_raw_priority(PVOID extension, int priority,
                                                   PMINIPORT_SYNCHRONIZE_ROUTINE routine, PVOID context) {
  return VideoPortSynchronizeExecution(extension, (VIDEO_SYNCHRONIZE_PRIORITY)priority, routine, context);
}
