// REP STOS into video memory, performed by the PC as one call to the video device instead of one
// bus access per element: the BIOS clears 32-64 KiB of video memory on every mode set this way,
// and the per-element bus and lock overhead would otherwise be most of a mode set's cost.
//
// Rules for the shortcut:
// - Only REP STOSB/STOSW/STOSD (F2 or F3 prefix, opcode AA/AB) whose every element lies inside
//   A0000-BFFFF (linear = physical below 1 MiB) and whose index does not wrap take it; anything
//   else is left to libx86emu, element by element through the bus.
// - The target performs the elements in order, each exactly as IoBus::write_memory(address,
//   width, value) would reach the video device, so the result is the same as without the shortcut;
//   the PC charges the clock one bus access per element, as before.
// - STOS stores AL/AX/EAX at ES:(E)DI; the segment cannot be overridden. DF = 1 counts down.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "bus/access.h"

namespace vidport::pc {

struct StringStoreInstruction {
  bus::Width width = bus::Width::Byte;
  bool address32 = false;
  unsigned length = 0;  // bytes, prefixes included
};

// Decodes the instruction in `bytes[0..size)` (the bytes at CS:IP). Returns it if it is STOS with a
// REP prefix (other prefixes allowed), std::nullopt for anything else. `code32` is the code
// segment's default size. Pure function; any thread.
std::optional<StringStoreInstruction> decode_rep_stos(const std::uint8_t* bytes, std::size_t size,
                                                      bool code32);

// Where the PC sends a whole REP STOS run into video memory (the Machine connects the VGA).
class RepeatedStoreTarget {
 public:
  virtual ~RepeatedStoreTarget() = default;
  // `count` stores of the low bytes of `value` of size `width`, at `address`, then address +
  // (or - when `down`) the width, and so on. The PC guarantees every element lies in A0000-BFFFF.
  virtual void store_repeated(std::uint32_t address, bus::Width width, std::uint32_t value,
                              std::uint32_t count, bool down) = 0;
};

}  // namespace vidport::pc
