// The demo a display driver runs on vgasync (what `make demo` is to show): set 13h, draw a
// picture through the mapped video memory, animate the palette from the ISR across N retraces,
// pan, return to text mode, with a screenshot after chosen steps. The reference for the host's
// built-in demo, and what the benchmark times.
//
// Rules: host thread only; the rig must have started vgasync. Each step stops the demo at the
// first request that fails (the result says which).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "image/image.h"
#include "vgasync_rig.h"

namespace vidport::vgasync_test {

struct DemoOptions {
  unsigned palettes = 16;    // palette steps, one retrace each
  unsigned pan_rows = 25;    // 13h rows the picture scrolls up by at the end of the animation
  // Called with a name ("13h-palette-03", "13h-panned", "text") and the screen at that moment.
  std::function<void(const std::string&, const image::Image&)> screenshot;
};

struct DemoResult {
  bool ok = false;
  std::string failed_step;  // empty when ok
  std::vector<std::uint32_t> stats;  // IOCTL_VGASYNC_QUERY_STATS at the end (see StatsField)
};

// The demo picture (320x200, one byte per pixel): 16 x 8 bands, index = band x + 16 band y.
std::vector<std::uint8_t> demo_picture();
// Palette step k: 128 entries of 6-bit components, different for every k.
std::vector<std::uint8_t> demo_palette(unsigned k);

DemoResult run_demo(VgasyncRig& rig, const DemoOptions& options);

}  // namespace vidport::vgasync_test
