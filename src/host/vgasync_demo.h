// The built-in default of `vidport run` (and so of `make demo`): the display driver's side of
// the vgasync showcase. On a run whose VGA the video BIOS has POSTed (mode 03h), it sets mode
// 13h, draws a picture through the mapped video memory, queues one palette per vertical retrace
// for the ISR to write, pans, returns to text mode, and takes screenshots along the way.
//
// Rules: call after HostedRun::start() succeeded with the vgasync module, from the host thread.
// Every step is a request or a screenshot of the run, so it lands in the report; the first step
// that fails ends the demo and is named in the result.
#pragma once

#include <cstdint>
#include <string>

namespace vidport::host {

class HostedRun;

struct VgasyncDemoOptions {
  unsigned palettes = 12;  // palette steps, one retrace each
  unsigned pan_rows = 20;  // scan lines the picture scrolls at the end
};

struct VgasyncDemoResult {
  bool ok = false;
  std::string failed_step;  // when !ok
  // From IOCTL_VGASYNC_QUERY_STATS before returning to text mode.
  std::uint32_t retraces = 0;
  std::uint32_t palette_updates_applied = 0;
  std::uint32_t pans_applied = 0;
  std::uint32_t dpc_runs = 0;
  std::uint32_t exclusion_violations = 0;
  std::uint64_t tears = 0;  // DAC or start-address writes the VGA saw outside vertical blank
};

VgasyncDemoResult run_vgasync_demo(HostedRun& run, const VgasyncDemoOptions& options = {});

}  // namespace vidport::host
