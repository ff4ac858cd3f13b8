#include "devices/vga/video_memory.h"

namespace vidport::devices::vga {

namespace {

// Where a host offset lands: the in-plane address and the planes it may touch.
struct PlaneTarget {
  std::uint32_t address;
  std::uint8_t planes;  // bit i: plane i
};

inline PlaneTarget write_target(std::uint32_t offset, const MemoryMode& mode) {
  switch (mode.write_addressing) {
    case HostAddressing::Chain4:
      return {offset & 0xFFFCu, static_cast<std::uint8_t>(mode.map_mask & (1u << (offset & 3)))};
    case HostAddressing::OddEven:
      return {offset & 0xFFFEu, static_cast<std::uint8_t>(mode.map_mask & ((offset & 1) ? 0x0A : 0x05))};
    case HostAddressing::Planar:
      break;
  }
  return {offset & 0xFFFFu, mode.map_mask};
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

std::uint32_t VideoMemory::read(std::uint32_t offset, unsigned bytes, const MemoryMode& mode) {
  std::uint32_t value = 0;
  for (unsigned i = 0; i < bytes; ++i) value |= std::uint32_t{read_byte(offset + i, mode)} << (8 * i);
  return value;
}

void VideoMemory::write(std::uint32_t offset, std::uint32_t value, unsigned bytes, const MemoryMode& mode) {
  if (mode.stores_cpu_byte) {
    // The common case (BIOS clears, text output, 256-colour pixels): no latch takes part, so each
    // byte is stored as it is in the planes it reaches.
    for (unsigned i = 0; i < bytes; ++i) {
      const PlaneTarget target = write_target(offset + i, mode);
      const auto byte = static_cast<std::uint8_t>(value >> (8 * i));
      for (unsigned p = 0; p < 4; ++p) {
        if (target.planes & (1u << p)) planes[p][target.address] = byte;
      }
    }
    return;
  }
  for (unsigned i = 0; i < bytes; ++i) write_byte(offset + i, static_cast<std::uint8_t>(value >> (8 * i)), mode);
}

std::uint8_t VideoMemory::read_byte(std::uint32_t offset, const MemoryMode& mode) {
  std::uint32_t address;
  unsigned plane;
  switch (mode.read_addressing) {
    case HostAddressing::Chain4:
      address = offset & 0xFFFCu;
      plane = offset & 3;
      break;
    case HostAddressing::OddEven:
      address = offset & 0xFFFEu;
      plane = (mode.read_map_select & 2) | (offset & 1);
      break;
    case HostAddressing::Planar:
    default:
      address = offset & 0xFFFFu;
      plane = mode.read_map_select;
      break;
  }
  for (unsigned i = 0; i < 4; ++i) latches[i] = planes[i][address];
  if (!mode.read_mode_compare) return latches[plane];
  // Read mode 1: a bit is 1 where every plane that takes part matches the colour compare value.
  std::uint8_t result = 0xFF;
  for (unsigned i = 0; i < 4; ++i) {
    if (mode.color_dont_care & (1u << i)) {
      result &= static_cast<std::uint8_t>(~(latches[i] ^ replicate(mode.color_compare & (1u << i))));
    }
  }
  return result;
}

void VideoMemory::write_byte(std::uint32_t offset, std::uint8_t value, const MemoryMode& mode) {
  const PlaneTarget target = write_target(offset, mode);
  if (target.planes == 0) return;
  const std::uint8_t rotated = rotate_right(value, mode.rotate_count);
  std::uint8_t mask = mode.bit_mask;
  if (mode.write_mode == 3) mask &= rotated;
  for (unsigned i = 0; i < 4; ++i) {
    if (!(target.planes & (1u << i))) continue;
    const std::uint8_t latch = latches[i];
    std::uint8_t data;
    switch (mode.write_mode) {
      case 0:
        data = (mode.enable_set_reset & (1u << i)) ? replicate(mode.set_reset & (1u << i)) : rotated;
        break;
      case 1:
        planes[i][target.address] = latch;
        continue;
      case 2:
        data = replicate(value & (1u << i));
        break;
      default:
        data = replicate(mode.set_reset & (1u << i));
        break;
    }
    data = logical(mode.logical_operation, data, latch);
    planes[i][target.address] = static_cast<std::uint8_t>((data & mask) | (latch & ~mask));
  }
}

}  // namespace vidport::devices::vga
