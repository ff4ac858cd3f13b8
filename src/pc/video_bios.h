// The video BIOS (an ISA option ROM such as SeaVGABIOS) on the PC: loaded into the option-ROM
// area, initialised the way a system BIOS does it, and called through INT 10h.
//
// Rules for the video BIOS:
// - The image must start with the option-ROM signature 55h AAh and fit in C0000-CFFFF (64 KiB).
// - initialize() far-calls C000:0003 with SS:SP = 8000:FFF0 and the other registers zero; the ROM
//   installs its INT 10h vector. There is no system BIOS behind it: no $PMM (the ROM runs on the
//   caller's stack), no PCI BIOS.
// - Calls run on a stack at 8000:FFF0 as well.
// - Not thread-safe; the Pc's rules apply.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pc/pc.h"

namespace vidport::pc {

class VideoBios {
 public:
  static constexpr const char* kDefaultRomPath = "/usr/share/seabios/vgabios-isavga.bin";
  static constexpr std::uint32_t kRomBase = 0xC0000;
  static constexpr std::uint32_t kRomMaxSize = 0x10000;

  explicit VideoBios(Pc& pc) : pc_(pc) {}

  // Reads the ROM image at `path`, checks it and copies it to C0000. Returns "" or an error for
  // the user (missing file, not an option ROM, too large).
  std::string load(const std::string& path);
  // Same, from bytes already in memory (`origin` names them in errors).
  std::string load(const std::vector<std::uint8_t>& image, const std::string& origin);

  // Runs the ROM's initialisation entry point (C000:0003) until it returns.
  RunResult initialize(const RunLimits& limits = {});
  // INT 10h with AX = `ax` (other registers as they are), e.g. 0x0013 to set mode 13h.
  RunResult int10(std::uint16_t ax, const RunLimits& limits = {});
  // What a PC's POST does with the video BIOS: load the ROM at `rom_path`, run its init, then
  // INT 10h AX=0003h (text mode 03h). Returns "" or an error for the user; adds the instructions
  // it ran to `*instructions` when given.
  std::string post(const std::string& rom_path, std::uint64_t* instructions = nullptr);

 private:
  void use_bios_stack();

  Pc& pc_;
};

}  // namespace vidport::pc
