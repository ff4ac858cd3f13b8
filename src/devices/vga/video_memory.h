// VGA video memory as the CPU sees it: four 64 KiB planes, four latches, and the graphics
// controller's read and write logic, as decoded in a MemoryMode (memory_mode.h).
// Facts: shared/reference/sync-validator-vga.md §4.7.
//
// Rules for host addressing (the window offset is `offset`):
// - Chain-4 (SR04 bit 3): plane = offset & 3, in-plane address = offset & ~3 (IBM's layout, which
//   "mode X" software sees after unchaining).
// - Odd/even (SR04 bit 2 clear) for writes, GC05 bit 4 for reads: offset bit 0 picks planes 0/2
//   (even) or 1/3 (odd); the in-plane address is offset & ~1.
// - Otherwise every plane enabled in the map mask is written at `offset`, and reads come from the
//   plane in Read Map Select.
// - Every read loads all four latches from the in-plane address.
// - A multi-byte access is the byte accesses at offset, offset + 1, ... in that order (as a card
//   on an 8-bit path sees a 16- or 32-bit CPU access): the latches end up loaded by the last byte.
#pragma once

#include <array>
#include <cstdint>

#include "devices/vga/memory_mode.h"

namespace vidport::devices::vga {

// Not locked: the device holds its lock around every call.
struct VideoMemory {
  static constexpr std::uint32_t kPlaneSize = 0x10000;
  static constexpr std::uint64_t kWindowBase = 0xA0000;
  static constexpr std::uint64_t kWindowSize = 0x20000;

  std::array<std::array<std::uint8_t, kPlaneSize>, 4> planes{};
  std::array<std::uint8_t, 4> latches{};

  // CPU reads of `bytes` (1 to 4) consecutive window offsets from `offset`, each loading the
  // latches and giving read mode 0 or 1's byte; the bytes are returned little-endian. The caller
  // has checked that every offset is inside mode.window_size.
  std::uint32_t read(std::uint32_t offset, unsigned bytes, const MemoryMode& mode);
  // CPU writes of the `bytes` (1 to 4) little-endian bytes of `value` at consecutive window offsets
  // from `offset`, through the write mode, set/reset, rotate, logical operation, bit mask and map
  // mask. The caller has checked the offsets as for read().
  void write(std::uint32_t offset, std::uint32_t value, unsigned bytes, const MemoryMode& mode);

 private:
  std::uint8_t read_byte(std::uint32_t offset, const MemoryMode& mode);
  void write_byte(std::uint32_t offset, std::uint8_t value, const MemoryMode& mode);
};

}  // namespace vidport::devices::vga
