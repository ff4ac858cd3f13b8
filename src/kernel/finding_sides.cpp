#include "kernel/finding_sides.h"

#include <algorithm>

#include "kernel/interrupt_object.h"
#include "kernel/processor.h"

namespace vidport::kernel {

namespace {

// The locks held by p's frames 1..`depth` (interrupt locks) and the first `held` entries of its
// held-lock list (VideoPort spin locks and DPC exclusions), outermost first: the list's locks are
// all taken at or below DISPATCH_LEVEL, before the first interrupt lock (see the header).
std::vector<findings::HeldLock> locks_held(const Processor& p, unsigned depth, unsigned held) {
  using findings::HeldLock;
  std::vector<HeldLock> locks;
  for (unsigned i = 0; i < held; ++i) {
    const SpinLock& lock = *p.held_lock(i);
    HeldLock entry;
    entry.kind = lock.kind() == LockKind::DpcExclusion ? HeldLock::Kind::DpcExclusion : HeldLock::Kind::SpinLock;
    entry.taken_at.address = lock.acquired_at();  // a DPC exclusion: the DPC routine
    locks.push_back(entry);
  }
  for (unsigned d = 1; d <= depth; ++d) {
    const Processor::Frame& frame = p.frame(d);
    if (frame.lock == nullptr) continue;
    const InterruptObject& interrupt = interrupt_owning(*frame.lock);
    HeldLock entry;
    entry.kind = HeldLock::Kind::InterruptLock;
    entry.line = interrupt.line;
    entry.dirql = interrupt.dirql;
    entry.taken_at.address = frame.site;
    locks.push_back(entry);
  }
  return locks;
}

}  // namespace

findings::AccessSide running_side(const Processor& p, std::uintptr_t site) {
  findings::AccessSide side;
  side.processor = static_cast<int>(p.index());
  side.irql = p.irql();
  side.context = p.context();
  side.locks = locks_held(p, p.context_depth(), p.held_lock_count());
  side.site.address = site;
  side.stack = findings::capture_stack();
  return side;
}

findings::AccessSide current_side(std::uintptr_t site) {
  if (const Processor* p = current_processor()) return running_side(*p, site);
  findings::AccessSide side;
  side.site.address = site;
  side.stack = findings::capture_stack();
  return side;
}

std::optional<findings::AccessSide> interrupt_lock_holder(const Processor& p, const SpinLock& lock) {
  for (unsigned depth = p.context_depth(); depth > 0; --depth) {
    const Processor::Frame& frame = p.frame(depth);
    if (frame.lock != &lock) continue;
    findings::AccessSide side;
    side.processor = static_cast<int>(p.index());
    if (frame.kind == ContextKind::Isr) {
      side.context = ContextKind::Isr;
      side.irql = interrupt_owning(lock).dirql;
    } else {
      // A synchronize frame: its lock was taken by the call, in the caller's context and IRQL.
      side.context = p.frame(depth - 1).kind;
      side.irql = frame.saved_irql;
    }
    side.locks = locks_held(p, depth - 1, p.held_lock_count());
    side.site.address = frame.site;
    return side;
  }
  return std::nullopt;
}

findings::AccessSide spin_lock_holder(const Processor& p, const SpinLock& lock, const LockAcquisition& taken) {
  unsigned before = 0;
  while (before < p.held_lock_count() && p.held_lock(before) != &lock) ++before;
  findings::AccessSide side;
  side.processor = static_cast<int>(p.index());
  side.irql = taken.irql;
  side.context = taken.context;
  side.locks = locks_held(p, std::min(taken.depth, p.context_depth()), before);
  side.site.address = taken.site;
  return side;
}

}  // namespace vidport::kernel
