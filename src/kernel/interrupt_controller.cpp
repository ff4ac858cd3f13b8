#include "kernel/interrupt_controller.h"

#include <algorithm>

#include <fmt/format.h>

#include "kernel/machine.h"

namespace vidport::kernel {

InterruptController::InterruptController(Machine& machine, unsigned storm_threshold)
    : machine_(machine), storm_threshold_(storm_threshold ? storm_threshold : 1) {}

bool InterruptController::pending_locked(const Line& line) const {
  if (line.masked || line.in_service || line.chain.empty()) return false;
  return line.chain.front()->mode == InterruptMode::LevelSensitive ? line.asserted : line.edge;
}

void InterruptController::update_attention_locked() {
  // Each processor's interrupt bit says "a line you may take is pending" (IRQL aside).
  std::uint64_t wanted = 0;
  for (const Line& line : lines_) {
    if (pending_locked(line)) wanted |= line.affinity;
  }
  for (unsigned i = 0; i < machine_.processor_count(); ++i) {
    Processor& p = machine_.processor(i);
    if (wanted & (1ull << i)) {
      p.request_attention(kAttentionInterrupt);
    } else {
      p.clear_attention(kAttentionInterrupt);
    }
  }
}

void InterruptController::set_line(unsigned index, bool asserted) {
  if (index >= lines_.size()) return;
  std::lock_guard lock(mutex_);
  Line& line = lines_[index];
  if (asserted && !line.asserted) line.edge = true;
  if (!asserted) line.repeats = 0;
  line.asserted = asserted;
  update_attention_locked();
}

bool InterruptController::connect(InterruptObject& object) {
  if (object.line >= lines_.size()) return false;
  std::lock_guard lock(mutex_);
  Line& line = lines_[object.line];
  if (line.chain.size() >= kMaxChain) return false;
  if (!line.chain.empty()) {
    const InterruptObject& first = *line.chain.front();
    if (!first.shareable || !object.shareable || first.mode != object.mode) return false;
  }
  line.chain.push_back(&object);
  update_attention_locked();
  return true;
}

void InterruptController::disconnect(InterruptObject& object) {
  if (object.line >= lines_.size()) return;
  std::unique_lock lock(mutex_);
  Line& line = lines_[object.line];
  line.chain.erase(std::remove(line.chain.begin(), line.chain.end(), &object), line.chain.end());
  update_attention_locked();
  // A halted machine's processors abandoned their deliveries and run nothing more.
  service_done_.wait(lock, [&] { return !line.in_service || machine_.halted(); });
}

void InterruptController::set_masked(unsigned index, bool masked) {
  if (index >= lines_.size()) return;
  std::lock_guard lock(mutex_);
  lines_[index].masked = masked;
  update_attention_locked();
}

void InterruptController::set_affinity(unsigned index, std::uint64_t processors) {
  if (index >= lines_.size()) return;
  std::lock_guard lock(mutex_);
  lines_[index].affinity = processors;
  update_attention_locked();
}

std::optional<InterruptController::Claim> InterruptController::claim(unsigned processor, Irql irql) {
  std::lock_guard lock(mutex_);
  Line* best = nullptr;
  unsigned best_index = 0;
  for (unsigned i = 0; i < lines_.size(); ++i) {
    Line& line = lines_[i];
    if (!pending_locked(line) || !(line.affinity & (1ull << processor))) continue;
    Irql dirql = line.chain.front()->dirql;
    if (dirql <= irql) continue;
    if (!best || dirql > best->chain.front()->dirql) {
      best = &line;
      best_index = i;
    }
  }
  if (!best) return std::nullopt;
  best->in_service = true;
  best->edge = false;
  Claim claim{best_index, best->chain.front()->dirql, 0, {}};
  for (InterruptObject* object : best->chain) claim.chain[claim.count++] = object;
  update_attention_locked();
  return claim;
}

void InterruptController::complete(unsigned index, bool claimed) {
  {
    std::lock_guard lock(mutex_);
    Line& line = lines_[index];
    line.in_service = false;
    ++line.stats.delivered;
    if (claimed) {
      ++line.stats.claimed;
      line.unclaimed_run = 0;
    } else {
      ++line.stats.unclaimed;
      ++line.unclaimed_run;
    }
    bool level = !line.chain.empty() && line.chain.front()->mode == InterruptMode::LevelSensitive;
    if (level && line.asserted) ++line.repeats;
    if (line.repeats >= storm_threshold_ || line.unclaimed_run >= storm_threshold_) {
      bool never_claimed = line.unclaimed_run >= storm_threshold_;
      line.masked = true;
      line.storm = true;
      std::string message = fmt::format(
          "interrupt line {} was delivered {} times in a row {}; the line is masked from now on",
          index, storm_threshold_,
          never_claimed ? "and no ISR claimed it" : "while staying asserted: the ISR claims it but never dismisses it on the device");
      // Reported under the lock (the findings channel is a leaf lock): whoever sees the line
      // masked, through statistics(), also sees its finding.
      machine_.report(make_finding(findings::FindingKind::InterruptStorm,
                                   line.chain.empty() ? 0 : line.chain.front()->blame_site(), std::move(message)));
      line.repeats = 0;
      line.unclaimed_run = 0;
    }
    update_attention_locked();
  }
  service_done_.notify_all();
}

LineStatistics InterruptController::statistics(unsigned index) const {
  std::lock_guard lock(mutex_);
  LineStatistics stats = lines_.at(index).stats;
  stats.masked = lines_[index].masked;
  stats.storm = lines_[index].storm;
  return stats;
}

bool InterruptController::line_asserted(unsigned index) const {
  std::lock_guard lock(mutex_);
  return lines_.at(index).asserted;
}

}  // namespace vidport::kernel
