// The machine's one clock: the only source of time for devices, timers and VideoPortStallExecution.
//
// Rules for the clock:
// - Clock time is nanoseconds since the machine started (ClockTime). It never goes backwards.
// - Two implementations: RealClock follows the host's steady clock (optionally scaled) and fires
//   events from its own thread; VirtualClock only moves when the runtime says so (a fixed cost per
//   bus access, the argument of a stall, or a jump to the next event when nothing else can run),
//   which makes runs deterministic.
// - Events fire in order of (time, scheduling order). A callback runs with no clock lock held, on
//   the thread that moved time past it (VirtualClock) or on the clock thread (RealClock). Callbacks
//   must not block; they may schedule and cancel events and raise or lower interrupt lines.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace vidport::kernel {

using ClockTime = std::uint64_t;  // nanoseconds since the machine started
using EventId = std::uint64_t;    // 0 is never a valid id

inline constexpr ClockTime kNanosecond = 1;
inline constexpr ClockTime kMicrosecond = 1000;
inline constexpr ClockTime kMillisecond = 1000 * kMicrosecond;
inline constexpr ClockTime kSecond = 1000 * kMillisecond;

class Clock {
 public:
  using Callback = std::function<void()>;

  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  virtual ~Clock() = default;

  // Current clock time. Any thread, any IRQL; never blocks.
  virtual ClockTime now() const = 0;

  // Schedules `callback` to run once when clock time reaches `when` (as soon as possible if `when`
  // has passed). Any thread, including from inside a callback. Returns an id for cancel().
  EventId schedule_at(ClockTime when, Callback callback);

  // Removes a scheduled event. Returns false if it already fired, is firing, or never existed.
  bool cancel(EventId id);

  // Time of the earliest scheduled event, if any.
  std::optional<ClockTime> next_event_time() const;

  // Charged by the runtime for every port or register access (VirtualClock: a fixed cost).
  virtual void on_bus_access() = 0;

  // Charges `count` bus accesses at once, exactly as `count` calls of on_bus_access() would. For a
  // single-threaded processor that accumulates its accesses and hands them over before anything
  // can observe the time (the real-mode PC, see src/pc/pc.h). Any thread.
  virtual void on_bus_accesses(std::uint64_t count) {
    for (std::uint64_t i = 0; i < count; ++i) on_bus_access();
  }

  // VideoPortStallExecution: lets `duration` of clock time pass on the calling thread, busy
  // (RealClock spins on the host clock; VirtualClock advances and fires what became due).
  virtual void stall(ClockTime duration) = 0;

  // Lets clock time pass until `when`, firing events on the way (host threads only: a scenario's
  // wait step). RealClock sleeps; VirtualClock advances at once.
  virtual void pass_until(ClockTime when) = 0;

  // VirtualClock only: jumps to the next event and fires it; returns false when none is scheduled.
  // The machine calls this when no processor can make progress and someone waits for time.
  virtual bool jump_to_next_event() { return false; }

  virtual bool is_virtual() const = 0;

 protected:
  // Fires, in order, every event due at or before `t`. Call with no lock held.
  void fire_due(ClockTime t);
  // Earliest scheduled time, readable without the lock (UINT64_MAX when the queue is empty).
  ClockTime next_deadline() const { return next_deadline_.load(std::memory_order_acquire); }
  // Called (under the queue lock) when the earliest deadline may have moved earlier.
  virtual void on_queue_changed() {}

  mutable std::mutex queue_mutex_;

 private:
  void update_deadline_locked();

  std::map<std::pair<ClockTime, EventId>, Callback> queue_;  // guarded by queue_mutex_
  EventId next_id_ = 1;                                        // guarded by queue_mutex_
  std::atomic<ClockTime> next_deadline_{UINT64_MAX};
};

// Deterministic clock time. Time moves only through on_bus_access(), stall(), pass_until() and
// jump_to_next_event(); several threads may move it concurrently (each move is atomic).
class VirtualClock final : public Clock {
 public:
  // `bus_access_cost`: clock time charged per port/register access (default 100 ns).
  explicit VirtualClock(ClockTime bus_access_cost = 100);

  ClockTime now() const override { return now_.load(std::memory_order_acquire); }
  void on_bus_access() override { advance_by(bus_access_cost_); }
  void on_bus_accesses(std::uint64_t count) override { advance_by(count * bus_access_cost_); }
  void stall(ClockTime duration) override { advance_by(duration); }
  void pass_until(ClockTime when) override;
  bool jump_to_next_event() override;
  bool is_virtual() const override { return true; }

  // Moves time forward by `delta` and fires what became due.
  void advance_by(ClockTime delta) {
    ClockTime t = now_.fetch_add(delta, std::memory_order_acq_rel) + delta;
    if (t >= next_deadline()) fire_due(t);
  }

 private:
  std::atomic<ClockTime> now_{0};
  ClockTime bus_access_cost_;
};

// Host time, optionally scaled: `scale` clock seconds pass per host second (1.0 = real time).
// Owns a thread that sleeps until the next event and fires it.
class RealClock final : public Clock {
 public:
  explicit RealClock(double scale = 1.0);
  ~RealClock() override;

  ClockTime now() const override;
  void on_bus_access() override {}
  void on_bus_accesses(std::uint64_t) override {}
  void stall(ClockTime duration) override;
  void pass_until(ClockTime when) override;
  bool is_virtual() const override { return false; }

 private:
  void on_queue_changed() override { wake_.notify_all(); }
  void run();
  std::chrono::steady_clock::time_point host_time_of(ClockTime t) const;

  double scale_;
  std::chrono::steady_clock::time_point start_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by queue_mutex_
  std::thread thread_;
};

}  // namespace vidport::kernel
