#include "kernel/processor.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "kernel/dpc.h"
#include "kernel/halt.h"
#include "kernel/interrupt_controller.h"
#include "kernel/machine.h"
#include "kernel/observer.h"

namespace vidport::kernel {

namespace detail {
__thread Processor* current_processor __attribute__((tls_model("initial-exec"))) = nullptr;
}  // namespace detail

namespace {
// Broken invariants of the runtime itself stop here with a message that says what broke.
[[noreturn]] void invariant_failed(const char* what) {
  std::fprintf(stderr, "vidport: internal invariant broken: %s\n", what);
  std::abort();
}
constexpr std::uint32_t kWakeBits = kAttentionInterrupt | kAttentionDpc | kAttentionHalt;
}  // namespace

bool Task::wait() {
  std::unique_lock lock(mutex);
  done_cv.wait(lock, [&] { return done; });
  return completed;
}

std::optional<bool> Task::wait_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex);
  if (!done_cv.wait_for(lock, timeout, [&] { return done; })) return std::nullopt;
  return completed;
}

namespace {
void finish(Task& task, bool completed) {
  {
    std::lock_guard lock(task.mutex);
    task.done = true;
    task.completed = completed;
  }
  task.done_cv.notify_all();
}
}  // namespace

Processor::Processor(Machine& machine, unsigned index) : machine_(machine), index_(index) {}

Processor::~Processor() { stop(); }

void Processor::start() { thread_ = std::thread([this] { thread_main(); }); }

void Processor::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Processor::context_overflow() { invariant_failed("execution contexts nested too deeply"); }

void Processor::lock_overflow() { invariant_failed("too many spin locks held at once"); }

void Processor::release_out_of_order(const SpinLock* lock) {
  for (unsigned i = held_count_; i-- > 0;) {
    if (held_[i] == lock) {
      for (unsigned j = i; j + 1 < held_count_; ++j) held_[j] = held_[j + 1];
      --held_count_;
      return;
    }
  }
  invariant_failed("released a spin lock this processor does not hold");
}

void Processor::request_attention(std::uint32_t bits) {
  std::uint32_t before = attention_.fetch_or(bits, std::memory_order_acq_rel);
  if ((before & bits) == bits) return;  // whoever set them already woke the processor
  { std::lock_guard lock(mutex_); }     // orders the bits before a waiter's predicate check
  wake_.notify_all();
}

void Processor::enqueue_dpc(Dpc& dpc) {
  {
    std::lock_guard lock(mutex_);
    dpcs_.push_back(&dpc);
    attention_.fetch_or(kAttentionDpc, std::memory_order_acq_rel);
  }
  wake_.notify_all();
}

void Processor::post(std::shared_ptr<Task> task) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_ && !machine_.halted()) {
      quiescent_.store(false, std::memory_order_release);
      tasks_.push_back(std::move(task));
      task = nullptr;
    }
  }
  if (task) {
    finish(*task, false);
    return;
  }
  wake_.notify_all();
}

void Processor::notify_context(ContextKind kind, bool enter) {
  if (Observer* o = machine_.observer()) enter ? o->context_enter(*this, kind) : o->context_exit(*this, kind);
}

void Processor::notify_lock(const SpinLock& lock, bool acquired) {
  if (Observer* o = machine_.observer()) acquired ? o->lock_acquired(*this, lock) : o->lock_released(*this, lock);
}

void Processor::notify_access(const MemoryAccess& access) {
  if (Observer* o = machine_.observer()) o->memory_access(*this, access);
}

void Processor::preemption_point_slow(PointKind kind) {
  std::uint32_t bits = attention_.load(std::memory_order_acquire);
  if (bits & kAttentionFault) {
    report_recorded_fault();
    unwind_to_boundary();
  }
  if (bits & kAttentionHalt) unwind_to_boundary();
  if (bits & kAttentionHook) {
    if (PreemptionHook* hook = machine_.preemption_hook()) hook->at_point(*this, kind);
  }
  deliver();
}

void Processor::deliver() {
  for (;;) {
    std::uint32_t bits = attention_.load(std::memory_order_acquire);
    if (bits & kAttentionHalt) unwind_to_boundary();
    if ((bits & kAttentionInterrupt) && run_one_interrupt()) continue;
    if ((bits & kAttentionDpc) && irql() < kDispatchLevel && run_one_dpc()) continue;
    return;
  }
}

bool Processor::run_one_interrupt() {
  std::optional<InterruptController::Claim> claim = machine_.interrupts().claim(index_, irql());
  if (!claim) return false;
  if (observed()) {
    if (Observer* o = machine_.observer()) o->interrupt_delivered(*this, claim->line);
  }
  Irql old = raise_irql(claim->dirql);
  bool claimed = false;
  for (unsigned i = 0; i < claim->count && !claimed; ++i) {
    InterruptObject& object = *claim->chain[i];
    object.lock.acquire(*this, object.blame_site());
    push_frame(ContextKind::Isr, &object.lock, kPassiveLevel, object.blame_site());
    claimed = call_miniport([&] { return object.routine(object.context); }) != 0;
    pop_frame();
    object.lock.release(*this);
  }
  set_state(state().with_irql(old));
  bump(isrs_run_);
  machine_.interrupts().complete(claim->line, claimed);
  return true;
}

