#include "devices/vga/display_timing.h"

#include <cmath>

namespace vidport::devices::vga {

namespace {
constexpr double kClock25 = 25175000.0;
constexpr double kClock28 = 28322000.0;

// Clock time at which line `line` of frame `frame` starts, rounded up to a whole nanosecond.
kernel::ClockTime line_start(const DisplayTiming& timing, std::uint64_t frame, unsigned line) {
  double line_ns = timing.frame_ns / timing.vertical_total;
  return static_cast<kernel::ClockTime>(std::ceil(double(frame) * timing.frame_ns + line * line_ns));
}
}  // namespace

DisplayTiming derive_timing(const ExternalRegisters& external, const Sequencer& seq, const Crtc& crtc,
                            double forced_refresh_hz) {
  DisplayTiming t;
  t.dot_clock_hz = external.clock_select() == 1 ? kClock28 : kClock25;
  if (seq.dot_clock_halved()) t.dot_clock_hz /= 2;
  t.dots_per_char = seq.eight_dot() ? 8 : 9;
  t.horizontal_total = crtc.horizontal_total();
  t.horizontal_display = crtc.horizontal_display();
  t.vertical_total = crtc.vertical_total();
  t.vertical_display = crtc.vertical_display();
  t.retrace_start = crtc.vertical_retrace_start();
  // The end compare looks at four bits, so retrace lasts 1 to 16 lines.
  unsigned length = (crtc.vertical_retrace_end_low4() - t.retrace_start) & 0x0F;
  t.retrace_end = t.retrace_start + (length == 0 ? 16 : length);
  double dots = double(t.horizontal_total) * t.dots_per_char * t.vertical_total;
  t.frame_ns = forced_refresh_hz > 0 ? 1e9 / forced_refresh_hz : dots / t.dot_clock_hz * 1e9;
  return t;
}

BeamPosition beam_at(const DisplayTiming& timing, kernel::ClockTime t) {
  BeamPosition pos;
  pos.frame = static_cast<std::uint64_t>(std::floor(double(t) / timing.frame_ns));
  double within = double(t) - double(pos.frame) * timing.frame_ns;
  double lines = within / timing.frame_ns * timing.vertical_total;
  pos.line = static_cast<unsigned>(lines);
  if (pos.line >= timing.vertical_total) pos.line = timing.vertical_total - 1;
  pos.char_clock = static_cast<unsigned>((lines - pos.line) * timing.horizontal_total);
  pos.vertical_retrace = pos.line >= timing.retrace_start && pos.line < timing.retrace_end;
  pos.display_disabled = pos.vertical_retrace || pos.line >= timing.vertical_display ||
                         pos.char_clock >= timing.horizontal_display;
  return pos;
}

kernel::ClockTime next_retrace_start(const DisplayTiming& timing, kernel::ClockTime t) {
  std::uint64_t frame = static_cast<std::uint64_t>(std::floor(double(t) / timing.frame_ns));
  // The retrace of the current frame may still be ahead; otherwise the next frame's is. The loop
  // absorbs rounding at the frame boundary.
  kernel::ClockTime when = line_start(timing, frame, timing.retrace_start);
  while (when <= t) when = line_start(timing, ++frame, timing.retrace_start);
  return when;
}

}  // namespace vidport::devices::vga
