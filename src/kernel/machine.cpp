#include "kernel/machine.h"

#include <thread>

#include "kernel/finding_sides.h"

namespace vidport::kernel {

std::optional<SyncProfile> parse_profile(std::string_view name) {
  if (name == "docs") return SyncProfile::Docs;
  if (name == "nt4") return SyncProfile::Nt4;
  if (name == "reactos") return SyncProfile::ReactOS;
  return std::nullopt;
}

namespace {
std::unique_ptr<Clock> make_clock(const MachineConfig& config) {
  if (config.clock == ClockKind::Virtual) return std::make_unique<VirtualClock>(config.bus_access_cost);
  return std::make_unique<RealClock>(config.real_clock_scale);
}
}  // namespace

Machine::Machine(MachineConfig config)
    : config_(config),
      clock_(make_clock(config_)),
      interrupts_(*this, config_.storm_threshold) {
  unsigned count = config_.processors == 0 ? 1 : std::min(config_.processors, 64u);
  for (unsigned i = 0; i < count; ++i) processors_.push_back(std::make_unique<Processor>(*this, i));
  for (auto& p : processors_) p->start();
}

Machine::~Machine() {
  for (auto& p : processors_) p->stop();
}

std::shared_ptr<Task> Machine::post(unsigned cpu, std::function<void()> body) {
  auto task = std::make_shared<Task>();
  task->body = std::move(body);
  processor(cpu).post(task);
  return task;
}

bool Machine::run_on(unsigned cpu, std::function<void()> body) {
  return post(cpu, std::move(body))->wait();
}

void Machine::report(findings::Finding finding) { findings_.report(std::move(finding)); }

void Machine::bugcheck(findings::Finding finding) {
  halt(std::move(finding));
  Processor* self = current_processor();
  if (self && &self->machine() == this) self->unwind_to_boundary();
}

void Machine::halt(findings::Finding finding) {
  finding.severity = findings::Severity::Fatal;
  {
    std::lock_guard lock(stop_mutex_);
    if (!stop_finding_) stop_finding_ = finding;
  }
  findings_.report(std::move(finding));
  halted_.store(true, std::memory_order_release);
  interrupts_.notify_halted();
  for (auto& p : processors_) p->request_attention(kAttentionHalt);
}

std::optional<findings::Finding> Machine::stop_finding() const {
  std::lock_guard lock(stop_mutex_);
  if (!stop_finding_) return std::nullopt;
  findings::Finding f = *stop_finding_;
  findings::resolve_sites(f);
  return f;
}

void Machine::set_attention_everywhere(std::uint32_t bit, bool on) {
  for (auto& p : processors_) {
    if (on) {
      p->request_attention(bit);
    } else {
      p->clear_attention(bit);
    }
  }
}

void Machine::set_preemption_hook(PreemptionHook* hook) {
  hook_.store(hook, std::memory_order_release);
  set_attention_everywhere(kAttentionHook, hook != nullptr);
}

void Machine::set_observer(Observer* observer) {
  observer_.store(observer, std::memory_order_release);
  set_attention_everywhere(kAttentionObserver, observer != nullptr);
}

bool Machine::all_quiescent() const {
  for (const auto& p : processors_) {
    if (!p->quiescent()) return false;
  }
  return true;
}

bool Machine::advance_idle_time(ClockTime limit) {
  if (!clock_->is_virtual() || !all_quiescent()) return false;
  ClockTime now = clock_->now();
  if (now >= limit) return false;
  std::optional<ClockTime> next = clock_->next_event_time();
  ClockTime target = next && *next < limit ? std::max(*next, now) : limit;
  clock_->pass_until(target);
  return true;
}

void Machine::pass_time_until(ClockTime until) {
  wait_until([] { return false; }, until);
}

bool Machine::wait_until(const std::function<bool()>& done, ClockTime deadline) {
  for (;;) {
    if (done()) return true;
    if (clock_->now() >= deadline || halted()) return done();
    if (clock_->is_virtual()) {
      if (!advance_idle_time(deadline)) std::this_thread::sleep_for(std::chrono::microseconds(50));
    } else {
      ClockTime step = std::min<ClockTime>(deadline - clock_->now(), kMillisecond);
      clock_->pass_until(clock_->now() + step);
    }
  }
}

void Machine::wake_blocked() {
  for (auto& p : processors_) p->wake();
}

findings::Finding make_finding(findings::FindingKind kind, std::uintptr_t site, std::string message) {
  findings::Finding f;
  f.kind = kind;
  f.primary = current_side(site);
  f.message = std::move(message);
  if (Processor* p = current_processor()) f.time = p->machine().clock().now();
  return f;
}

}  // namespace vidport::kernel
