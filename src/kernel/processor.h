// A virtual processor: one host thread with its own IRQL, its own stack of execution contexts and
// its own DPC queue. Interrupts are delivered to it at preemption points and run nested on its
// stack, as hardware would.
//
// Rules for processors:
// - IRQL, the context stack and the held-lock list belong to the processor's own thread; other
//   threads may read the IRQL (relaxed) and set attention bits, nothing else.
// - raise_irql() never lowers: raising to a lower level is a caller bug caught by an assertion.
//   lower_irql() delivers what became deliverable: pending interrupts, then (below
//   DISPATCH_LEVEL) DPCs.
// - An idle processor blocks on a condition variable; it never spins.
// - When its machine halts (a bugcheck), a processor abandons whatever runs on it: vidport's
//   frames unwind as C++ frames (kernel::Halt), miniport frames are jumped over to the innermost
//   landing. kernel/halt.h states the rule.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <chrono>
#include <thread>

#include <emmintrin.h>

#include "kernel/clock.h"
#include "kernel/execution_context.h"
#include "kernel/irql.h"
#include "kernel/landing.h"
#include "kernel/preemption.h"
#include "kernel/spin_lock.h"

namespace vidport::findings {
struct Finding;
}

namespace vidport::kernel {

class Dpc;
class Event;
class Machine;
class SpinLock;
struct MemoryAccess;

// Why a processor must leave its fast path. Set by other threads; checked at preemption points.
enum Attention : std::uint32_t {
  kAttentionInterrupt = 1u << 0,  // the controller has a line this processor may take
  kAttentionDpc = 1u << 1,        // this processor's DPC queue is not empty
  kAttentionHook = 1u << 2,       // a preemption hook is installed
  kAttentionHalt = 1u << 3,       // the machine halted
  kAttentionObserver = 1u << 4,   // an observer is installed (kernel/observer.h)
  kAttentionFault = 1u << 5,      // a signal handler recorded a fault to report (FaultRecord)
};

// Work the host gives a processor: runs at PASSIVE_LEVEL in the Passive context.
struct Task {
  std::function<void()> body;
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;       // guarded by mutex
  bool completed = false;  // guarded by mutex; false: abandoned because the machine halted

  // Blocks the host until the task finished or was abandoned; returns `completed`.
  bool wait();
  // As wait(), giving up after `timeout` of host time; nullopt when still running.
  std::optional<bool> wait_for(std::chrono::milliseconds timeout);
};

class Processor;

// What a signal handler saw (a fault in miniport code, the watchdog's signal), kept for an
// ordinary context to report: a handler may not allocate or lock, so it only records, then jumps
// to the innermost landing (or, interrupted in vidport's own code, asks for attention), and the
// finding is made where the processor lands (Processor::landed) or at its next preemption point.
struct FaultRecord {
  // Makes the finding (its primary side's context, IRQL and stack are then taken from this
  // record); set by the handler that recorded the fault (nullptr: nothing pending).
  findings::Finding (*describe)(Processor& processor, const FaultRecord& record) = nullptr;
  int signal = 0;
  std::uintptr_t pc = 0;       // the interrupted code
  std::uintptr_t address = 0;  // the faulting address (SIGSEGV, SIGBUS)
  const char* routine = nullptr;
  ContextKind context = ContextKind::Passive;
  Irql irql = kPassiveLevel;
  // Return addresses where the handler ran (backtrace(3) into this array: no allocation once
  // the crash guard has primed it), for the finding's short stack; the jump loses them.
  static constexpr unsigned kMaxStack = 32;
  void* stack[kMaxStack] = {};
  int stack_depth = 0;
};

namespace detail {
// Initial-exec TLS: the runtime is linked into the executable, so this is a single %fs load.
extern __thread Processor* current_processor __attribute__((tls_model("initial-exec")));
}  // namespace detail
// The processor the calling thread is, or nullptr on any other thread.
inline Processor* current_processor() { return detail::current_processor; }

class Processor {
 public:
  static constexpr unsigned kMaxContextDepth = 32;
  static constexpr unsigned kMaxHeldLocks = 16;

