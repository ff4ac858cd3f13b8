// Turns a VGA's registers and planes into the picture a monitor would show. A pure function of a
// state snapshot: modes are never named, everything is derived from the registers.
//
// Rules for the picture (RenderConventions::Qemu, the default, matches QEMU 7.2's screendump so
// reference screenshots compare pixel for pixel; see shared/refs/README.md):
// - Size: displayed character clocks x dots per character (x2 when SR01 halves the dot clock) by
//   displayed scan lines. No overscan border. 13h is 640x400, 12h 640x480, 03h 720x400.
// - Colours: 6-bit DAC components become 8-bit as (v << 2) | ((v & 1) * 3).
// - 9-dot text: the 8th dot is copied into the 9th for characters B0h-DFh.
// - Horizontal pixel panning (AR13) is ignored; PAS = 0 or SR01 screen-off gives black.
// RenderConventions::Ibm follows IBM's VGA where QEMU departs from it: pixel panning is honoured
// (and reset below the line compare split when AR10 bit 5 is set), the overscan border (AR11)
// surrounds the display as far as the blanking registers leave room for it, PAS = 0 shows the
// overscan colour, and the 9th dot copies the 8th only for C0h-DFh and only when AR10 bit 2 is set.
#pragma once

#include <cstdint>

#include "devices/vga/vga_state.h"
#include "image/image.h"

namespace vidport::devices::vga {

enum class RenderConventions { Qemu, Ibm };

// The blink phases a frame shows (IBM: the cursor toggles every 8 frames, blinking characters
// every 16), derived by the caller from the frame count.
struct BlinkPhase {
  bool cursor_on = true;
  bool characters_on = true;
  static BlinkPhase at_frame(std::uint64_t frame) { return {((frame >> 3) & 1) == 0, ((frame >> 4) & 1) == 0}; }
};

// The picture `state` describes. Pure: any thread, no locks; the caller keeps `state` unchanged
// for the duration. Always returns a picture of at least 1x1 pixel.
image::Image render_frame(const VgaState& state, RenderConventions conventions, BlinkPhase blink = {});

}  // namespace vidport::devices::vga