bool Processor::run_one_dpc() {
  Dpc* dpc = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (!dpcs_.empty()) {
      dpc = dpcs_.front();
      dpcs_.pop_front();
    }
    if (dpcs_.empty()) attention_.fetch_and(~kAttentionDpc, std::memory_order_acq_rel);
  }
  if (!dpc) return false;
  Irql old = raise_irql(kDispatchLevel);
  push_frame(ContextKind::Dpc);
  if (observed()) {
    if (Observer* o = machine_.observer()) o->dpc_started(*this, *dpc);
  }
  call_miniport([&] { dpc->run(*this); });
  pop_frame();
  set_state(state().with_irql(old));
  bump(dpcs_run_);
  return true;
}

bool Processor::block_until(const std::function<bool()>& ready, ClockTime deadline) {
  Clock& clock = machine_.clock();
  for (;;) {
    preemption_point(PointKind::Idle);
    if (ready()) return true;
    if (clock.now() >= deadline) return false;
    quiescent_.store(true, std::memory_order_release);
    if (!clock.is_virtual() || !machine_.advance_idle_time(deadline)) {
      // Another processor moves virtual time, or real time passes by itself; either way the
      // condition may change from outside, so wake up now and then to look again.
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(1),
                     [&] { return (attention_.load(std::memory_order_acquire) & kWakeBits) != 0; });
    }
    quiescent_.store(false, std::memory_order_release);
  }
}

void Processor::unwind_to_boundary() { throw Halt{}; }

void Processor::landed(const Landing& landing) {
  landing_ = landing.outer;
  pthread_sigmask(SIG_SETMASK, &thread_mask_, nullptr);
  report_recorded_fault();
}

void Processor::record_fault(const FaultRecord& record, bool ask_attention) {
  fault_ = record;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  if (ask_attention) attention_.fetch_or(kAttentionFault, std::memory_order_acq_rel);
}

bool Processor::report_recorded_fault() {
  attention_.fetch_and(~kAttentionFault, std::memory_order_acq_rel);
  if (fault_.describe == nullptr) return false;
  FaultRecord record = fault_;
  fault_.describe = nullptr;
  // The finding is made here, after the jump: its side is what the handler saw, not this frame.
  findings::Finding finding = record.describe(*this, record);
  finding.primary.context = record.context;
  finding.primary.irql = record.irql;
  finding.primary.stack.clear();
  for (int i = 0; i < record.stack_depth; ++i) {
    finding.primary.stack.push_back(findings::CallSite::at(reinterpret_cast<std::uintptr_t>(record.stack[i])));
  }
  machine_.halt(std::move(finding));
  return true;
}

void Processor::jump_to_landing() { VIDPORT_JUMP_TO_LANDING(landing_->buffer); }

void Processor::reset_after_halt() {
  landing_ = base_landing_;
  fault_.describe = nullptr;
  attention_.fetch_and(~kAttentionFault, std::memory_order_acq_rel);
  set_state(State{0});
  routine_.store(nullptr, std::memory_order_relaxed);
  held_count_ = 0;
  if (current_task_) {
    finish(*current_task_, false);
    current_task_.reset();
  }
}

void Processor::thread_main() {
  detail::current_processor = this;
  // An alternate signal stack, so a crash handler can run even when miniport code overflowed the
  // thread's stack and can jump back to this processor's boundary.
  static constexpr std::size_t kSignalStackSize = 64 * 1024;
  auto signal_stack = std::make_unique<char[]>(kSignalStackSize);
  stack_t ss{};
  ss.ss_sp = signal_stack.get();
  ss.ss_size = kSignalStackSize;
  sigaltstack(&ss, nullptr);
  pthread_sigmask(SIG_SETMASK, nullptr, &thread_mask_);
  // The base landing: a signal that arrives while no miniport call is in progress (a fault in
  // vidport's own code) jumps here, past whatever vidport frames were running.
  Landing base;
  base_landing_ = &base;
  if (VIDPORT_SET_LANDING(base.buffer)) {
    landed(base);
    reset_after_halt();
  }
  landing_ = &base;
  serve();
  base_landing_ = nullptr;
  landing_ = nullptr;
  ss.ss_flags = SS_DISABLE;
  sigaltstack(&ss, nullptr);
  detail::current_processor = nullptr;
}

void Processor::serve() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (stopping_) return;
    if (machine_.halted()) {
      // A halted machine runs nothing more: abandon queued work, then wait to be stopped.
      while (!tasks_.empty()) {
        finish(*tasks_.front(), false);
        tasks_.pop_front();
      }
      quiescent_.store(true, std::memory_order_release);
      wake_.wait(lock, [&] { return stopping_; });
      continue;
    }
    if (!tasks_.empty()) {
      current_task_ = std::move(tasks_.front());
      tasks_.pop_front();
      quiescent_.store(false, std::memory_order_release);
      lock.unlock();
      try {
        preemption_point(PointKind::Idle);
        // A task is the Passive context at depth 0: observers see it begin and end.
        if (observed()) notify_context(ContextKind::Passive, true);
        current_task_->body();
        if (observed()) notify_context(ContextKind::Passive, false);
        preemption_point(PointKind::Idle);
        finish(*current_task_, true);
        current_task_.reset();
      } catch (const Halt&) {
        reset_after_halt();
      }
      lock.lock();
      continue;
    }
    if (attention_.load(std::memory_order_acquire) & kWakeBits) {
      quiescent_.store(false, std::memory_order_release);
      lock.unlock();
      try {
        preemption_point_slow(PointKind::Idle);
      } catch (const Halt&) {
        reset_after_halt();
      }
      lock.lock();
      continue;
    }
    quiescent_.store(true, std::memory_order_release);
    wake_.wait(lock, [&] {
      return stopping_ || !tasks_.empty() || machine_.halted() ||
             (attention_.load(std::memory_order_acquire) & kWakeBits) != 0;
    });
  }
}

}  // namespace vidport::kernel
