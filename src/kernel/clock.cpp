#include "kernel/clock.h"

#include <chrono>

namespace vidport::kernel {

EventId Clock::schedule_at(ClockTime when, Callback callback) {
  std::lock_guard lock(queue_mutex_);
  EventId id = next_id_++;
  queue_.emplace(std::make_pair(when, id), std::move(callback));
  update_deadline_locked();
  on_queue_changed();
  return id;
}

bool Clock::cancel(EventId id) {
  std::lock_guard lock(queue_mutex_);
  for (auto it = queue_.begin(); it != queue_.end(); ++it) {
    if (it->first.second == id) {
      queue_.erase(it);
      update_deadline_locked();
      return true;
    }
  }
  return false;
}

std::optional<ClockTime> Clock::next_event_time() const {
  std::lock_guard lock(queue_mutex_);
  if (queue_.empty()) return std::nullopt;
  return queue_.begin()->first.first;
}

void Clock::update_deadline_locked() {
  next_deadline_.store(queue_.empty() ? UINT64_MAX : queue_.begin()->first.first,
                       std::memory_order_release);
}

void Clock::fire_due(ClockTime t) {
  for (;;) {
    Callback callback;
    {
      std::lock_guard lock(queue_mutex_);
      if (queue_.empty() || queue_.begin()->first.first > t) return;
      auto node = queue_.extract(queue_.begin());
      callback = std::move(node.mapped());
      update_deadline_locked();
    }
    callback();
  }
}

VirtualClock::VirtualClock(ClockTime bus_access_cost) : bus_access_cost_(bus_access_cost) {}

void VirtualClock::pass_until(ClockTime when) {
  ClockTime current = now_.load(std::memory_order_acquire);
  while (current < when &&
         !now_.compare_exchange_weak(current, when, std::memory_order_acq_rel)) {
  }
  fire_due(now());
}

bool VirtualClock::jump_to_next_event() {
  std::optional<ClockTime> next = next_event_time();
  if (!next) return false;
  pass_until(*next);
  return true;
}

RealClock::RealClock(double scale)
    : scale_(scale > 0 ? scale : 1.0), start_(std::chrono::steady_clock::now()) {
  thread_ = std::thread([this] { run(); });
}

RealClock::~RealClock() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

ClockTime RealClock::now() const {
  auto host = std::chrono::steady_clock::now() - start_;
  double ns = static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(host).count());
  return static_cast<ClockTime>(ns * scale_);
}

std::chrono::steady_clock::time_point RealClock::host_time_of(ClockTime t) const {
  auto host_ns = static_cast<std::int64_t>(static_cast<double>(t) / scale_);
  return start_ + std::chrono::nanoseconds(host_ns);
}

void RealClock::stall(ClockTime duration) {
  ClockTime until = now() + duration;
  while (now() < until) {
    // A busy wait, as on Windows; the pause keeps the sibling hyperthread usable.
    __builtin_ia32_pause();
  }
}

void RealClock::pass_until(ClockTime when) {
  // Events fire on the clock thread meanwhile; this thread only waits for the host time to come.
  std::this_thread::sleep_until(host_time_of(when));
}

void RealClock::run() {
  std::unique_lock lock(queue_mutex_);
  while (!stopping_) {
    ClockTime deadline = next_deadline();
    if (deadline == UINT64_MAX) {
      wake_.wait(lock);
      continue;
    }
    if (now() < deadline) {
      wake_.wait_until(lock, host_time_of(deadline));
      continue;
    }
    lock.unlock();
    fire_due(now());
    lock.lock();
  }
}

}  // namespace vidport::kernel
