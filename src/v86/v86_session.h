// A full-screen (V86) session: a 16-bit program (a flat boot image at 0000:7C00 or a .COM file,
// as `vidport boot` loads them, see pc/program.h) running on a real-mode PC of its own whose
// port I/O goes through the session's PortRouter (port_router.h): visible VGA ports straight to
// the VGA, trapped ports to the miniport's emulator routines, everything else to the null device.
//
//   program IN/OUT -> session bus -> PortRouter -+-> VGA (machine bus)       visible VGA port
//                                                +-> emulator routine        trapped in the IOPM
//                                                +-> NullPortDevice (logged) PIC, PIT, PCI, ...
//   program A0000-BFFFF ---------------------------> VGA memory (machine bus)
//
// Rules for a session:
// - The session's PC starts from a copy of the RAM of the PC that ran POST (IVT, BIOS data area,
//   the video ROM shadowed at C0000), so the program's INT 10h runs the real ROM and the ROM's
//   register programming passes through the router, hence through the validators, too.
// - The PC has no interrupt lines: the program sees no hardware interrupt and reaches no
//   interrupt controller.
// - The program's string I/O (INS/OUTS, with or without REP) reaches the router as one
//   transfer_string() call per instruction (pc::Pc::connect_string_ports), so a trapped port's
//   string-support routine receives a whole REP with its count, as under NT's VDM.
// - run() is called on a host thread: it runs the program on processor 0 of the machine at
//   PASSIVE_LEVEL and waits, so emulator routines run synchronously on that processor, one at a
//   time with requests (which also run on processor 0). Between runs only one thread uses a
//   session.
// - The requests that bracket a session (IOCTL_VIDEO_ENABLE_VDM before, SAVE/RESTORE_HARDWARE_STATE
//   around a switch away) are the host's to send; the session only runs code.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "bus/io_bus.h"
#include "pc/pc.h"
#include "pc/program.h"
#include "v86/null_port_device.h"
#include "v86/port_router.h"

namespace vidport::kernel {
class Machine;
}
namespace vidport::videoport {
class EmulatorPorts;
}

namespace vidport::v86 {

class V86Session {
 public:
  // `machine` carries the VGA on its bus; `post_pc` ran the video BIOS's POST on it; `ports` is
  // the adapter's emulator map (nullptr: no miniport, every VGA port direct). All must outlive
  // the session.
  V86Session(kernel::Machine& machine, const pc::Pc& post_pc, videoport::EmulatorPorts* ports);
  ~V86Session();
  V86Session(const V86Session&) = delete;
  V86Session& operator=(const V86Session&) = delete;

  // Places `program` and runs it to HLT or a limit on processor 0 (see the rules). When the
  // machine halted (a miniport crashed or hung in a routine), the result is a Fault saying so.
  pc::RunResult run(const pc::Program& program, const pc::RunLimits& limits = {});
  // Runs `INT 10h` with the PC's current registers, on processor 0 like run().
  pc::RunResult int10(const pc::RunLimits& limits = {});

  // True while run() or int10() executes the session's program (any thread may ask).
  bool running() const { return running_.load(std::memory_order_acquire); }

  pc::Pc& pc() { return *pc_; }
  PortRouter& router() { return router_; }
  const NullPortDevice& null_device() const { return null_; }

 private:
  class VideoMemory;
  pc::RunResult on_processor(const std::function<pc::RunResult()>& body);

  kernel::Machine& machine_;
  std::atomic<bool> running_{false};
  NullPortDevice null_;
  PortRouter router_;
  std::unique_ptr<VideoMemory> video_memory_;
  bus::IoBus bus_;
  std::unique_ptr<pc::Pc> pc_;
};

}  // namespace vidport::v86
