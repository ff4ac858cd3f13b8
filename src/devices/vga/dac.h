// VGA DAC (RAMDAC): 256 entries of three 6-bit components, reached through 3C7 (read index;
// reading gives the access state), 3C8 (write index), 3C9 (data) and 3C6 (pixel mask).
// Facts: shared/reference/sync-validator-vga.md §4.6.
//
// Rules for the DAC:
// - Writing 3C8 sets the write index and restarts the component count; three writes to 3C9 (red,
//   green, blue) form one entry, stored when the third arrives, and the write index moves on.
// - Writing 3C7 sets the read index; three reads of 3C9 return red, green, blue and the read index
//   moves on. Indices wrap from FFh to 00h.
// - 3C7 reads 00h after a 3C8 write (write state) and 03h after a 3C7 write (read state).
#pragma once

#include <array>
#include <cstdint>

namespace vidport::devices::vga {

// Not locked: the device holds its lock around every call.
struct Dac {
  std::array<std::uint8_t, 256 * 3> rgb{};  // entry i: rgb[3i] red, [3i+1] green, [3i+2] blue, 6 bits
  std::uint8_t pixel_mask = 0xFF;
  std::uint8_t write_index = 0;
  std::uint8_t read_index = 0;
  unsigned write_component = 0;  // 0..2: the next 3C9 write is red, green or blue
  unsigned read_component = 0;
  std::array<std::uint8_t, 3> pending{};  // components written so far for write_index
  bool read_state = false;                // the last index written was 3C7

  void set_write_index(std::uint8_t value) {
    write_index = value;
    write_component = 0;
    read_state = false;
  }
  void set_read_index(std::uint8_t value) {
    read_index = value;
    read_component = 0;
    read_state = true;
  }
  std::uint8_t state() const { return read_state ? 0x03 : 0x00; }
  void write_data(std::uint8_t value) {
    pending[write_component] = value & 0x3F;
    if (++write_component == 3) {
      for (unsigned c = 0; c < 3; ++c) rgb[write_index * 3u + c] = pending[c];
      write_component = 0;
      ++write_index;
    }
  }
  std::uint8_t read_data() {
    std::uint8_t value = rgb[read_index * 3u + read_component];
    if (++read_component == 3) {
      read_component = 0;
      ++read_index;
    }
    return value;
  }
};

}  // namespace vidport::devices::vga
