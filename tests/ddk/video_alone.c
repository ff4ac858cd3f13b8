/* Scenario: a miniport that includes only video.h still gets every type and declaration it uses. */
#include "video.h"

VP_STATUS VideoAloneProbe(PVOID HwDeviceExtension)
{
    VIDEO_MODE_INFORMATION mode = {sizeof(mode), 0, 640, 480, 640, 1, 8, 60, 0, 0, 6, 6, 6, 0, 0, 0,
                                   VIDEO_MODE_COLOR | VIDEO_MODE_GRAPHICS, 640, 480, 0};
    VideoPortStallExecution(mode.Frequency);
    return VideoPortEnableInterrupt(HwDeviceExtension);
}
