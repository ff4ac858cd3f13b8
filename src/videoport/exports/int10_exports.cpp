// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
#include "videoport/int10.h"

using namespace vidport::videoport;

extern "C" {

VP_STATUS VideoPortInt10(PVOID HwDeviceExtension, PVIDEO_X86_BIOS_ARGUMENTS BiosArguments) {
  VIDPORT_EXPORT_BODY(int10(HwDeviceExtension, BiosArguments, vidport_site));
}

}  // extern "C"
