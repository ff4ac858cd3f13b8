#include "findings/access_side.h"

#include <execinfo.h>

#include <algorithm>
#include <array>

namespace vidport::findings {

std::string_view lock_kind_id(HeldLock::Kind kind) {
  switch (kind) {
    case HeldLock::Kind::InterruptLock: return "interrupt-lock";
    case HeldLock::Kind::SpinLock: return "spin-lock";
    case HeldLock::Kind::DpcExclusion: return "dpc-exclusion";
  }
  return "?";
}

std::vector<CallSite> capture_stack() {
  // backtrace() unwinds with each module's .eh_frame tables, through signal frames too, so it
  // needs no frame pointers in the miniport.
  std::array<void*, kCapturedFrames> frames{};
  int count = ::backtrace(frames.data(), static_cast<int>(frames.size()));
  std::vector<CallSite> stack;
  stack.reserve(static_cast<std::size_t>(std::max(count, 0)));
  for (int i = 0; i < count; ++i) stack.push_back(CallSite::at(reinterpret_cast<std::uintptr_t>(frames[i])));
  return stack;
}

namespace {

void resolve_one(CallSite& site) {
  if (site.address != 0 && site.module.empty()) site = resolve_call_site(site.address);
}

// Keeps the miniport's own frames that called `site`: the contiguous run of frames in the site's
// module just above the site's own frame. Frames in the runtime end the run: what lies beyond
// them (the code an interrupt interrupted, the caller of a synchronize call) did not call the
// site. A site that is no address of the captured stack (an ISR's entry point named by a check
// that runs after the ISR) has no known callers: the stack is left empty.
void trim_stack(const CallSite& site, std::vector<CallSite>& stack) {
  if (stack.empty() || !stack.front().module.empty()) return;  // already resolved and trimmed
  std::vector<CallSite> kept;
  auto start = std::find_if(stack.begin(), stack.end(), [&](const CallSite& f) { return f.address == site.address; });
  if (site.address != 0 && !site.module.empty() && start != stack.end()) {
    for (auto it = start + 1; it != stack.end() && kept.size() < kShortStackFrames; ++it) {
      resolve_one(*it);
      if (it->module != site.module) break;
      kept.push_back(*it);
    }
  }
  stack = std::move(kept);
}

}  // namespace

void resolve_sites(AccessSide& side) {
  resolve_one(side.site);
  for (HeldLock& lock : side.locks) resolve_one(lock.taken_at);
  trim_stack(side.site, side.stack);
}

}  // namespace vidport::findings
