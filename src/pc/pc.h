// A real-mode IBM PC for 16-bit code (video BIOS, boot sectors, .COM programs), executed by
// libx86emu, with its port I/O and video memory going through vidport's bus.
//
// Rules for the PC:
// - Memory map (1 MiB, addresses wrap at 1 MiB as with the A20 gate off):
//     00000-003FF interrupt vector table, 00400-004FF BIOS data area, 00500-9FFFF RAM,
//     A0000-BFFFF the bus (IoBus::read_memory / write_memory: the VGA's planar logic),
//     C0000-FFFFF RAM. The option-ROM area C0000-CFFFF is writable (the ROM patches itself during
//     init, as with BIOS shadowing).
// - Port I/O goes to IoBus::read_port / write_port; ports no device claims read all ones (the
//   bus does that). Each port access and each A0000-BFFFF access charges the clock once.
// - Video-memory accesses are charged in batches: the PC counts them and hands the count to the
//   clock in one Clock::on_bus_accesses() call before each port access, at each instruction
//   boundary, every kMaxUnchargedAccesses accesses inside a long REP, and before a run waits or
//   ends. Nothing the guest can see reads the clock between those points (a memory access never
//   does; port reads, interrupt delivery and HLT waits come after a charge), so every run is
//   exactly what charging each access on its own would give, at a fraction of the cost.
// - String port I/O (INS/OUTS) is executed by vidport, not libx86emu (see string_io.h), and so is
//   REP STOS into video memory when a video-store target is connected (see string_store.h).
// - With a string port target connected (string_port_target.h), an INS/OUTS reaches the ports as
//   one call per instruction (per chunk of a REP larger than the element budget) instead of one
//   bus port access per element. It costs the clock what element-by-element execution costs (one
//   access per element), but the call happens at the time of the first element: the accesses of
//   the other elements are charged after it returns.
// - libx86emu keeps the running processor in a process-wide global, so only one PC runs at a time
//   in a process: run() serialises on a process-wide mutex. A Pc is otherwise used from one
//   thread at a time.
// - Software interrupts and CPU exceptions go through the IVT; when the vector is 0000:0000
//   (there is no system BIOS behind it) a software interrupt is skipped and counted, and an
//   exception stops the run as a fault.
// - Hardware interrupts come from the connected InterruptLines (see interrupt_lines.h): an
//   asserted line is delivered before the next instruction while IF = 1.
// - HLT ends a run when interrupts are off (IF = 0) or nothing can wake the processor. With IF = 1
//   the PC waits: it delivers an asserted line, or lets the clock jump to its next event (the
//   VGA's next retrace, under the virtual clock) and looks again; only when no line is asserted
//   and no event is scheduled does the run end.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include <x86emu.h>

#include "bus/io_bus.h"
#include "kernel/clock.h"
#include "pc/interrupt_lines.h"
#include "pc/string_io.h"
#include "pc/string_port_target.h"
#include "pc/string_store.h"

namespace vidport::pc {

// When a run stops on its own account.
struct RunLimits {
  std::uint64_t max_instructions = 500'000'000;  // 0: no limit
  double max_seconds = 10.0;                     // host wall time; 0: no limit
};

enum class StopReason : std::uint8_t {
  Halted,            // executed HLT: the normal end
  InstructionLimit,  // RunLimits::max_instructions reached: the code probably hangs
  TimeLimit,         // RunLimits::max_seconds passed: the code probably hangs
  Fault,             // a CPU exception or something libx86emu cannot execute
};

struct RunResult {
  StopReason reason = StopReason::Halted;
  std::uint64_t instructions = 0;  // executed during this run (a string I/O instruction counts once)
  std::uint16_t cs = 0;
  std::uint32_t eip = 0;  // CS:EIP where execution stopped (after the HLT when halted)
  std::string message;    // for everything but Halted: what happened, for the user
  bool halted() const { return reason == StopReason::Halted; }
};

// RAM and processor registers at one moment, to restore later into the same Pc.
struct PcSnapshot {
  std::vector<std::uint8_t> memory;
  x86emu_regs_t registers{};
  std::uint64_t instructions = 0;
};

class Pc final : private StringIoTarget {
 public:
  static constexpr std::uint32_t kMemorySize = 0x100000;
  static constexpr std::uint32_t kVideoWindowBase = 0xA0000;
  static constexpr std::uint32_t kVideoWindowEnd = 0xC0000;  // exclusive
  // The most video-memory accesses the PC holds back from the clock (see the rules above).
  static constexpr std::uint64_t kMaxUnchargedAccesses = 4096;

