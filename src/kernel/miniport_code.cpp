#include "kernel/miniport_code.h"

#include <array>
#include <atomic>

namespace vidport::kernel::miniport_code {

namespace {
struct Range {
  std::atomic<std::uintptr_t> begin{0};
  std::atomic<std::uintptr_t> end{0};
};
std::array<Range, kMaxRanges> g_ranges;
}  // namespace

bool add(std::uintptr_t begin, std::uintptr_t end) {
  for (Range& r : g_ranges) {
    std::uintptr_t expected = 0;
    // Claim a free slot by its end, then publish the beginning: a reader sees either nothing or
    // a whole range (an end with a zero beginning covers nothing it would not already cover).
    if (r.end.compare_exchange_strong(expected, end, std::memory_order_acq_rel)) {
      r.begin.store(begin, std::memory_order_release);
      return true;
    }
  }
  return false;
}

void remove(std::uintptr_t begin, std::uintptr_t end) {
  for (Range& r : g_ranges) {
    if (r.begin.load(std::memory_order_acquire) == begin && r.end.load(std::memory_order_acquire) == end) {
      // The beginning first: readers skip a slot whose beginning is zero, and add() can claim
      // the slot only once its end is zero, after which nothing here touches it.
      r.begin.store(0, std::memory_order_release);
      r.end.store(0, std::memory_order_release);
      return;
    }
  }
}

bool is_miniport_code(std::uintptr_t pc) {
  for (const Range& r : g_ranges) {
    std::uintptr_t end = r.end.load(std::memory_order_acquire);
    if (end == 0) continue;
    std::uintptr_t begin = r.begin.load(std::memory_order_acquire);
    if (begin != 0 && pc >= begin && pc < end) return true;
  }
  return false;
}

}  // namespace vidport::kernel::miniport_code
