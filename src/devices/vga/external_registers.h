// VGA external (general) registers: Miscellaneous Output, Feature Control and the video subsystem
// enable at 3C3. Input Status 0 and 1 are computed by the device from other state (the vertical
// interrupt flag and the beam position), so they have no storage here.
// Facts: shared/reference/sync-validator-vga.md §4.1.
#pragma once

#include <cstdint>

namespace vidport::devices::vga {

// Plain register storage; the device serializes access. Every bit written reads back.
struct ExternalRegisters {
  std::uint8_t misc_output = 0;      // written at 3C2, read at 3CC
  std::uint8_t feature_control = 0;  // written at 3BA/3DA (active base), read at 3CA
  std::uint8_t video_enable = 0;     // 3C3 bit 0; the other bits read 0

  // Misc bit 0: CRTC and Input Status 1 at 3Dx (colour) when 1, at 3Bx (mono) when 0.
  bool colour_base() const { return misc_output & 0x01; }
  // Misc bit 1: when 0 the CPU cannot reach video memory (reads all ones, writes are lost).
  bool ram_enabled() const { return misc_output & 0x02; }
  // Misc bits 3-2: 0 selects the 25.175 MHz crystal, 1 the 28.322 MHz one; 2 and 3 (external or
  // reserved) are modelled as 25.175 MHz, the only rate a plain VGA card would then see.
  unsigned clock_select() const { return (misc_output >> 2) & 3; }
  void write_video_enable(std::uint8_t value) { video_enable = value & 0x01; }
};

}  // namespace vidport::devices::vga
