// The machine a miniport meets: a kernel::Machine (virtual processors, clock, bus, interrupt
// controller) whose bus carries the VGA, with the VGA's retrace interrupt on ISA line 9 of the
// machine's interrupt controller, left the way a real PC's POST leaves it: the video BIOS
// (SeaVGABIOS) has run its init and INT 10h AX=0003h on the same bus and clock, so the VGA is
// in text mode 03h, the ROM font is in plane 2, and the BIOS data area says mode 3.
//
// Rules for the platform:
// - create() builds everything and runs POST on the calling (host) thread before any processor
//   has work; miniport code runs only afterwards. Create it on a host thread.
// - POST is real-mode code on a pc::Pc that shares the machine's bus and clock. Under the virtual
//   clock its bus accesses move clock time (a few milliseconds), as on a PC that booted.
// - The Pc is kept after POST so its RAM (the BIOS data area) can be inspected; nothing runs on
//   it again unless a caller does so while no processor touches the VGA.
// - The VGA's tear oracle is reset when POST ends (the BIOS loads its palette with the screen
//   on): vga().tears() counts only what happened afterwards.
// - Destruction: the VGA before the machine (the VGA cancels its clock event; the machine then
//   stops the processors and the clock).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>

#include "devices/vga/vga.h"
#include "kernel/machine.h"
#include "kernel/machine_config.h"
#include "pc/pc.h"
#include "pc/video_bios.h"

namespace vidport::platform {

// The ISA line the VGA's vertical retrace drives, as on the reference machines (IRQ 9 -> DIRQL 11).
inline constexpr unsigned kVgaIrq = 9;

struct PlatformOptions {
  kernel::MachineConfig machine;  // processors, clock kind, synchronize profile, storm threshold
  // 0: the retrace rate the CRTC registers describe (70.09 Hz in 03h/13h); > 0: this rate, e.g.
  // 10'000 for stress runs and benchmarks (positions inside a frame stay where the registers put
  // them).
  double retrace_hz = 0;
  std::string rom_path = pc::VideoBios::kDefaultRomPath;
  devices::vga::RenderConventions render = devices::vga::RenderConventions::Qemu;
  // false: no POST (the VGA stays at its power-on state), for runs that need neither the BIOS's
  // text screen nor VideoPortInt10; the ROM is then not needed either.
  bool post = true;
};

class PcPlatform {
 public:
  // Builds the machine and the VGA and runs POST (ROM init, then mode 03h) unless options.post is
  // false. On failure returns a message the user can act on (ROM missing or invalid, a BIOS call
  // that did not return).
  static std::variant<std::unique_ptr<PcPlatform>, std::string> create(const PlatformOptions& options);
  ~PcPlatform();
  PcPlatform(const PcPlatform&) = delete;
  PcPlatform& operator=(const PcPlatform&) = delete;

  kernel::Machine& machine() { return *machine_; }
  devices::vga::Vga& vga() { return *vga_; }
  // The real-mode PC that ran POST (its RAM holds the IVT and the BIOS data area).
  pc::Pc& pc() { return *pc_; }
  const PlatformOptions& options() const { return options_; }
  // Instructions POST executed (init plus the mode set), for reports and benchmarks.
  std::uint64_t post_instructions() const { return post_instructions_; }

  // The video mode byte the BIOS data area holds (0040:0049).
  std::uint8_t bios_video_mode() const;

 private:
  explicit PcPlatform(const PlatformOptions& options);
  std::string post();

  PlatformOptions options_;
  std::unique_ptr<kernel::Machine> machine_;
  std::unique_ptr<devices::vga::Vga> vga_;
  std::unique_ptr<pc::Pc> pc_;
  std::uint64_t post_instructions_ = 0;
};

}  // namespace vidport::platform
