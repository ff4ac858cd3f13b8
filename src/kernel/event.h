// A kernel event behind VideoPortCreateEvent: notification (stays signaled until cleared) or
// synchronization (a satisfied wait resets it). Waiting blocks a virtual processor while it still
// takes interrupts and DPCs.
#pragma once

#include <atomic>

#include "kernel/clock.h"

namespace vidport::kernel {

class Machine;
class Processor;

class Event {
 public:
  Event(Machine& machine, bool notification, bool signaled)
      : machine_(machine), notification_(notification), signaled_(signaled) {}

  // Any IRQL <= DISPATCH_LEVEL, any thread. Returns the previous state.
  bool set();
  void clear() { signaled_.store(false, std::memory_order_release); }
  bool signaled() const { return signaled_.load(std::memory_order_acquire); }

  // Own thread of `processor`. Waits until signaled or clock time `deadline`; returns true when
  // the wait was satisfied (a synchronization event is reset by it).
  bool wait(Processor& processor, ClockTime deadline);

 private:
  bool try_satisfy();

  Machine& machine_;
  const bool notification_;
  std::atomic<bool> signaled_;
};

}  // namespace vidport::kernel
