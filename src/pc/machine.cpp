#include "pc/machine.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace vidport::pc {

Machine::Machine(devices::vga::VgaOptions vga_options)
    : vga_(clock_, lines_, vga_options), pc_(bus_, clock_), bios_(pc_) {
  // The port ranges are fixed and disjoint; failing to map them is a bug, not a user error.
  if (!vga_.attach(bus_) || !console_.attach(bus_)) {
    std::fputs("vidport: internal error: the PC's devices overlap on the bus\n", stderr);
    std::abort();
  }
  monitor_.attach(bus_);
  pc_.connect_interrupts(&lines_);
  pc_.connect_video_store(&vga_store_);
}

std::string Machine::start(const std::string& rom_path, const RunLimits& limits) {
  if (std::string error = bios_.load(rom_path); !error.empty()) return error;
  const RunResult init = bios_.initialize(limits);
  init_instructions_ = init.instructions;
  if (!init.halted()) return fmt::format("the video BIOS init failed: {}", init.message);
  return "";
}

MachineSnapshot Machine::snapshot() const { return {pc_.snapshot(), vga_.snapshot()}; }

void Machine::restore(const MachineSnapshot& snapshot) {
  pc_.restore(snapshot.pc);
  vga_.restore(snapshot.vga);
}

RunResult Machine::run_program(const Program& program, const RunLimits& limits) {
  if (std::string error = place_program(pc_, program); !error.empty()) {
    RunResult result;
    result.reason = StopReason::Fault;
    result.message = error;
    return result;
  }
  return pc_.run(limits);
}

}  // namespace vidport::pc
