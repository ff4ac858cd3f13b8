// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
#include "videoport/emulator_ports.h"

using namespace vidport::videoport;

extern "C" {

VP_STATUS VideoPortSetTrappedEmulatorPorts(PVOID HwDeviceExtension, ULONG NumAccessRanges,
                                           PVIDEO_ACCESS_RANGE AccessRange) {
  VIDPORT_EXPORT_BODY(set_trapped_emulator_ports(HwDeviceExtension, NumAccessRanges, AccessRange, vidport_site));
}

}  // extern "C"
