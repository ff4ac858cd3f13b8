// The machine: processors, the clock, the I/O bus, the interrupt controller and the findings
// channel of one run. Everything a device model or the VideoPort layer needs hangs off it.
//
// Rules for the machine:
// - Create it, map devices on its bus, then give processors work with run_on() / post().
// - A bugcheck (a fatal finding) halts the machine for good: every processor abandons what it
//   runs at its next preemption point or spin, tasks report "not completed", and nothing runs
//   afterwards. The finding that stopped it is kept.
// - The destructor stops the processors; work still running must end by itself.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "bus/io_bus.h"
#include "findings/findings_channel.h"
#include "kernel/clock.h"
#include "kernel/interrupt_controller.h"
#include "kernel/machine_config.h"
#include "kernel/observer.h"
#include "kernel/preemption.h"
#include "kernel/processor.h"

namespace vidport::kernel {

class Machine {
 public:
  explicit Machine(MachineConfig config = {});
  ~Machine();
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;

  const MachineConfig& config() const { return config_; }
  SyncProfile profile() const { return config_.profile; }
  Clock& clock() { return *clock_; }
  bus::IoBus& bus() { return bus_; }
  InterruptController& interrupts() { return interrupts_; }
  findings::FindingsChannel& findings() { return findings_; }
  unsigned processor_count() const { return static_cast<unsigned>(processors_.size()); }
  Processor& processor(unsigned index) { return *processors_.at(index); }

  // Host side: runs `body` on processor `cpu` at PASSIVE_LEVEL and waits. Returns false if the
  // machine halted before it finished (or was already halted).
  bool run_on(unsigned cpu, std::function<void()> body);
  // Host side: queues `body` on processor `cpu` and returns at once.
  std::shared_ptr<Task> post(unsigned cpu, std::function<void()> body);

  // Records `finding` as fatal and halts the machine. On one of this machine's processors it does
  // not return (it throws kernel::Halt, which unwinds the processor to its task boundary);
  // elsewhere it returns. Never from a signal handler: use halt() there.
  void bugcheck(findings::Finding finding);
  // As bugcheck(), but always returns: for signal handlers, which then jump to the processor's
  // innermost landing (Processor::jump_to_landing), and for code that unwinds by itself.
  void halt(findings::Finding finding);
  bool halted() const { return halted_.load(std::memory_order_acquire); }
  std::optional<findings::Finding> stop_finding() const;

  // Reports a non-fatal finding, filling processor, IRQL, context and time from the caller.
  void report(findings::Finding finding);

  // Installs (or with nullptr removes) the preemption hook. Set while processors are idle.
  void set_preemption_hook(PreemptionHook* hook);
  PreemptionHook* preemption_hook() const { return hook_.load(std::memory_order_acquire); }

  // Installs (or with nullptr removes) the observer (kernel/observer.h). Set while processors
  // are idle; the observer must outlive its installation.
  void set_observer(Observer* observer);
  Observer* observer() const { return observer_.load(std::memory_order_acquire); }

  // Host side: lets clock time reach `until`. Under the virtual clock time jumps from event to
  // event whenever every processor is quiescent; otherwise their bus accesses move it.
  void pass_time_until(ClockTime until);
  // Host side: waits until `done()` or clock time `deadline`; returns done()'s last value.
  bool wait_until(const std::function<bool()>& done, ClockTime deadline);

  // Under the virtual clock, when every processor is quiescent, jumps to the next event (no later
  // than `limit`). Returns true if time moved. Any thread.
  bool advance_idle_time(ClockTime limit);
  bool all_quiescent() const;

  // Wakes every processor blocked in block_until so it re-checks its condition.
  void wake_blocked();

 private:
  // Sets (or clears) one attention bit on every processor: an installed hook or observer.
  void set_attention_everywhere(std::uint32_t bit, bool on);

  MachineConfig config_;
  std::unique_ptr<Clock> clock_;
  bus::IoBus bus_;
  findings::FindingsChannel findings_;
  InterruptController interrupts_;
  std::vector<std::unique_ptr<Processor>> processors_;
  std::atomic<PreemptionHook*> hook_{nullptr};
  std::atomic<Observer*> observer_{nullptr};
  std::atomic<bool> halted_{false};
  mutable std::mutex stop_mutex_;
  std::optional<findings::Finding> stop_finding_;  // guarded by stop_mutex_
};

// A finding of `kind` at `site`: its primary side is the calling thread's code (current_side in
// kernel/finding_sides.h: processor, IRQL, context, locks held, stack), its time the clock's.
findings::Finding make_finding(findings::FindingKind kind, std::uintptr_t site, std::string message);

}  // namespace vidport::kernel
