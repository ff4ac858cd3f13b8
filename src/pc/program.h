// The 16-bit programs `vidport boot` runs, and how they are placed in the PC.
//
// Rules for programs:
// - A file whose name ends in ".com" (any case) is a DOS .COM program: loaded at PSP:0100 with a
//   minimal PSP at PSP:0000 (INT 20h at offset 0, top of memory at 2, an empty command tail at
//   80h), CS = DS = ES = SS = PSP, SP = FFFEh with a zero word on the stack (so RET reaches the
//   INT 20h). At most FF00h bytes.
// - Any other file is a flat boot image: loaded whole at 0000:7C00 (a boot sector, or a larger
//   image whose first sector would have loaded the rest; the PC has no disk) and entered there
//   with DL = 00h (the first floppy, as QEMU boots the reference images), SS:SP = 0000:7C00.
//   At most 7C00h..9FFFFh (623 KiB).
// - There is no DOS: INT 20h and INT 21h (whatever the function) end the program (they point at
//   a CLI; HLT stub), unless something installed other vectors first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pc/pc.h"

namespace vidport::pc {

struct Program {
  enum class Kind : std::uint8_t { BootImage, Com };
  Kind kind = Kind::BootImage;
  std::vector<std::uint8_t> bytes;
};

inline constexpr std::uint16_t kComSegment = 0x1000;
inline constexpr std::uint32_t kBootAddress = 0x7C00;

// Reads `path` and decides its kind by extension. Returns "" or an error for the user (cannot
// read, empty, too large for its kind).
std::string read_program(const std::string& path, Program& out);

// Copies the program into `pc` and sets the registers to enter it. Returns "" or an error (the
// program does not fit).
std::string place_program(Pc& pc, const Program& program);

}  // namespace vidport::pc