  Processor(Machine& machine, unsigned index);
  ~Processor();
  Processor(const Processor&) = delete;
  Processor& operator=(const Processor&) = delete;

  unsigned index() const { return index_; }
  Machine& machine() const { return machine_; }

  Irql irql() const { return state().irql(); }

  // Raises to `new_irql` (>= the current IRQL) and returns the IRQL to restore.
  [[nodiscard]] Irql raise_irql(Irql new_irql) {
    State s = state();
    set_state(s.with_irql(new_irql));
    return s.irql();
  }
  // Lowers to `old_irql` and delivers whatever became deliverable.
  void lower_irql(Irql old_irql) {
    set_state(state().with_irql(old_irql));
    if (attention_.load(std::memory_order_relaxed) != 0) preemption_point_slow(PointKind::IrqlLowered);
  }

  // True when the next preemption point would leave the fast path.
  bool needs_attention() const { return attention_.load(std::memory_order_relaxed) != 0; }
  // The attention word itself (Attention bits), for a loop that runs on this processor without
  // preemption points and polls it instead (the emulator running a full-screen program).
  const std::atomic<std::uint32_t>& attention_word() const { return attention_; }

  // A preemption point (see preemption.h). Own thread only.
  void preemption_point(PointKind kind) {
    if (attention_.load(std::memory_order_relaxed) != 0) preemption_point_slow(kind);
  }

  // The execution contexts on this processor's stack, innermost last. Entering an ISR or a
  // synchronize callback pushes a frame that names the interrupt spin lock it holds, so "which
  // locks does this code hold" is answered from the frames plus the miniport spin locks below.
  // The lock and the site come first and aligned, so that the synchronize fast path writes both
  // with one 16-byte store.
  struct alignas(32) Frame {
    SpinLock* lock = nullptr;         // the interrupt lock this frame holds, or nullptr
    std::uintptr_t site = 0;          // the code that entered it (the ISR's blame site, the
                                      // synchronize caller): a deadlock's "lock taken at"
    ContextKind kind = ContextKind::Passive;
    Irql saved_irql = kPassiveLevel;  // the IRQL to return to when the frame ends
  };

  // The IRQL, the frame depth and the innermost frame's kind, packed in one word (bits 0-7,
  // 8-15, 16-23) so that the synchronize fast path checks them with one load and changes them
  // with one store each way. Only the processor's own thread changes it; other threads may read
  // the IRQL. frames_[depth].kind always agrees with the kind kept here.
  class State {
   public:
    Irql irql() const { return static_cast<Irql>(bits_); }
    unsigned depth() const { return static_cast<std::uint8_t>(bits_ >> 8); }
    ContextKind context() const { return static_cast<ContextKind>(bits_ >> 16); }
    State with_irql(Irql irql) const { return State{(bits_ & ~0xffu) | irql}; }
    // The state inside a frame of `kind` pushed on this one, at `irql`.
    State pushed(ContextKind kind, Irql irql) const {
      return State{(depth() + 1u) << 8 | static_cast<unsigned>(kind) << 16 | irql};
    }

   private:
    friend class Processor;
    explicit State(std::uint32_t bits) : bits_(bits) {}
    std::uint32_t bits_;
  };
  State state() const { return State{state_.load(std::memory_order_relaxed)}; }

  ContextKind context() const { return state().context(); }
  unsigned context_depth() const { return state().depth(); }
  const Frame& frame(unsigned depth) const { return frames_[depth]; }
  void push_frame(ContextKind kind, SpinLock* lock = nullptr, Irql saved_irql = kPassiveLevel,
                  std::uintptr_t site = 0) {
    State s = state();
    if (__builtin_expect(s.depth() + 1 >= kMaxContextDepth, 0)) context_overflow();
    frames_[s.depth() + 1] = Frame{lock, site, kind, saved_irql};
    set_state(s.pushed(kind, s.irql()));
    if (__builtin_expect(observed(), 0)) notify_context(kind, true);
  }
  void pop_frame() {
    State s = state();
    if (__builtin_expect(observed(), 0)) notify_context(s.context(), false);
    unsigned depth = s.depth() - 1;
    set_state(State{depth << 8 | static_cast<unsigned>(frames_[depth].kind) << 16 | s.irql()});
  }

