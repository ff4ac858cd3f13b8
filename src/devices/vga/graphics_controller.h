// VGA graphics controller (3CE index, 3CF data): the CPU side of video memory (set/reset, rotate,
// logical operation, write and read modes, bit mask) and the memory map.
// Facts: shared/reference/sync-validator-vga.md §4.4 and §4.7.
#pragma once

#include <array>
#include <cstdint>

namespace vidport::devices::vga {

// Register storage with the port behaviour of the index/data pair. Not locked: the device holds
// its lock around every call. Reserved bits are dropped on write; an index past 08h reads 0xFF and
// ignores writes.
struct GraphicsController {
  static constexpr unsigned kCount = 9;
  static constexpr std::array<std::uint8_t, kCount> kWriteMask = {0x0F, 0x0F, 0x0F, 0x1F, 0x03,
                                                                   0x7B, 0x0F, 0x0F, 0xFF};

  std::uint8_t index = 0;  // 4 bits
  std::array<std::uint8_t, kCount> reg{};

  std::uint8_t read_index() const { return index; }
  void write_index(std::uint8_t value) { index = value & 0x0F; }
  std::uint8_t read_data() const { return index < kCount ? reg[index] : 0xFF; }
  void write_data(std::uint8_t value) {
    if (index < kCount) reg[index] = value & kWriteMask[index];
  }

  std::uint8_t set_reset() const { return reg[0]; }
  std::uint8_t enable_set_reset() const { return reg[1]; }
  std::uint8_t color_compare() const { return reg[2]; }
  unsigned rotate_count() const { return reg[3] & 7; }
  // GC03 bits 4-3: 0 replace, 1 AND, 2 OR, 3 XOR with the latch.
  unsigned logical_operation() const { return (reg[3] >> 3) & 3; }
  unsigned read_map_select() const { return reg[4] & 3; }
  unsigned write_mode() const { return reg[5] & 3; }
  bool read_mode_compare() const { return reg[5] & 0x08; }
  // GC05 bit 4: host reads in odd/even fashion (address bit 0 picks plane 0/1 or 2/3).
  bool host_odd_even() const { return reg[5] & 0x10; }
  // GC05 bit 5: CGA-style shift register (2-bit pixels from planes 0/1 and 2/3).
  bool shift_interleave() const { return reg[5] & 0x20; }
  // GC05 bit 6: 256-colour shift register (each plane byte holds one 8-bit pixel).
  bool shift_256() const { return reg[5] & 0x40; }
  // GC06 bits 3-2: 0 = A0000-BFFFF, 1 = A0000-AFFFF, 2 = B0000-B7FFF, 3 = B8000-BFFFF.
  unsigned memory_map() const { return (reg[6] >> 2) & 3; }
  std::uint8_t color_dont_care() const { return reg[7]; }
  std::uint8_t bit_mask() const { return reg[8]; }
};

}  // namespace vidport::devices::vga
