// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include "videoport/call_rules.h"
#include "videoport/int10.h"

using namespace vidport::videoport;

extern "C" {

VP_STATUS VideoPortInt10(PVOID HwDeviceExtension, PVIDEO_X86_BIOS_ARGUMENTS BiosArguments) {
  return int10(HwDeviceExtension, BiosArguments, VIDPORT_CALL_SITE());
}

}  // extern "C"
