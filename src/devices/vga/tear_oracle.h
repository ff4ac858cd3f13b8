// The tear oracle: records every change a viewer could see torn — a DAC entry written, or the
// CRTC start address changed, while the beam is inside the displayed lines — so that runs can
// report "tears: N" and tests can prove a miniport does this work only at vertical blank.
// Facts: shared/reference/sync-validator-vga.md §4 (retrace timing); what counts is decided here.
//
// Rules for the oracle:
// - A write is in vertical blank when the beam's scan line is at or past the vertical display
//   end (the lines the CRTC does not display: bottom blanking, retrace, top blanking).
// - A write while the screen is off (SR01 bit 5) never tears: nothing is displayed, which is how
//   mode sets load their palettes.
// - A start-address "change" is a write to CR0C or CR0D that changes the 16-bit value.
// - The oracle is plain data owned by the Vga and used under the Vga's lock; pure functions here
//   decide, the Vga only feeds them.
#pragma once

#include <array>
#include <cstdint>

#include "devices/vga/display_timing.h"
#include "kernel/clock.h"

namespace vidport::devices::vga {

enum class TearKind : std::uint8_t { DacWrite, StartAddress };

// One change outside vertical blank, as the report shows it.
struct Tear {
  TearKind kind = TearKind::DacWrite;
  kernel::ClockTime time = 0;
  std::uint64_t frame = 0;
  unsigned line = 0;  // the scan line the beam was on
};

struct TearCounts {
  std::uint64_t dac_writes = 0;                 // 3C9 writes seen
  std::uint64_t dac_tears = 0;                  // of them, outside vertical blank
  std::uint64_t start_address_changes = 0;      // CR0C/CR0D writes that changed the value
  std::uint64_t start_address_tears = 0;        // of them, outside vertical blank
  std::uint64_t total_tears() const { return dac_tears + start_address_tears; }
};

// True when a change made with the beam at `beam` cannot be seen torn.
bool in_vertical_blank(const DisplayTiming& timing, const BeamPosition& beam, bool screen_off);

class TearOracle {
 public:
  static constexpr unsigned kKeptTears = 16;  // the first tears are kept with their position

  void on_dac_write(const DisplayTiming& timing, const BeamPosition& beam, bool screen_off, kernel::ClockTime now);
  void on_start_address_change(const DisplayTiming& timing, const BeamPosition& beam, bool screen_off,
                               kernel::ClockTime now);

  const TearCounts& counts() const { return counts_; }
  // The first min(total_tears, kKeptTears) tears, in order.
  const std::array<Tear, kKeptTears>& first_tears() const { return first_; }

 private:
  void record(TearKind kind, const BeamPosition& beam, kernel::ClockTime now);

  TearCounts counts_;
  std::array<Tear, kKeptTears> first_{};
};

}  // namespace vidport::devices::vga
