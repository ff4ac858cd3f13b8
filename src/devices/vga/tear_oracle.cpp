#include "devices/vga/tear_oracle.h"

namespace vidport::devices::vga {

bool in_vertical_blank(const DisplayTiming& timing, const BeamPosition& beam, bool screen_off) {
  return screen_off || beam.line >= timing.vertical_display;
}

void TearOracle::on_dac_write(const DisplayTiming& timing, const BeamPosition& beam, bool screen_off,
                              kernel::ClockTime now) {
  ++counts_.dac_writes;
  if (in_vertical_blank(timing, beam, screen_off)) return;
  ++counts_.dac_tears;
  record(TearKind::DacWrite, beam, now);
}

void TearOracle::on_start_address_change(const DisplayTiming& timing, const BeamPosition& beam, bool screen_off,
                                         kernel::ClockTime now) {
  ++counts_.start_address_changes;
  if (in_vertical_blank(timing, beam, screen_off)) return;
  ++counts_.start_address_tears;
  record(TearKind::StartAddress, beam, now);
}

void TearOracle::record(TearKind kind, const BeamPosition& beam, kernel::ClockTime now) {
  std::uint64_t index = counts_.total_tears() - 1;
  if (index < kKeptTears) first_[index] = Tear{kind, now, beam.frame, beam.line};
}

}  // namespace vidport::devices::vga