  // True while an observer watches this processor's machine (kernel/observer.h).
  bool observed() const { return (attention_.load(std::memory_order_relaxed) & kAttentionObserver) != 0; }
  // Own thread: a miniport memory access, for the observer (instrumented code and VideoPort's
  // memory functions report them; nothing else happens).
  void note_access(const MemoryAccess& access) {
    if (__builtin_expect(observed(), 0)) notify_access(access);
  }

  // The synchronize fast path's frame (videoport/synchronize.h). Own thread only, with no
  // preemption point between the caller's checks of `outer` (the state() it read) and begin.
  // - begin_fast_synchronize(): for a caller in passive or DPC code at an IRQL <= `dirql` that
  //   has just taken `lock` for the call at `site`: pushes a SynchronizeCallback frame recording
  //   the lock, the site and the IRQL to return to, and raises to `dirql`.
  // - end_fast_synchronize(): after the routine returned, pops that frame, releases `lock`,
  //   lowers back to `outer` (delivering what became deliverable) and counts the call. It needs
  //   nothing from the frame: whatever the routine pushed it popped, and a halt never returns
  //   here, so the state to restore is exactly `outer`.
  void begin_fast_synchronize(State outer, Irql dirql, SpinLock* lock, std::uintptr_t site) {
    Frame& f = frames_[outer.depth() + 1];
    _mm_store_si128(reinterpret_cast<__m128i*>(&f.lock),
                    _mm_set_epi64x(static_cast<long long>(site), reinterpret_cast<long long>(lock)));
    f.kind = ContextKind::SynchronizeCallback;
    f.saved_irql = outer.irql();
    set_state(outer.pushed(ContextKind::SynchronizeCallback, dirql));
  }
  void end_fast_synchronize(State outer, SpinLock* lock) {
    lock->release_unrecorded();
    set_state(outer);
    count_synchronize(1);  // VpMediumPriority
    if (attention_.load(std::memory_order_relaxed) != 0) preemption_point_slow(PointKind::IrqlLowered);
  }

  // Ends a synchronize-callback frame the slow path pushed with push_frame (its lock, if any,
  // and saved IRQL): pops it, releases the lock, counts the call and lowers the IRQL.
  inline void end_synchronize_frame(unsigned priority);

  // Called by SpinLock::acquire/release themselves (callers never note locks). The processor
  // keeps the miniport spin locks (VideoPortAcquireSpinLock...) and DPC exclusions it holds,
  // innermost last; interrupt locks are named by the frames (frame(i).lock). Both tell an
  // observer.
  void lock_acquired(const SpinLock& lock) {
    if (lock.kind() != LockKind::Interrupt) {
      if (__builtin_expect(held_count_ >= kMaxHeldLocks, 0)) lock_overflow();
      held_[held_count_++] = &lock;
    }
    if (__builtin_expect(observed(), 0)) notify_lock(lock, true);
  }
  void lock_released(const SpinLock& lock) {
    if (__builtin_expect(observed(), 0)) notify_lock(lock, false);
    if (lock.kind() == LockKind::Interrupt) return;
    // Locks are nearly always released innermost first.
    if (__builtin_expect(held_count_ != 0 && held_[held_count_ - 1] == &lock, 1)) {
      --held_count_;
    } else {
      release_out_of_order(&lock);
    }
  }
  unsigned held_lock_count() const { return held_count_; }
  const SpinLock* held_lock(unsigned i) const { return held_[i]; }

