// How the CPU reaches video memory right now: the window, the host addressing and the graphics
// controller's read and write logic, decoded from Misc Output, the sequencer and the graphics
// controller once per register write instead of once per access.
// Facts: shared/reference/sync-validator-vga.md §4.2, §4.4 and §4.7.
//
// Rules for the decode:
// - It is a pure function of the three register blocks; the device recomputes it whenever one of
//   them is written (and when its state is restored), so it never disagrees with the registers.
// - While Misc Output bit 1 is clear the window is empty: every address falls outside it.
#pragma once

#include <cstdint>

#include "devices/vga/external_registers.h"
#include "devices/vga/graphics_controller.h"
#include "devices/vga/sequencer.h"

namespace vidport::devices::vga {

// How a host offset becomes an in-plane address and a plane (see video_memory.h).
enum class HostAddressing : std::uint8_t {
  Planar,   // every plane at `offset` (writes: the map mask; reads: Read Map Select)
  OddEven,  // offset bit 0 picks planes 0/2 or 1/3 at offset & ~1
  Chain4,   // offset bits 1-0 pick the plane at offset & ~3
};

struct MemoryMode {
  std::uint64_t window_base = 0xA0000;  // physical address of window offset 0
  std::uint32_t window_size = 0;        // 0: the CPU reaches no video memory

  HostAddressing write_addressing = HostAddressing::Planar;  // SR04 bits 3 and 2
  HostAddressing read_addressing = HostAddressing::Planar;   // SR04 bit 3 and GC05 bit 4
  std::uint8_t map_mask = 0;                                 // SR02

  unsigned write_mode = 0;       // GC05 bits 1-0
  unsigned rotate_count = 0;     // GC03 bits 2-0
  unsigned logical_operation = 0;  // GC03 bits 4-3
  std::uint8_t set_reset = 0;         // GC00
  std::uint8_t enable_set_reset = 0;  // GC01
  std::uint8_t bit_mask = 0;          // GC08
  // Write mode 0 with no set/reset, no rotation, plain replace and every bit enabled: the CPU byte
  // lands unchanged in each plane it reaches, whatever the latches hold.
  bool stores_cpu_byte = false;

  unsigned read_map_select = 0;       // GC04 bits 1-0
  bool read_mode_compare = false;     // GC05 bit 3
  std::uint8_t color_compare = 0;     // GC02
  std::uint8_t color_dont_care = 0;   // GC07
};

// The decode of the registers as they are now.
MemoryMode derive_memory_mode(const ExternalRegisters& external, const Sequencer& seq,
                              const GraphicsController& gc);

}  // namespace vidport::devices::vga
