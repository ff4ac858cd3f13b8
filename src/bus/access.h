// Vocabulary of the I/O bus: access widths and what a device declares it accepts.
#pragma once

#include <cstdint>

namespace vidport::bus {

enum class Width : std::uint8_t { Byte = 1, Word = 2, Dword = 4 };

inline constexpr unsigned bytes_of(Width w) { return static_cast<unsigned>(w); }
inline constexpr std::uint32_t all_ones(Width w) {
  return w == Width::Dword ? 0xFFFFFFFFu : (1u << (8 * bytes_of(w))) - 1u;
}

// The widths a mapped range accepts as one access. The bus splits any other access into byte
// accesses at address, address+1, ... (little-endian), as an 8-bit ISA card sees a wide access.
enum WidthMask : std::uint8_t {
  kByteAccess = 1,
  kWordAccess = 2,
  kDwordAccess = 4,
  kAnyWidth = kByteAccess | kWordAccess | kDwordAccess,
};

inline constexpr bool accepts(std::uint8_t mask, Width w) {
  return (mask & (w == Width::Byte ? kByteAccess : w == Width::Word ? kWordAccess : kDwordAccess)) != 0;
}

enum class Direction : std::uint8_t { Read, Write };

}  // namespace vidport::bus