  // Which miniport routine this processor is running, for watchdog and crash reports. The host
  // labels each call into the miniport (a string literal; nullptr outside miniport code) and gets
  // the previous label back to restore. Own thread writes; any thread reads.
  // (Own thread only, so a load and a store: no locked exchange on a path every emulator routine
  // call and request takes.)
  const char* enter_routine(const char* name) {
    const char* previous = routine_.load(std::memory_order_relaxed);
    routine_.store(name, std::memory_order_relaxed);
    return previous;
  }
  void leave_routine(const char* previous) { routine_.store(previous, std::memory_order_relaxed); }
  const char* routine() const { return routine_.load(std::memory_order_relaxed); }

  // Bumped at every DDK entry and bus access: a watchdog that sees it frozen while routine() is
  // set knows the miniport runs without calling VideoPort (a hang, not a slow request).
  void note_progress() { bump(progress_); }
  std::uint64_t progress() const { return progress_.load(std::memory_order_relaxed); }

  // The host thread behind this processor (for a watchdog's pthread_kill).
  std::thread::native_handle_type native_handle() { return thread_.native_handle(); }

  // Per-processor statistics (own thread writes; readers may see slightly stale values).
  void count_synchronize(unsigned priority) { bump(sync_calls_[priority < 3 ? priority : 3]); }
  std::uint64_t synchronize_calls(unsigned priority) const { return sync_calls_[priority].load(std::memory_order_relaxed); }
  std::uint64_t isrs_run() const { return isrs_run_.load(std::memory_order_relaxed); }
  std::uint64_t dpcs_run() const { return dpcs_run_.load(std::memory_order_relaxed); }

  // Any thread: asks the processor to look at `bits` at its next preemption point; wakes it when
  // idle or blocked.
  void request_attention(std::uint32_t bits);
  // Any thread: wakes the processor if it is idle or blocked, so it re-checks its condition.
  void wake() {
    { std::lock_guard lock(mutex_); }
    wake_.notify_all();
  }
  void clear_attention(std::uint32_t bits) { attention_.fetch_and(~bits, std::memory_order_acq_rel); }

  // Any thread: queues `dpc` on this processor (the Dpc object guarantees single queuing).
  void enqueue_dpc(Dpc& dpc);

  // Host side: queues a task; it runs when the processor is free.
  void post(std::shared_ptr<Task> task);

  // Own thread, PASSIVE_LEVEL: blocks until `ready()` or clock time `deadline`, still taking
  // interrupts and DPCs meanwhile (the processor counts as blocked, like an idle one). Returns
  // ready()'s last value.
  bool block_until(const std::function<bool()>& ready, ClockTime deadline);

  // True while the processor has nothing to run (idle) or is blocked in block_until, and no
  // interrupt, DPC or task is waiting for it (it may not have woken up for them yet).
  bool quiescent() const {
    return quiescent_.load(std::memory_order_acquire) &&
           (attention_.load(std::memory_order_acquire) & (kAttentionInterrupt | kAttentionDpc)) == 0;
  }

  // Own thread, vidport code (never a signal handler): abandons everything on this processor's
  // stack because the machine has halted, by throwing kernel::Halt (see kernel/halt.h).
  [[noreturn]] void unwind_to_boundary();

  // Landings (kernel/halt.h). Own thread only. The chain is never empty on a processor's thread:
  // its base is the task boundary.
  Landing* innermost_landing() const { return landing_; }
  void set_innermost_landing(Landing* landing) { landing_ = landing; }
  // Called where a jump to `landing` arrived: the chain continues at its outer landing and the
  // thread's signal mask is what it was before the handler that jumped (if any) ran.
  void landed(const Landing& landing);
  // Own thread, from a signal handler or an export only: jumps to the innermost landing,
  // skipping the miniport frames above it.
  [[noreturn]] void jump_to_landing();

