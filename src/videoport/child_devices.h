// The adapter's children: VideoPortEnumerateChildren and VideoPortDDCMonitorHelper.
//
// Rules for child devices:
// - enumerate_children(): documented to return NO_ERROR and to make the Plug and Play manager
//   call HwVidGetVideoChildDescriptor again. vidport has no Plug and Play manager yet, so the
//   request is counted on the adapter (HostedAdapter::child_enumerations) and logged, and no
//   descriptor call follows. A foreign extension: ERROR_INVALID_PARAMETER; a non-NULL Reserved:
//   an InvalidParameter finding, the call goes on. IRQL <= DISPATCH_LEVEL (a DPC calls it after a
//   hot-plug interrupt).
// - ddc_monitor_helper(): reads a monitor's EDID over DDC as an I2C master that drives the
//   miniport's four line callbacks (DDC_CONTROL.I2CCallbacks), at about 100 kHz measured in
//   VideoPortStallExecution time, waiting for a slave that stretches the clock. With EdidSegment
//   non-zero it first writes the segment pointer (address 30h); then it writes word offset 0 to
//   the EDID at address 50h and reads min(EdidBufferSize, 256) bytes. TRUE when a slave answered
//   every address and the first 128 bytes are an EDID block (the header 00 FF FF FF FF FF FF 00
//   in segment 0, and a zero checksum). A bus where nothing answers (no DDC monitor: the data
//   line stays high) gives FALSE. A DDC_CONTROL whose Size is wrong, a missing callback, or a
//   buffer under 128 bytes: FALSE with an InvalidParameter finding. PASSIVE_LEVEL.
#pragma once

#include <video.h>

#include <cstdint>

namespace vidport::videoport {

VP_STATUS enumerate_children(void* extension, void* reserved, std::uintptr_t site);
BOOLEAN ddc_monitor_helper(void* extension, void* ddc_control, UCHAR* edid, ULONG edid_size, std::uintptr_t site);

}  // namespace vidport::videoport
