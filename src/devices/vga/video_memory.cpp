#include "devices/vga/video_memory.h"

namespace vidport::devices::vga {

namespace {

// Where a host offset lands: the in-plane address and the planes it may touch.
struct PlaneTarget {
  std::uint32_t address;
  std::uint8_t planes;  // bit i: plane i
};

PlaneTarget write_target(std::uint32_t offset, const Sequencer& seq) {
  if (seq.chain4()) {
    return {offset & 0xFFFCu, static_cast<std::uint8_t>(seq.map_mask() & (1u << (offset & 3)))};
  }
  if (!seq.odd_even_disabled()) {
    std::uint8_t pair = (offset & 1) ? 0x0A : 0x05;
    return {offset & 0xFFFEu, static_cast<std::uint8_t>(seq.map_mask() & pair)};
  }
  return {offset & 0xFFFFu, seq.map_mask()};
}

std::uint8_t rotate_right(std::uint8_t value, unsigned count) {
  return static_cast<std::uint8_t>((value >> count) | (value << ((8 - count) & 7)));
}

std::uint8_t replicate(unsigned bit) { return bit ? 0xFF : 0x00; }

std::uint8_t logical(unsigned op, std::uint8_t data, std::uint8_t latch) {
  switch (op) {
    case 1: return data & latch;
    case 2: return data | latch;
    case 3: return data ^ latch;
    default: return data;
  }
}

}  // namespace

std::optional<std::uint32_t> VideoMemory::window_offset(std::uint64_t address, const GraphicsController& gc) {
  static constexpr std::uint64_t kBase[4] = {0xA0000, 0xA0000, 0xB0000, 0xB8000};
  static constexpr std::uint64_t kSize[4] = {0x20000, 0x10000, 0x8000, 0x8000};
  unsigned map = gc.memory_map();
  if (address < kBase[map] || address - kBase[map] >= kSize[map]) return std::nullopt;
  return static_cast<std::uint32_t>(address - kBase[map]);
}

std::uint8_t VideoMemory::read(std::uint32_t offset, const Sequencer& seq, const GraphicsController& gc) {
  std::uint32_t address;
  unsigned plane;
  if (seq.chain4()) {
    address = offset & 0xFFFCu;
    plane = offset & 3;
  } else if (gc.host_odd_even()) {
    address = offset & 0xFFFEu;
    plane = (gc.read_map_select() & 2) | (offset & 1);
  } else {
    address = offset & 0xFFFFu;
    plane = gc.read_map_select();
  }
  for (unsigned i = 0; i < 4; ++i) latches[i] = planes[i][address];
  if (!gc.read_mode_compare()) return latches[plane];
  // Read mode 1: a bit is 1 where every plane that takes part matches the colour compare value.
  std::uint8_t result = 0xFF;
  for (unsigned i = 0; i < 4; ++i) {
    if (gc.color_dont_care() & (1u << i)) {
      result &= static_cast<std::uint8_t>(~(latches[i] ^ replicate(gc.color_compare() & (1u << i))));
    }
  }
  return result;
}

void VideoMemory::write(std::uint32_t offset, std::uint8_t value, const Sequencer& seq,
                        const GraphicsController& gc) {
  PlaneTarget target = write_target(offset, seq);
  if (target.planes == 0) return;
  std::uint8_t rotated = rotate_right(value, gc.rotate_count());
  std::uint8_t mask = gc.bit_mask();
  if (gc.write_mode() == 3) mask &= rotated;
  for (unsigned i = 0; i < 4; ++i) {
    if (!(target.planes & (1u << i))) continue;
    std::uint8_t latch = latches[i];
    std::uint8_t data;
    switch (gc.write_mode()) {
      case 0:
        data = (gc.enable_set_reset() & (1u << i)) ? replicate(gc.set_reset() & (1u << i)) : rotated;
        break;
      case 1:
        planes[i][target.address] = latch;
        continue;
      case 2:
        data = replicate(value & (1u << i));
        break;
      default:
        data = replicate(gc.set_reset() & (1u << i));
        break;
    }
    data = logical(gc.logical_operation(), data, latch);
    planes[i][target.address] = static_cast<std::uint8_t>((data & mask) | (latch & ~mask));
  }
}

}  // namespace vidport::devices::vga