  // Own thread, signal-safe (plain stores and one atomic or): keeps `record` for the landing or
  // the next preemption point to report as a fatal finding (FaultRecord). With `ask_attention`
  // the processor's next preemption point reports it (for a handler that returns).
  void record_fault(const FaultRecord& record, bool ask_attention);
  // Own thread, ordinary context: reports a recorded fault, if any, by halting the machine with
  // the finding its describe() makes. Returns whether there was one.
  bool report_recorded_fault();

  // Starts the host thread (called by the machine once every processor exists).
  void start();
  // Asks the thread to finish once its current task ends, and joins it.
  void stop();

 private:
  static void bump(std::atomic<std::uint64_t>& c) { c.store(c.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed); }

  void set_state(State s) { state_.store(s.bits_, std::memory_order_relaxed); }

  void preemption_point_slow(PointKind kind);
  void notify_context(ContextKind kind, bool enter);
  void notify_lock(const SpinLock& lock, bool acquired);
  void notify_access(const MemoryAccess& access);
  [[noreturn]] static void context_overflow();
  [[noreturn]] static void lock_overflow();
  void release_out_of_order(const SpinLock* lock);
  void deliver();
  bool run_one_interrupt();
  bool run_one_dpc();
  void thread_main();
  void serve();
  void reset_after_halt();
  void wait_for_work(std::unique_lock<std::mutex>& lock);

  Machine& machine_;
  const unsigned index_;
  std::atomic<std::uint32_t> state_{0};  // a State: PASSIVE_LEVEL, depth 0, the Passive frame
  std::atomic<std::uint32_t> attention_{0};

  std::array<Frame, kMaxContextDepth> frames_{};
  std::array<const SpinLock*, kMaxHeldLocks> held_{};
  unsigned held_count_ = 0;

  std::array<std::atomic<std::uint64_t>, 4> sync_calls_{};
  std::atomic<std::uint64_t> isrs_run_{0};
  std::atomic<std::uint64_t> progress_{0};
  std::atomic<const char*> routine_{nullptr};
  std::atomic<std::uint64_t> dpcs_run_{0};

  std::mutex mutex_;                 // guards tasks_, dpcs_, stopping_, idle waits
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Task>> tasks_;
  std::deque<Dpc*> dpcs_;
  bool stopping_ = false;
  std::shared_ptr<Task> current_task_;  // own thread only
  std::atomic<bool> quiescent_{true};

  FaultRecord fault_;                // own thread only (its signal handlers included)
  Landing* landing_ = nullptr;       // own thread only: the innermost landing
  Landing* base_landing_ = nullptr;  // the task boundary's
  sigset_t thread_mask_{};           // the signal mask the thread runs miniport code with
  std::thread thread_;
};

inline void SpinLock::acquire(Processor& processor, std::uintptr_t site) {
  std::uint32_t expected = 0;
  if (__builtin_expect(!word_.compare_exchange_strong(expected, processor.index() + 1, std::memory_order_acquire,
                                                      std::memory_order_relaxed), 0)) {
    spin(processor);
  }
  acquired_at_.store(site, std::memory_order_relaxed);
  processor.lock_acquired(*this);
}

inline bool SpinLock::try_acquire(Processor& processor) {
  std::uint32_t expected = 0;
  return word_.compare_exchange_strong(expected, processor.index() + 1, std::memory_order_acquire,
                                       std::memory_order_relaxed);
}

inline void SpinLock::release(Processor& processor) {
  processor.lock_released(*this);
  word_.store(0, std::memory_order_release);
}

inline void Processor::end_synchronize_frame(unsigned priority) {
  const Frame& f = frames_[context_depth()];
  SpinLock* lock = f.lock;
  Irql saved = f.saved_irql;
  pop_frame();
  if (lock != nullptr) lock->release(*this);
  count_synchronize(priority);
  lower_irql(saved);
}

inline bool SpinLock::held_by(const Processor& processor) const {
  return word_.load(std::memory_order_relaxed) == processor.index() + 1;
}

}  // namespace vidport::kernel
