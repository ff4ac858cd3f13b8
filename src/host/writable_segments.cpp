#include "host/writable_segments.h"

#include <algorithm>
#include <optional>

#include "host/module_layout.h"

namespace vidport::host {

namespace {

// Copies `size` bytes without the address sanitizer's checks: a module built with ASan has poisoned
// redzones between its globals, and they are part of the segment all the same. The volatile
// accesses keep the compiler from turning the loop into a memcpy call, which the sanitizer checks.
__attribute__((no_sanitize("address"))) void copy_unchecked(std::uint8_t* to, const std::uint8_t* from,
                                                            std::size_t size) {
  volatile std::uint8_t* t = to;
  const volatile std::uint8_t* f = from;
  for (std::size_t i = 0; i < size; ++i) t[i] = f[i];
}

}  // namespace

WritableSegments WritableSegments::save(void* handle) {
  WritableSegments segments;
  std::optional<ModuleLayout> layout = layout_of(handle);
  if (!layout) return segments;
  const auto [relro_begin, relro_end] = layout->relro;
  auto keep = [&](std::uintptr_t begin, std::uintptr_t end) {
    if (begin >= end) return;
    Range range;
    range.address = reinterpret_cast<std::uint8_t*>(begin);
    range.saved.resize(end - begin);
    copy_unchecked(range.saved.data(), range.address, range.saved.size());
    segments.ranges_.push_back(std::move(range));
  };
  for (auto [begin, end] : layout->writable) {
    // The segment minus the read-only part, which may cover its start, its end, or neither.
    const std::uintptr_t cut_begin = std::clamp(relro_begin, begin, end);
    const std::uintptr_t cut_end = std::clamp(relro_end, begin, end);
    if (relro_begin >= relro_end || cut_begin >= cut_end) {
      keep(begin, end);
    } else {
      keep(begin, cut_begin);
      keep(cut_end, end);
    }
  }
  return segments;
}

void WritableSegments::restore() const {
  for (const Range& range : ranges_) copy_unchecked(range.address, range.saved.data(), range.saved.size());
}

std::size_t WritableSegments::size() const {
  std::size_t total = 0;
  for (const Range& range : ranges_) total += range.saved.size();
  return total;
}

}  // namespace vidport::host
