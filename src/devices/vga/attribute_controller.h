// VGA attribute controller (3C0 index/data through a flip-flop, 3C1 data read): the 16 palette
// registers, mode control, overscan, colour plane enable, pixel panning and colour select.
// Facts: shared/reference/sync-validator-vga.md §4.5.
//
// Rules for the flip-flop (state table):
// | state | write 3C0                               | read 3C0  | read 3C1     | read 3BA/3DA |
// |-------|-----------------------------------------|-----------|--------------|--------------|
// | index | index = value & 3Fh (bit 5 = PAS); data | the index | current data | stays index  |
// | data  | store data at the index; -> index      | the index | current data | -> index     |
#pragma once

#include <array>
#include <cstdint>

namespace vidport::devices::vga {

// Not locked: the device holds its lock around every call. An index past 14h reads 0 and
// ignores data writes.
struct AttributeController {
  static constexpr unsigned kCount = 0x15;

  std::uint8_t index = 0;  // bits 4-0 register index, bit 5 PAS (palette address source)
  bool data_next = false;  // the flip-flop: true when the next 3C0 write is data
  std::array<std::uint8_t, kCount> reg{};

  std::uint8_t read_index() const { return index; }
  std::uint8_t read_data() const { return register_index() < kCount ? reg[register_index()] : 0; }
  // A write to 3C0: the index or the data, by the flip-flop, which then toggles.
  void write(std::uint8_t value);
  // Input Status 1 was read: the next 3C0 write is an index.
  void reset_flip_flop() { data_next = false; }

  unsigned register_index() const { return index & 0x1Fu; }
  // PAS = 0 gives the palette to the CPU and blanks the display.
  bool palette_address_source() const { return index & 0x20; }
  std::uint8_t palette(unsigned i) const { return reg[i & 0x0F]; }
  bool graphics() const { return reg[0x10] & 0x01; }
  bool mono_attributes() const { return reg[0x10] & 0x02; }
  bool line_graphics() const { return reg[0x10] & 0x04; }
  bool blink_enabled() const { return reg[0x10] & 0x08; }
  bool panning_reset_at_line_compare() const { return reg[0x10] & 0x20; }
  bool eight_bit_colour() const { return reg[0x10] & 0x40; }
  bool p54_select() const { return reg[0x10] & 0x80; }
  std::uint8_t overscan() const { return reg[0x11]; }
  std::uint8_t plane_enable() const { return reg[0x12] & 0x0F; }
  unsigned pixel_panning() const { return reg[0x13] & 0x0Fu; }
  std::uint8_t colour_select() const { return reg[0x14]; }

  // The DAC index for a 4-bit attribute `value`: colour plane enable, the palette register, then
  // colour select bits 3-2 as DAC bits 7-6 and, when AR10 bit 7 is set, bits 1-0 as DAC bits 5-4.
  std::uint8_t dac_index(unsigned value) const {
    unsigned p = palette(value & plane_enable()) & 0x3Fu;
    if (p54_select()) p = (p & 0x0Fu) | ((colour_select() & 0x03u) << 4);
    return static_cast<std::uint8_t>(p | ((colour_select() & 0x0Cu) << 4));
  }
};

}  // namespace vidport::devices::vga
