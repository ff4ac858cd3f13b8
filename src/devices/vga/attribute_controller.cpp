#include "devices/vga/attribute_controller.h"

namespace vidport::devices::vga {

namespace {
// Bits each register keeps: palette entries are 6-bit DAC indices; AR10 bit 4 is reserved;
// AR12 bits 5-4 select the diagnostic mux; panning and colour select are 4 bits.
constexpr std::uint8_t write_mask(unsigned index) {
  if (index < 0x10) return 0x3F;
  switch (index) {
    case 0x10: return 0xEF;
    case 0x11: return 0xFF;
    case 0x12: return 0x3F;
    default: return 0x0F;
  }
}
}  // namespace

void AttributeController::write(std::uint8_t value) {
  if (!data_next) {
    index = value & 0x3F;
  } else if (register_index() < kCount) {
    reg[register_index()] = value & write_mask(register_index());
  }
  data_next = !data_next;
}

}  // namespace vidport::devices::vga
