// The display timing a VGA's registers describe, and where the beam is at a given clock time.
// Pure functions of register values: nothing here keeps state or reads the clock.
// Facts: shared/reference/sync-validator-vga.md §4.1 (clocks), §4.3 (CRTC counts), §4.9 (the
// standard modes: 70.09 Hz for 03h/13h, 59.94 Hz for 12h).
//
// Rules for beam time:
// - Frame n occupies clock time [n * frame_ns, (n + 1) * frame_ns): frames are counted from clock
//   time 0, so event times come from the frame number and never drift.
// - A register change takes effect at once: the beam is wherever the new timing puts it.
#pragma once

#include <cstdint>

#include "devices/vga/crtc.h"
#include "devices/vga/external_registers.h"
#include "devices/vga/sequencer.h"
#include "kernel/clock.h"

namespace vidport::devices::vga {

struct DisplayTiming {
  double dot_clock_hz = 0;     // after the SR01 divide-by-2
  unsigned dots_per_char = 8;  // 8 or 9 (SR01 bit 0)
  unsigned horizontal_total = 0, horizontal_display = 0;  // character clocks
  unsigned vertical_total = 0, vertical_display = 0;      // scan lines
  unsigned retrace_start = 0, retrace_end = 0;            // scan lines; retrace is [start, end)
  double frame_ns = 0;  // one frame in clock nanoseconds (after any forced rate)

  // Line rate and frame rate, for reports and tests.
  double line_hz() const { return dot_clock_hz / (double(horizontal_total) * dots_per_char); }
  double refresh_hz() const { return 1e9 / frame_ns; }
  // False when the registers describe no retrace (it starts past the last line).
  bool has_retrace() const { return retrace_start < vertical_total; }
};

// The timing that the misc clock select, SR01 and the CRTC describe. `forced_refresh_hz` > 0
// replaces the frame rate (the beam keeps the same relative positions inside a frame).
DisplayTiming derive_timing(const ExternalRegisters& external, const Sequencer& seq, const Crtc& crtc,
                            double forced_refresh_hz);

// Where the beam is at clock time `t`.
struct BeamPosition {
  std::uint64_t frame = 0;     // frames since clock time 0
  unsigned line = 0;           // scan line inside the frame
  unsigned char_clock = 0;     // character clock inside the line
  bool vertical_retrace = false;
  bool display_disabled = false;  // outside the displayed area (blanking or retrace)
};
BeamPosition beam_at(const DisplayTiming& timing, kernel::ClockTime t);

// The first clock time strictly after `t` at which vertical retrace starts. Requires
// timing.has_retrace().
kernel::ClockTime next_retrace_start(const DisplayTiming& timing, kernel::ClockTime t);

}  // namespace vidport::devices::vga
