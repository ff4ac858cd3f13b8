#include "v86/session_bios.h"

#include <cstring>

namespace vidport::v86 {

bool SessionBios::int10(videoport::BiosRegisters& regs) {
  if (session_.running()) return false;
  pc::Pc& pc = session_.pc();
  const x86emu_regs_t saved = pc.registers();
  x86emu_regs_t& r = pc.registers();
  r.R_EAX = regs.eax;
  r.R_EBX = regs.ebx;
  r.R_ECX = regs.ecx;
  r.R_EDX = regs.edx;
  r.R_ESI = regs.esi;
  r.R_EDI = regs.edi;
  r.R_EBP = regs.ebp;
  r.R_EFLG = 0x2;
  pc.set_segment(R_DS_INDEX, regs.ds);
  pc.set_segment(R_ES_INDEX, regs.es);
  pc.set_segment(R_SS_INDEX, kBiosStackSegment);
  r.R_ESP = kBiosStackPointer;
  session_.router().set_traps_enabled(false);
  const pc::RunResult result = pc.interrupt(0x10, limits_);
  session_.router().set_traps_enabled(true);
  ++calls_;
  regs = {r.R_EAX, r.R_EBX, r.R_ECX, r.R_EDX, r.R_ESI, r.R_EDI, r.R_EBP,
          static_cast<std::uint16_t>(r.R_DS), static_cast<std::uint16_t>(r.R_ES)};
  pc.registers() = saved;
  return result.halted();
}

bool SessionBios::read_memory(std::uint32_t address, void* buffer, std::uint32_t length) {
  if (std::uint64_t{address} + length > pc::Pc::kMemorySize) return false;
  std::memcpy(buffer, session_.pc().memory() + address, length);
  return true;
}

bool SessionBios::write_memory(std::uint32_t address, const void* buffer, std::uint32_t length) {
  if (std::uint64_t{address} + length > pc::Pc::kMemorySize) return false;
  std::memcpy(session_.pc().memory() + address, buffer, length);
  return true;
}

}  // namespace vidport::v86
