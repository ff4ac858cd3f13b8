// VGA sequencer (3C4 index, 3C5 data): reset, clocking mode, map mask, character map select,
// memory mode. Facts: shared/reference/sync-validator-vga.md §4.2.
#pragma once

#include <array>
#include <cstdint>

namespace vidport::devices::vga {

// Register storage with the port behaviour of the index/data pair. Not locked: the device holds
// its lock around every call. Reserved bits are dropped on write and read back as 0; an index
// past 04h reads 0xFF and ignores writes (no register answers there).
struct Sequencer {
  static constexpr unsigned kCount = 5;
  // Bits each register keeps. SR04 bit 0 (the EGA's alphanumeric bit) is kept because the BIOS
  // writes it and tools read it back.
  static constexpr std::array<std::uint8_t, kCount> kWriteMask = {0x03, 0x3D, 0x0F, 0x3F, 0x0F};

  std::uint8_t index = 0;  // 3 bits
  std::array<std::uint8_t, kCount> reg{};

  std::uint8_t read_index() const { return index; }
  void write_index(std::uint8_t value) { index = value & 0x07; }
  std::uint8_t read_data() const { return index < kCount ? reg[index] : 0xFF; }
  void write_data(std::uint8_t value) {
    if (index < kCount) reg[index] = value & kWriteMask[index];
  }

  // SR01 bit 0: 8-dot character clocks when 1, 9-dot when 0.
  bool eight_dot() const { return reg[1] & 0x01; }
  // SR01 bit 3: the dot clock is divided by 2 (320- and 360-dot wide modes).
  bool dot_clock_halved() const { return reg[1] & 0x08; }
  // SR01 bit 5: screen off (the display shows black; memory stays reachable).
  bool screen_off() const { return reg[1] & 0x20; }
  std::uint8_t map_mask() const { return reg[2] & 0x0F; }
  // SR04 bit 2 set: sequential host addressing; clear: odd/even (address bit 0 picks the plane pair).
  bool odd_even_disabled() const { return reg[4] & 0x04; }
  // SR04 bit 3: chain-4 (address bits 1-0 pick the plane).
  bool chain4() const { return reg[4] & 0x08; }
  // Plane-2 offset of the font used when attribute bit 3 is `attribute_bit3` (map A for 1, map B
  // for 0). The eight 8 KiB font slots are ordered 0, 16, 32, 48, 8, 24, 40, 56 KiB.
  std::uint32_t font_offset(bool attribute_bit3) const {
    unsigned sel = attribute_bit3 ? (((reg[3] >> 5) & 1) << 2) | ((reg[3] >> 2) & 3)
                                  : (((reg[3] >> 4) & 1) << 2) | (reg[3] & 3);
    return ((sel & 3) * 2 + (sel >> 2)) * 0x2000u;
  }
};

}  // namespace vidport::devices::vga
