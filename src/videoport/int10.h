// VideoPortInt10 and the Int10 interface (VideoPortQueryServices with VideoPortServicesInt10):
// a miniport's calls into the video BIOS, run on the host's real-mode PC.
//
// Rules for INT 10h services:
// - The host provides the PC (set_real_mode_bios) before miniport code runs and removes it after
//   the processors stopped running miniport code. Without one, every call answers
//   ERROR_INVALID_PARAMETER (VideoPortInt10, Int10CallBios) or ERROR_NOT_ENOUGH_MEMORY
//   (Int10AllocateBuffer), as on a machine without a video BIOS.
// - All calls are PASSIVE_LEVEL only (a finding otherwise; the call goes on) and run the BIOS
//   synchronously on the calling processor. Requests run on processor 0 one at a time, so BIOS
//   calls are serialized with requests and with the full-screen session.
// - The BIOS's port I/O goes straight to the device: the miniport's own BIOS calls never trap
//   into its emulator routines.
// - The interface has one transfer buffer of kInt10BufferSize bytes at kInt10BufferSegment:0000;
//   Int10AllocateBuffer hands it out once until Int10FreeBuffer. Read/WriteMemory reach the PC's
//   first MiB (an access past it is ERROR_INVALID_PARAMETER).
#pragma once

#include <video.h>

#include <cstdint>

namespace vidport::videoport {

inline constexpr std::uint16_t kInt10BufferSegment = 0x2000;
inline constexpr std::uint32_t kInt10BufferSize = 0x1000;

struct BiosRegisters {
  std::uint32_t eax = 0, ebx = 0, ecx = 0, edx = 0, esi = 0, edi = 0, ebp = 0;
  std::uint16_t ds = 0, es = 0;
};

// The real-mode machine behind the services, implemented by the host (v86::SessionBios).
class RealModeBios {
 public:
  virtual ~RealModeBios() = default;
  // Runs INT 10h with `regs` on the calling processor and returns the BIOS's registers in them.
  // False when the BIOS could not run or did not return.
  virtual bool int10(BiosRegisters& regs) = 0;
  // Copies between the PC's physical memory [address, address + length) and `buffer`; false when
  // the range leaves the first MiB.
  virtual bool read_memory(std::uint32_t address, void* buffer, std::uint32_t length) = 0;
  virtual bool write_memory(std::uint32_t address, const void* buffer, std::uint32_t length) = 0;
};

// Host side, while no miniport code runs. nullptr removes the BIOS.
void set_real_mode_bios(RealModeBios* bios);

std::uint32_t int10(void* extension, VIDEO_X86_BIOS_ARGUMENTS* arguments, std::uintptr_t site);
// VideoPortQueryServices(VideoPortServicesInt10): fills the VIDEO_PORT_INT10_INTERFACE at
// `interface` (Size and Version checked first) and references it once. NO_ERROR, or
// ERROR_INVALID_PARAMETER for a wrong size or version or an unknown extension. The caller
// (query_services) has checked the call's rule already.
std::uint32_t query_int10_interface(void* extension, INTERFACE* interface);

// VideoPortIsNoVesa: FALSE. Nothing tells vidport to restrict adapters to the legacy VGA
// resources (Windows' NOVESA boot option), so miniports may call the Int10 functions, which
// answer as described above. PASSIVE_LEVEL.
BOOLEAN is_no_vesa(std::uintptr_t site);

// The interface's reference count (references minus dereferences), for tests and reports.
long int10_interface_references();

}  // namespace vidport::videoport