  // The PC does not own the bus or the clock; both must outlive it. Map the devices on the bus
  // before the first run.
  Pc(bus::IoBus& bus, kernel::Clock& clock);
  ~Pc() override;
  Pc(const Pc&) = delete;
  Pc& operator=(const Pc&) = delete;

  // Physical memory as the CPU sees it (RAM only; the A0000-BFFFF window is not in here).
  std::uint8_t* memory() { return memory_.data(); }
  const std::uint8_t* memory() const { return memory_.data(); }
  // Copies `data` to physical address `address`. Returns false (copying nothing) if it does not fit
  // below 1 MiB.
  bool load(std::uint32_t address, const std::uint8_t* data, std::size_t size);

  // The processor registers (libx86emu's layout). Change them only between runs.
  x86emu_regs_t& registers() { return emu_->x86; }
  const x86emu_regs_t& registers() const { return emu_->x86; }
  // Loads a segment register with a real-mode selector (base = selector * 16). `index` is
  // libx86emu's R_ES_INDEX .. R_GS_INDEX.
  void set_segment(unsigned index, std::uint16_t selector);

  // Runs from CS:IP until HLT or a limit. Never throws; the result says why it stopped.
  RunResult run(const RunLimits& limits = {});

  // Far-calls seg:off from a trampoline at 0000:0600 (`call far; hlt`) with the current
  // registers and stack, and runs until the callee returns to the HLT.
  RunResult call_far(std::uint16_t segment, std::uint16_t offset, const RunLimits& limits = {});
  // Executes `int vector` from a trampoline at 0000:0608 (`int N; hlt`) with the current registers.
  RunResult interrupt(std::uint8_t vector, const RunLimits& limits = {});

  // Hardware interrupts come from `lines` (nullptr: none). Set between runs; `lines` must outlive
  // the Pc or be disconnected.
  void connect_interrupts(const InterruptLines* lines) { lines_ = lines; }
  // REP STOS runs into A0000-BFFFF go to `target` in one call (string_store.h); nullptr (the
  // default): element by element through the bus. Set between runs; `target` must outlive the Pc
  // or be disconnected.
  void connect_video_store(RepeatedStoreTarget* target) { video_store_ = target; }
  // INS/OUTS go to `target` as one transfer_string() call per instruction, with the whole count
  // (string_port_target.h says when a REP takes several calls and in which order memory and port
  // are accessed); nullptr (the default): element by element through the bus. The registers and
  // memory end as with element-by-element execution. Set between runs; `target` must outlive the
  // Pc or be disconnected.
  void connect_string_ports(StringPortTarget* target) { string_ports_ = target; }

  // Instructions executed by every run so far (string I/O counted once per instruction).
  std::uint64_t instructions() const { return instructions_; }
  // Software interrupts skipped because their vector was 0000:0000, by vector number.
  const std::vector<std::uint64_t>& skipped_interrupts() const { return skipped_interrupts_; }
  // Hardware interrupts delivered so far.
  std::uint64_t hardware_interrupts() const { return hardware_interrupts_; }

  PcSnapshot snapshot() const;
  // Restores a snapshot taken from this Pc. Device state (the VGA) is not part of it.
  void restore(const PcSnapshot& snapshot);

  // Makes the running program stop at its next instruction once `*flag` is true (a halted
  // machine: kernel::Machine::halted_flag()); nullptr (the default) never stops it. Set between
  // runs; the flag must outlive the Pc or be disconnected.
  void connect_stop_flag(const std::atomic<bool>* flag) { stop_flag_ = flag; }

