// An IBM VGA on the I/O bus: the register blocks at ports 3B0-3BB and 3C0-3DF, planar video memory
// at A0000-BFFFF, display timing that advances with the machine's clock, and the vertical retrace
// interrupt. Facts: shared/reference/sync-validator-vga.md §4; the model is described in docs/vga.md.
//
// Rules for the VGA device:
// - Ports are byte-wide: the bus splits a 16-bit OUT to an index port into the index byte and then
//   the data byte, as on a real card.
// - Misc Output bit 0 picks the CRTC and Input Status 1 base (3Dx colour, 3Bx mono); the other base
//   reads 0xFF and ignores writes. Ports with no register behind them read 0xFF.
// - Video memory answers only inside the window GC06 selects, and only while Misc Output bit 1
//   enables it; elsewhere reads give 0xFF and writes are lost. The memory window takes 8-, 16- and
//   32-bit accesses and performs them as consecutive byte accesses under one lock, as the card
//   sees a wide CPU access; the memory mode (memory_mode.h) is decoded when a register that
//   shapes it is written, not on every access.
// - Vertical interrupt: at the start of each vertical retrace, if CR11 bit 5 = 0 (enabled) and bit
//   4 = 1 (clear released), the pending flag (Input Status 0 bit 7) is set and the line asserted.
//   Writing CR11 with bit 4 = 0 clears the flag and deasserts the line; it stays clear until bit 4
//   is written 1 again. Bit 5 = 1 stops new interrupts but leaves a pending one as it is.
// - Locking: one mutex guards all state. Every entry point takes it; while holding it the device
//   calls only Clock::now/schedule_at/cancel and InterruptLines::set_line, which never block and
//   never call back into the device.
// - Lifetime: the device cancels its clock event on destruction; destroy it only when no clock
//   callback can be running (stop or drain the clock first).
#pragma once

#include <cstdint>
#include <mutex>

#include "bus/device.h"
#include "bus/io_bus.h"
#include "devices/vga/display_timing.h"
#include "devices/vga/memory_mode.h"
#include "devices/vga/programming_oracle.h"
#include "devices/vga/renderer.h"
#include "devices/vga/tear_oracle.h"
#include "devices/vga/vga_state.h"
#include "image/image.h"
#include "kernel/clock.h"

namespace vidport::devices::vga {

struct VgaOptions {
  unsigned irq = 9;        // the ISA line the vertical-retrace interrupt drives
  double refresh_hz = 0;   // 0: timing derived from the registers; > 0: force this vertical rate
  RenderConventions render = RenderConventions::Qemu;  // Qemu (default) or Ibm
};

class Vga final : public bus::PortDevice, public bus::MemoryDevice {
 public:
  // Power-on state: every register 0, DAC black with pixel mask FFh, memory zero, no interrupt.
  Vga(kernel::Clock& clock, bus::InterruptLines& lines, VgaOptions options = {});
  ~Vga() override;
  Vga(const Vga&) = delete;
  Vga& operator=(const Vga&) = delete;

  // Claims ports 3B0-3BB and 3C0-3DF (3BC-3BF belong to the parallel port), byte-wide, and
  // memory A0000-BFFFF, any width. Call once, before the machine starts. Returns false if the bus
  // already has a device there (the mapping may then be partial; discard the bus).
  bool attach(bus::IoBus& bus);

  // The screen as the registers describe it now, with the blink phase of the current frame. Any
  // thread; takes the lock only to copy the state.
  image::Image render() const;
  // A copy of every register and the four planes. Any thread.
  VgaState snapshot() const;
  // Puts back a state taken with snapshot() (from this or another Vga): every register, the
  // planes, the latches and the pending flag, as if the machine had been in that state all along.
  // The interrupt line follows the pending flag, the retrace event is rescheduled from the current
  // clock time (the clock never goes back, so the beam is wherever the timing puts it now), and
  // the tear oracle keeps its counts. Any thread.
  void restore(const VgaState& state);
  // The display timing the registers describe now (with the forced rate, if any). Any thread.
  DisplayTiming timing() const;
  // DAC writes and start-address changes outside vertical blank since power-on (tear_oracle.h).
  // Any thread.
  TearCounts tears() const;
  std::array<Tear, TearOracle::kKeptTears> first_tears() const;
  // Forgets what the oracle recorded so far (after POST, whose palette load counts). Any thread.
  void reset_tears();
  // Writes that left the card in a state that hangs or stops it (programming_oracle.h). Any thread.
  ProgrammingOracle programming_faults() const;
  // Replaces what the programming oracle recorded: with restore(), puts back a machine captured
  // after POST (platform/post_snapshot.h), whose findings include POST's. Any thread.
  void set_programming_faults(const ProgrammingOracle& faults);

  // PortDevice / MemoryDevice: called by the bus from any thread; ports byte-wide, memory any width.
  std::uint32_t read_port(std::uint16_t port, bus::Width width) override;
  void write_port(std::uint16_t port, bus::Width width, std::uint32_t value) override;
  std::uint32_t read_memory(std::uint64_t address, bus::Width width) override;
  void write_memory(std::uint64_t address, bus::Width width, std::uint32_t value) override;
  // `count` write_memory(address, width, value) calls at address, then address + (or - when
  // `down`) the width, and so on, in that order and under one lock: a REP STOS run, which the
  // real-mode PC hands over whole. Any thread; the caller keeps every address in A0000-BFFFF.
  void write_memory_repeated(std::uint64_t address, bus::Width width, std::uint32_t value, std::uint32_t count,
                             bool down);

 private:
  bool decodes_locked(std::uint16_t port) const;
  std::uint8_t input_status_0_locked() const;
  std::uint8_t input_status_1_locked();
  void write_crtc_data_locked(std::uint8_t value);
  // Recomputes memory_mode_ after Misc Output, a sequencer or a graphics controller register changed.
  void update_memory_mode_locked();
  // Whether the `bytes` bytes from window offset `offset` (address - window base, wrapped when the
  // address lies below the window) are all inside the window the memory mode opens.
  bool inside_window_locked(std::uint64_t offset, unsigned bytes) const;
  void write_memory_locked(std::uint64_t address, unsigned bytes, std::uint32_t value);
  DisplayTiming timing_locked() const;
  // Keeps exactly one clock event at the next retrace start while an interrupt could be raised
  // there (enabled, clear released, nothing pending), and none otherwise.
  void update_retrace_event_locked();
  void cancel_retrace_event_locked();
  void on_retrace(std::uint64_t generation);

  kernel::Clock& clock_;
  bus::InterruptLines& lines_;
  const VgaOptions options_;

  mutable std::mutex mutex_;
  VgaState state_;                       // guarded by mutex_
  MemoryMode memory_mode_;               // guarded by mutex_; derived from state_ on every change
  kernel::EventId retrace_event_ = 0;    // guarded by mutex_; 0 when none is scheduled
  kernel::ClockTime retrace_event_time_ = 0;  // guarded by mutex_
  std::uint64_t retrace_generation_ = 0;  // guarded by mutex_; a callback from an older one is stale
  TearOracle tear_oracle_;               // guarded by mutex_
  ProgrammingOracle programming_oracle_; // guarded by mutex_
};

}  // namespace vidport::devices::vga
