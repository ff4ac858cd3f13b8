// VGA video memory as the CPU sees it: four 64 KiB planes, four latches, and the graphics
// controller's read and write logic, reached through the window that GC06 selects in
// A0000-BFFFF. Facts: shared/reference/sync-validator-vga.md §4.7.
//
// Rules for host addressing (the window offset is `offset`):
// - Chain-4 (SR04 bit 3): plane = offset & 3, in-plane address = offset & ~3 (IBM's layout, which
//   "mode X" software sees after unchaining).
// - Odd/even (SR04 bit 2 clear) for writes, GC05 bit 4 for reads: offset bit 0 picks planes 0/2
//   (even) or 1/3 (odd); the in-plane address is offset & ~1.
// - Otherwise every plane enabled in the map mask is written at `offset`, and reads come from the
//   plane in Read Map Select.
// - Every read loads all four latches from the in-plane address.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "devices/vga/graphics_controller.h"
#include "devices/vga/sequencer.h"

namespace vidport::devices::vga {

struct VideoMemory {
  static constexpr std::uint32_t kPlaneSize = 0x10000;
  static constexpr std::uint64_t kWindowBase = 0xA0000;
  static constexpr std::uint64_t kWindowSize = 0x20000;

  std::array<std::array<std::uint8_t, kPlaneSize>, 4> planes{};
  std::array<std::uint8_t, 4> latches{};

  // The offset of physical `address` inside the window GC06 selects, or nothing when the address
  // falls outside it (the card then does not answer).
  static std::optional<std::uint32_t> window_offset(std::uint64_t address, const GraphicsController& gc);

  // A CPU read at window offset `offset`: loads the latches and returns read mode 0 or 1's byte.
  std::uint8_t read(std::uint32_t offset, const Sequencer& seq, const GraphicsController& gc);
  // A CPU write at window offset `offset` through the write mode, set/reset, rotate, logical
  // operation, bit mask and map mask.
  void write(std::uint32_t offset, std::uint8_t value, const Sequencer& seq, const GraphicsController& gc);
};

}  // namespace vidport::devices::vga
