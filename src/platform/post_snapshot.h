// What the video BIOS's POST leaves on the platform (pc_platform.h), captured once and put back
// into fresh platforms instead of running POST again: docs/snapshot.md.
//
// Rules for POST snapshots:
// - A snapshot holds everything POST changes that a run can observe: the PC's 1 MiB of RAM (the
//   IVT, the BIOS data area, the ROM as it patched itself at C0000, the stack), its processor
//   registers, instruction counters and interrupt counts, every VGA register, the DAC, the four planes, the latches
//   and the pending flag, what the VGA's programming oracle recorded, the virtual clock's time,
//   and the number of instructions POST ran. What is derived from those (the VGA's memory decode,
//   its retrace event, its interrupt line) is rebuilt from them on restore, never copied.
// - Only virtual-clock platforms are captured and restored: under the real clock, time (and so
//   what the BIOS reads from the status ports) is the host's, which a snapshot cannot give back.
// - A snapshot applies only to a platform with the same PostKey: the ROM's content (SHA-256 and
//   size) and the options that change what POST does or when it ends (the cost of a bus access,
//   the forced retrace rate). Processors, the synchronize profile and the render conventions do
//   not take part in POST.
// - Plain data: copyable, any thread; the platform captures and restores it on its host thread.
#pragma once

#include <cstdint>

#include "devices/vga/programming_oracle.h"
#include "devices/vga/vga_state.h"
#include "kernel/clock.h"
#include "pc/pc.h"
#include "platform/sha256.h"

namespace vidport::platform {

// What a POST's result depends on besides vidport's own code (snapshot_file.h adds the build).
struct PostKey {
  Sha256Digest rom_sha256{};
  std::uint64_t rom_size = 0;
  kernel::ClockTime bus_access_cost = 0;  // VirtualClock's cost of one access, in ns
  double retrace_hz = 0;                  // PlatformOptions::retrace_hz

  bool operator==(const PostKey&) const = default;
};

struct PostSnapshot {
  PostKey key;
  pc::PcSnapshot pc;
  devices::vga::VgaState vga;
  devices::vga::ProgrammingOracle programming;
  kernel::ClockTime clock_time = 0;     // the virtual clock when POST ended
  std::uint64_t post_instructions = 0;  // instructions POST ran (init plus the mode set)
};

}  // namespace vidport::platform
