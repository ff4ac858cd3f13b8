// The interrupt controller: routes asserted lines to virtual processors.
//
// Rules for delivery:
// - A line is pending when an interrupt object is connected, it is not masked, not being serviced
//   on some processor, and it is asserted (level-sensitive) or saw a rising edge (latched).
// - Any processor in the line's affinity whose IRQL is below the line's DIRQL may claim it: an
//   idle processor is woken and takes it at once, a busy one at its next preemption point. The
//   claim is atomic, so one delivery runs on one processor.
// - The ISR chain runs in connection order until one returns TRUE, each under its own lock.
// - A level line re-delivered `storm_threshold` times in a row without being deasserted (claimed
//   or not), or any line left unclaimed that many times in a row, is an interrupt storm: it is
//   masked and a finding recorded; the run continues.
// - set_line() may be called from any thread (devices, clock events, processors in a port access);
//   it takes the controller mutex and never runs an ISR itself.
#pragma once

#include <array>
#include <cstdint>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

#include "bus/device.h"
#include "kernel/interrupt_object.h"
#include "kernel/irql.h"

namespace vidport::kernel {

class Machine;

struct LineStatistics {
  std::uint64_t delivered = 0;  // ISR chains run
  std::uint64_t claimed = 0;    // chains in which some ISR returned TRUE
  std::uint64_t unclaimed = 0;
  bool masked = false;
  bool storm = false;
};

class InterruptController final : public bus::InterruptLines {
 public:
  static constexpr unsigned kMaxChain = 8;

  InterruptController(Machine& machine, unsigned storm_threshold);

  void set_line(unsigned line, bool asserted) override;

  // Connects `object` at the end of its line's chain. Fails if the line already has an object and
  // either is not shareable or the modes differ.
  bool connect(InterruptObject& object);
  // Removes `object` from its chain and waits until no processor still runs a delivery that
  // included it, so its owner may free it. Host threads only (it blocks).
  void disconnect(InterruptObject& object);

  // Masks or unmasks a line (VideoPortDisableInterrupt / EnableInterrupt).
  void set_masked(unsigned line, bool masked);
  // Restricts which processors may take `line` (bit i = processor i). Default: all.
  void set_affinity(unsigned line, std::uint64_t processors);

  // Processor side. Claims the highest-DIRQL line that `processor` may take at `irql` and copies
  // its chain into `chain`; returns the line, or nullopt.
  struct Claim {
    unsigned line;
    Irql dirql;
    unsigned count;
    std::array<InterruptObject*, kMaxChain> chain;
  };
  std::optional<Claim> claim(unsigned processor, Irql irql);
  // Ends a delivery begun by claim(): accounting, storm detection, re-arming.
  void complete(unsigned line, bool claimed);

  // Wakes disconnect() waiters: deliveries abandoned by a halt never complete.
  void notify_halted() {
    { std::lock_guard lock(mutex_); }
    service_done_.notify_all();
  }

  LineStatistics statistics(unsigned line) const;
  bool line_asserted(unsigned line) const;

 private:
  struct Line {
    bool asserted = false;
    bool edge = false;        // latched: a rising edge not yet delivered
    bool in_service = false;
    bool masked = false;
    bool storm = false;
    std::uint64_t affinity = ~0ull;
    std::uint32_t repeats = 0;     // deliveries while continuously asserted (level)
    std::uint32_t unclaimed_run = 0;
    std::vector<InterruptObject*> chain;
    LineStatistics stats;
  };

  bool pending_locked(const Line& line) const;
  void update_attention_locked();

  Machine& machine_;
  const unsigned storm_threshold_;
  mutable std::mutex mutex_;
  std::condition_variable service_done_;  // notified when a delivery completes
  std::array<Line, bus::InterruptLines::kMaxLines> lines_;  // guarded by mutex_
};

}  // namespace vidport::kernel
