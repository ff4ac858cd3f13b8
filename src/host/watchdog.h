// The watchdog: ends a run whose miniport code spins without ever calling VideoPort.
//
// Rules for the watchdog:
// - A host thread looks at every processor every few milliseconds. A processor is stuck when
//   it runs a labelled miniport routine (Processor::routine() set), is not blocked in a DDK wait,
//   and its progress() counter has not moved for `timeout` of host time.
// - It then sends the stuck processor kWatchdogSignal. The handler, on that processor, records a
//   fatal MiniportHang finding whose site is the interrupted code (module + offset), the message
//   naming the routine every processor was in, and halts the machine (exit code 3). Interrupted
//   in miniport code, it jumps to the processor's innermost landing (kernel/halt.h); in
//   vidport's own code it returns, and that code unwinds at its next preemption point.
//   Processors still stuck after the halt are signalled again and jump.
// - Host time, not clock time: the virtual clock does not move while a processor spins.
#pragma once

#include <atomic>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>

namespace vidport::kernel {
class Machine;
}

namespace vidport::host {

inline const int kWatchdogSignal = SIGUSR2;

class Watchdog {
 public:
  // Starts watching `machine`; `timeout` of host time without progress counts as a hang.
  Watchdog(kernel::Machine& machine, std::chrono::milliseconds timeout);
  // Stops the thread (joins it).
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  bool fired() const { return fired_.load(std::memory_order_acquire); }

 private:
  void run();
  std::string describe_processors() const;

  kernel::Machine& machine_;
  const std::chrono::milliseconds timeout_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> fired_{false};
  std::thread thread_;
};

}  // namespace vidport::host
