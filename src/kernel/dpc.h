// A deferred procedure call object: one slot per device (semantics-decisions.md).
//
// Rules for DPCs:
// - queue() records the routine and context and targets the calling processor. While a request is
//   queued and has not started, another queue() returns false and the new request is dropped.
// - The DPC runs at DISPATCH_LEVEL on the processor it was queued on, as soon as that processor's
//   IRQL drops below DISPATCH_LEVEL.
// - Once it starts, it may be queued again; a DPC never runs concurrently with itself (the second
//   run waits, spinning at DISPATCH_LEVEL, for the first to return).
#pragma once

#include <atomic>
#include <cstdint>

#include "kernel/spin_lock.h"

namespace vidport::kernel {

class Processor;

// VOID HwVidDpcRoutine(PVOID HwDeviceExtension, PVOID Context), without the DDK types.
using DpcRoutine = void (*)(void* device_extension, void* context);

class Dpc {
 public:
  explicit Dpc(void* device_extension) : device_extension_(device_extension) {}
  Dpc(const Dpc&) = delete;
  Dpc& operator=(const Dpc&) = delete;

  // Queues `routine(device_extension, context)` on `target`. Any IRQL; any thread.
  bool queue(Processor& target, DpcRoutine routine, void* context);

  // Own thread of the processor it was queued on, which has raised to DISPATCH_LEVEL and entered
  // the Dpc context: frees the slot and runs the routine.
  void run(Processor& processor);

  bool queued() const { return queued_.load(std::memory_order_acquire); }
  // Neither queued nor running: nothing of this DPC will touch its device extension any more.
  bool idle() const { return !queued() && running_.owner() < 0; }
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }
  std::uint64_t runs() const { return runs_.load(std::memory_order_relaxed); }

 private:
  void* const device_extension_;
  std::atomic<bool> queued_{false};
  std::atomic<DpcRoutine> routine_{nullptr};
  std::atomic<void*> context_{nullptr};
  SpinLock running_{LockKind::DpcExclusion};
  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<std::uint64_t> runs_{0};
};

}  // namespace vidport::kernel
