// An emulated kernel spin lock: the interrupt object's lock and the miniport's VideoPort spin
// locks. A test-and-test-and-set lock that knows its holder, so re-acquisition by the holding
// processor is detected before it would spin forever.
//
// Rules:
// - Acquire and release on a virtual processor. The lock does not raise IRQL: the caller does,
//   before anything else can run on the processor (its next preemption point; a successful
//   try_acquire may come first, as no interrupt is taken between the two).
// - A lock records itself: acquire() and release() tell the processor (Processor::lock_acquired
//   / lock_released), which keeps the miniport and DPC locks it holds and tells an observer
//   (kernel/observer.h). An interrupt lock's holder is also named by the Processor frame its
//   taker pushes; the synchronize fast path, which runs only when no observer is installed,
//   takes it with try_acquire() and gives it back with release_unrecorded().
// - While spinning, the processor passes SpinWait preemption points: it takes interrupts above
//   its IRQL and stops when the machine halts, as a spinning Windows processor would.
#pragma once

#include <atomic>
#include <cstdint>

namespace vidport::kernel {

class Processor;

// What a spin lock protects, for the held-lock list, observers and reports.
enum class LockKind : std::uint8_t {
  Interrupt,     // an interrupt object's lock: the ISR and Medium/High synchronize callbacks
  Miniport,      // a VideoPortCreateSpinLock lock
  DpcExclusion,  // a DPC's exclusion from itself (a DPC never runs concurrently with itself)
};

class SpinLock {
 public:
  explicit SpinLock(LockKind kind = LockKind::Miniport) : kind_(kind) {}
  LockKind kind() const { return kind_; }
  SpinLock(const SpinLock&) = delete;
  SpinLock& operator=(const SpinLock&) = delete;

  // True when `processor` holds this lock (exact: only the holder writes its own index).
  // Inline definitions of held_by/acquire/release live in processor.h, which includes this file.
  inline bool held_by(const Processor& processor) const;

  // Acquires the lock for `processor`, spinning while another processor holds it. `site` is the
  // code address to blame later (e.g. the caller of VideoPortSynchronizeExecution).
  // Precondition: !held_by(processor) — callers check and report recursion first.
  inline void acquire(Processor& processor, std::uintptr_t site);
  // One attempt: true when the lock was free and is now held by `processor`. Records no site,
  // so acquired_at() stays stale: the caller records the lock and its site in a Processor frame,
  // where deadlock reports look for them (kernel/finding_sides.h).
  inline bool try_acquire(Processor& processor);
  inline void release(Processor& processor);
  // Gives the lock up without telling the processor: only for a lock taken with try_acquire()
  // on the synchronize fast path.
  void release_unrecorded() { word_.store(0, std::memory_order_release); }

  // Where the current holder acquired it, when it did so with acquire() (meaningful only while
  // held). Interrupt locks are also taken with try_acquire(): ask the holder's frames instead.
  std::uintptr_t acquired_at() const { return acquired_at_.load(std::memory_order_relaxed); }
  // The holder's processor index, or -1 when free. Acquire: a caller that sees the lock free
  // also sees everything the last holder did under it (Dpc::idle relies on that before an
  // adapter frees the extension its DPC routine used).
  int owner() const { return static_cast<int>(word_.load(std::memory_order_acquire)) - 1; }

 private:
  void spin(Processor& processor);

  // 0 when free, otherwise the holder's processor index + 1: one atomic word is both the lock and
  // its owner, so acquiring and releasing touch it once each.
  std::atomic<std::uint32_t> word_{0};
  std::atomic<std::uintptr_t> acquired_at_{0};
  const LockKind kind_;
};

}  // namespace vidport::kernel
