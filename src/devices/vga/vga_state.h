// Everything a VGA is: its register blocks and its memory, grouped by role. The device owns one
// behind its lock; the renderer and the tests read copies (Vga::snapshot()).
#pragma once

#include "devices/vga/attribute_controller.h"
#include "devices/vga/crtc.h"
#include "devices/vga/dac.h"
#include "devices/vga/external_registers.h"
#include "devices/vga/graphics_controller.h"
#include "devices/vga/sequencer.h"
#include "devices/vga/video_memory.h"

namespace vidport::devices::vga {

struct VgaState {
  ExternalRegisters external;
  Sequencer sequencer;
  Crtc crtc;
  GraphicsController graphics;
  AttributeController attribute;
  Dac dac;
  VideoMemory memory;
  bool vertical_interrupt_pending = false;  // Input Status 0 bit 7
};

}  // namespace vidport::devices::vga
