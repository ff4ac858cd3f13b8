// VGA CRT controller (3B4/3D4 index, 3B5/3D5 data): display geometry, retrace timing, start
// address, cursor, line compare and the vertical retrace interrupt control bits of CR11.
// Facts: shared/reference/sync-validator-vga.md §4.3.
//
// Rules for the CRTC:
// - While CR11 bit 7 is 1, writes to CR00-CR07 are dropped, except CR07 bit 4 (line compare bit 8),
//   which is always written.
// - Counts that span several registers (vertical total, display end, retrace and blank start,
//   line compare) are assembled here, in one place, from their overflow bits.
#pragma once

#include <array>
#include <cstdint>

namespace vidport::devices::vga {

// Register storage with the port behaviour of the index/data pair. Not locked: the device holds
// its lock around every call. An index past 18h reads 0xFF and ignores writes.
struct Crtc {
  static constexpr unsigned kCount = 0x19;

  std::uint8_t index = 0;  // 6 bits
  std::array<std::uint8_t, kCount> reg{};

  std::uint8_t read_index() const { return index; }
  void write_index(std::uint8_t value) { index = value & 0x3F; }
  std::uint8_t read_data() const { return index < kCount ? reg[index] : 0xFF; }
  // Stores `value` at the current index, honouring the CR11 bit 7 write protection.
  void write_data(std::uint8_t value);

  // Horizontal counts, in character clocks.
  unsigned horizontal_total() const { return reg[0x00] + 5u; }
  unsigned horizontal_display() const { return reg[0x01] + 1u; }
  unsigned horizontal_blank_start() const { return reg[0x02]; }
  // Six bits: CR03 bits 4-0 and CR05 bit 7.
  unsigned horizontal_blank_end() const { return (reg[0x03] & 0x1Fu) | ((reg[0x05] & 0x80u) >> 2); }

  // Vertical counts, in scan lines, assembled from CR07 and CR09 overflow bits.
  unsigned vertical_total() const { return tenbit(reg[0x06], 0, 5) + 2u; }
  unsigned vertical_display() const { return tenbit(reg[0x12], 1, 6) + 1u; }
  unsigned vertical_retrace_start() const { return tenbit(reg[0x10], 2, 7); }
  // CR11 bits 3-0: retrace ends at the first line after its start whose low four bits match.
  unsigned vertical_retrace_end_low4() const { return reg[0x11] & 0x0Fu; }
  unsigned vertical_blank_start() const {
    return reg[0x15] | ((reg[0x07] & 0x08u) << 5) | ((reg[0x09] & 0x20u) << 4);
  }
  unsigned vertical_blank_end() const { return reg[0x16]; }
  unsigned line_compare() const {
    return reg[0x18] | ((reg[0x07] & 0x10u) << 4) | ((reg[0x09] & 0x40u) << 3);
  }

  unsigned preset_row_scan() const { return reg[0x08] & 0x1Fu; }
  unsigned byte_panning() const { return (reg[0x08] >> 5) & 3u; }
  unsigned max_scan_line() const { return reg[0x09] & 0x1Fu; }
  bool double_scan() const { return reg[0x09] & 0x80; }
  bool cursor_disabled() const { return reg[0x0A] & 0x20; }
  unsigned cursor_start() const { return reg[0x0A] & 0x1Fu; }
  unsigned cursor_end() const { return reg[0x0B] & 0x1Fu; }
  unsigned cursor_skew() const { return (reg[0x0B] >> 5) & 3u; }
  unsigned start_address() const { return (unsigned{reg[0x0C]} << 8) | reg[0x0D]; }
  unsigned cursor_location() const { return (unsigned{reg[0x0E]} << 8) | reg[0x0F]; }
  unsigned offset() const { return reg[0x13]; }
  unsigned underline_location() const { return reg[0x14] & 0x1Fu; }
  bool dword_mode() const { return reg[0x14] & 0x40; }
  bool count_by_4() const { return reg[0x14] & 0x20; }
  // CR17 bit 6 = 1 is byte mode; 0 is word mode (unless CR14 selects double-word mode).
  bool byte_mode() const { return reg[0x17] & 0x40; }
  // CR17 bit 5: in word mode, MA15 (1) or MA13 (0) becomes address bit 0.
  bool address_wrap_ma15() const { return reg[0x17] & 0x20; }
  bool count_by_2() const { return reg[0x17] & 0x08; }
  // CR17 bits 0 and 1 clear: row scan bits 0 and 1 replace address bits 13 and 14 (CGA banks).
  bool map13() const { return !(reg[0x17] & 0x01); }
  bool map14() const { return !(reg[0x17] & 0x02); }

  // CR11 bit 4 (active low): 1 lets a retrace set the pending flag; writing 0 clears it.
  bool vertical_interrupt_clear_released() const { return reg[0x11] & 0x10; }
  // CR11 bit 5: 1 disables the vertical interrupt.
  bool vertical_interrupt_disabled() const { return reg[0x11] & 0x20; }
  bool protected_registers() const { return reg[0x11] & 0x80; }

 private:
  // An 8-bit count with bit 8 from CR07 bit `bit8` and bit 9 from CR07 bit `bit9`.
  unsigned tenbit(std::uint8_t low, unsigned bit8, unsigned bit9) const {
    return low | (((reg[0x07] >> bit8) & 1u) << 8) | (((reg[0x07] >> bit9) & 1u) << 9);
  }
};

}  // namespace vidport::devices::vga
