// The display driver's side of a run: the requests the Windows display driver (and the video
// port's own start-up) make when a display comes up, in order:
//
//   QUERY_NUM_AVAIL_MODES -> QUERY_AVAIL_MODES -> SET_CURRENT_MODE (the first mode) ->
//   QUERY_CURRENT_MODE -> SET_COLOR_REGISTERS (16 entries, palette-driven modes only) ->
//   MAP_VIDEO_MEMORY -> UNMAP_VIDEO_MEMORY (when the map succeeded) -> RESET_DEVICE
//
// Each with exactly sized buffers. A request the miniport answers with ERROR_INVALID_FUNCTION is
// noted as unsupported and the sequence goes on; the modes it lists and the current mode go into
// the report's adapter entry.
#pragma once

#include <cstddef>

#include "host/hosted_run.h"

namespace vidport::host {

// Runs the sequence on `adapter`. Returns false once the machine halted (crash or hang).
bool run_display_driver_startup(HostedRun& run, std::size_t adapter);

}  // namespace vidport::host
