// The whole emulated PC as `vidport boot` and the tests use it: a virtual clock, the I/O bus,
// the VGA, the debug console, the port monitor, the real-mode processor and the video BIOS,
// wired together.
//
// Rules for the machine:
// - Time is virtual (deterministic): it advances by a fixed cost per port and video-memory
//   access, so the VGA's retrace timing repeats exactly from run to run.
// - start() loads the video BIOS and runs its init once; afterwards programs and INT 10h calls
//   run on the initialised machine; snapshot() and restore() return to any such point between
//   runs. A Machine is used from one thread.
// - The PC's REP STOS shortcut (string_store.h) is connected to the VGA.
#pragma once

#include <cstdint>
#include <string>

#include "bus/io_bus.h"
#include "devices/vga/vga.h"
#include "kernel/clock.h"
#include "pc/debug_console.h"
#include "pc/interrupt_lines.h"
#include "pc/pc.h"
#include "pc/port_monitor.h"
#include "pc/program.h"
#include "pc/video_bios.h"

namespace vidport::pc {

// The machine at one moment: RAM and processor registers, and every VGA register and plane.
// Clock time is not part of it (it never goes back); the debug console's text and the port
// monitor's counts are not either.
struct MachineSnapshot {
  PcSnapshot pc;
  devices::vga::VgaState vga;
};

class Machine {
 public:
  explicit Machine(devices::vga::VgaOptions vga_options = {});
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;

  // Loads the ROM at `rom_path` and runs its init. Returns "" or an error for the user (ROM
  // missing or invalid, init did not return).
  std::string start(const std::string& rom_path = VideoBios::kDefaultRomPath, const RunLimits& limits = {});

  // Places `program` (see program.h) and runs it until HLT or a limit.
  RunResult run_program(const Program& program, const RunLimits& limits = {});

  // The state after start() (or any other point between runs), to come back to with restore()
  // instead of running the ROM's init again: a mode-set test restores it in microseconds where
  // init takes milliseconds.
  MachineSnapshot snapshot() const;
  // Puts back a snapshot of this machine (Pc::restore, Vga::restore). Between runs only.
  void restore(const MachineSnapshot& snapshot);

  // Hears every port access from now on (a trace writer); nullptr removes it.
  void set_port_observer(bus::BusObserver* observer) { monitor_.set_downstream(observer); }

  Pc& pc() { return pc_; }
  VideoBios& bios() { return bios_; }
  devices::vga::Vga& vga() { return vga_; }
  const DebugConsole& console() const { return console_; }
  const PortMonitor& monitor() const { return monitor_; }
  const InterruptLines& lines() const { return lines_; }
  kernel::VirtualClock& clock() { return clock_; }
  // Instructions the video BIOS init executed (0 before start()).
  std::uint64_t init_instructions() const { return init_instructions_; }

 private:
  // The PC's REP STOS shortcut into the VGA's memory (string_store.h).
  class VgaStore final : public RepeatedStoreTarget {
   public:
    explicit VgaStore(devices::vga::Vga& vga) : vga_(vga) {}
    void store_repeated(std::uint32_t address, bus::Width width, std::uint32_t value, std::uint32_t count,
                        bool down) override {
      vga_.write_memory_repeated(address, width, value, count, down);
    }

   private:
    devices::vga::Vga& vga_;
  };

  kernel::VirtualClock clock_;
  bus::IoBus bus_;
  InterruptLines lines_;
  devices::vga::Vga vga_;
  VgaStore vga_store_{vga_};
  DebugConsole console_;
  PortMonitor monitor_;
  Pc pc_;
  VideoBios bios_;
  std::uint64_t init_instructions_ = 0;
};

}  // namespace vidport::pc
