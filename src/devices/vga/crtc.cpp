#include "devices/vga/crtc.h"

namespace vidport::devices::vga {

void Crtc::write_data(std::uint8_t value) {
  if (index >= kCount) return;
  if (index <= 0x07 && protected_registers()) {
    // The protect bit exists so old software cannot change the timing; the line compare bit in
    // the overflow register is not timing, so it stays writable.
    if (index == 0x07) reg[0x07] = static_cast<std::uint8_t>((reg[0x07] & ~0x10) | (value & 0x10));
    return;
  }
  reg[index] = value;
}

}  // namespace vidport::devices::vga