 private:
  // libx86emu is C: nothing may unwind through its frames. Each hook runs its body through
  // guarded(): an exception (a halt of the machine while a miniport routine ran behind a port)
  // stops the emulator and is kept; run() rethrows it once libx86emu has returned.
  template <class R, class F>
  static R guarded(x86emu_t* emu, R stopped, F&& body);
  static unsigned memio_hook(x86emu_t* emu, u32 address, u32* value, unsigned type);
  static int code_hook(x86emu_t* emu);
  static int interrupt_hook(x86emu_t* emu, u8 vector, unsigned type);
  int on_interrupt(x86emu_t* emu, u8 vector, unsigned type);

  // Counts one video-memory access for the next charge.
  void count_memory_access() {
    if (++uncharged_accesses_ >= kMaxUnchargedAccesses) charge_clock();
  }
  // Hands the counted accesses to the clock (which fires what became due).
  void charge_clock() {
    if (uncharged_accesses_ == 0) return;
    const std::uint64_t count = uncharged_accesses_;
    uncharged_accesses_ = 0;
    clock_.on_bus_accesses(count);
  }

  std::uint32_t read_physical(std::uint32_t address, bus::Width width);
  void write_physical(std::uint32_t address, bus::Width width, std::uint32_t value);
  // Executes the string I/O instructions found at CS:IP (there may be several in a row), up to a
  // budget of elements; when the budget runs out it asks the run loop for a pause (yield_), so
  // limits are checked even inside a huge REP.
  void run_string_io(x86emu_t* emu);
  // Performs the REP STOS at CS:IP through the video-store shortcut (string_store.h) if it
  // applies: returns false, changing nothing, when it does not. Takes at most `budget` elements
  // and sets yield_ when the REP is left unfinished.
  bool run_rep_stos(x86emu_regs_t& x86, const std::uint8_t* bytes, std::size_t size, bool code32,
                    std::uint32_t& budget);
  // Moves IP past a string instruction the PC executed itself and counts it.
  void finish_instruction(x86emu_regs_t& x86, bool code32, unsigned length);
  // Enters the handler of the lowest asserted interrupt line if IF = 1 (real-mode interrupt
  // entry: push FLAGS, CS, IP; clear IF and TF; load CS:IP from the IVT).
  void deliver_interrupt(x86emu_t* emu);

  // StringIoTarget
  std::uint32_t read_linear(std::uint32_t address, bus::Width width) override;
  void write_linear(std::uint32_t address, bus::Width width, std::uint32_t value) override;
  std::uint32_t read_port(std::uint16_t port, bus::Width width) override;
  void write_port(std::uint16_t port, bus::Width width, std::uint32_t value) override;
  // Forwards to the connected string port target and charges the clock for it.
  void transfer_port_string(bus::Direction direction, std::uint16_t port, bus::Width width, void* elements,
                            std::uint32_t count) override;

  bus::IoBus& bus_;
  kernel::Clock& clock_;
  const InterruptLines* lines_ = nullptr;
  RepeatedStoreTarget* video_store_ = nullptr;
  StringPortTarget* string_ports_ = nullptr;
  std::vector<std::uint8_t> memory_;
  x86emu_t* emu_;
  std::uint64_t instructions_ = 0;
  std::uint64_t uncharged_accesses_ = 0;  // video-memory accesses not yet charged to the clock
  std::uint64_t string_io_instructions_ = 0;  // during the current run
  std::string fault_;                          // set by the hooks to stop the current run
  bool yield_ = false;                         // set by the code hook to pause the current run
  std::exception_ptr escaped_;                 // what a hook threw during the current run
  const std::atomic<bool>* stop_flag_ = nullptr;
  std::vector<std::uint64_t> skipped_interrupts_ = std::vector<std::uint64_t>(256, 0);
  std::uint64_t hardware_interrupts_ = 0;
};

}  // namespace vidport::pc
