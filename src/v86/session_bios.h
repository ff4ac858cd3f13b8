// The video BIOS a miniport calls (VideoPortInt10, the Int10 interface) on the full-screen
// session's PC: the same RAM, BIOS data area and ROM the full-screen program uses, so a mode the
// miniport sets through the BIOS is the mode the BIOS data area records for the program.
//
// Rules for the session BIOS:
// - int10() runs on the calling virtual processor (a request's HwVidStartIO or HwVidInitialize,
//   at PASSIVE_LEVEL), on its own stack (kBiosStackSegment:kBiosStackPointer), with the router's
//   traps off: the BIOS's port I/O goes straight to the VGA, never into the miniport's own
//   emulator routines. The program's registers are saved and put back around the call.
// - While the session runs a program (an emulator routine calls VideoPortInt10), int10() refuses
//   (false): the PC is busy, and the routine gets ERROR_INVALID_PARAMETER.
// - Install it with videoport::set_real_mode_bios() and remove it before the session goes.
#pragma once

#include "v86/v86_session.h"
#include "videoport/int10.h"

namespace vidport::v86 {

inline constexpr std::uint16_t kBiosStackSegment = 0x0000;
inline constexpr std::uint16_t kBiosStackPointer = 0x7000;

class SessionBios final : public videoport::RealModeBios {
 public:
  explicit SessionBios(V86Session& session, pc::RunLimits limits = {}) : session_(session), limits_(limits) {}

  bool int10(videoport::BiosRegisters& regs) override;
  bool read_memory(std::uint32_t address, void* buffer, std::uint32_t length) override;
  bool write_memory(std::uint32_t address, const void* buffer, std::uint32_t length) override;

  std::uint64_t calls() const { return calls_; }

 private:
  V86Session& session_;
  pc::RunLimits limits_;
  std::uint64_t calls_ = 0;  // on the processor that runs requests
};

}  // namespace vidport::v86
