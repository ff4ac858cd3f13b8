#include "videoport/access_ranges.h"

#include <fmt/format.h>

#include "videoport/adapter.h"

namespace vidport::videoport {

std::string AccessRange::describe() const {
  std::uint64_t last = length ? start + length - 1 : start;
  return fmt::format("{} {:#x}..{:#x}", io ? "ports" : "memory", start, last);
}

std::optional<RangeConflict> AccessRangeClaims::claim(const Adapter& owner,
                                                      const std::vector<AccessRange>& ranges) {
  std::lock_guard lock(mutex_);
  for (const AccessRange& wanted : ranges) {
    for (const Claim& held : claims_) {
      if (held.owner == &owner || !wanted.overlaps(held.range)) continue;
      if (wanted.shareable && held.range.shareable) continue;
      return RangeConflict{wanted, held.range, held.owner->name()};
    }
  }
  std::erase_if(claims_, [&](const Claim& c) { return c.owner == &owner; });
  for (const AccessRange& wanted : ranges) claims_.push_back(Claim{&owner, wanted});
  return std::nullopt;
}

void AccessRangeClaims::release(const Adapter& owner) {
  std::lock_guard lock(mutex_);
  std::erase_if(claims_, [&](const Claim& c) { return c.owner == &owner; });
}

std::vector<AccessRange> AccessRangeClaims::claimed_by(const Adapter& owner) const {
  std::lock_guard lock(mutex_);
  std::vector<AccessRange> out;
  for (const Claim& c : claims_) {
    if (c.owner == &owner) out.push_back(c.range);
  }
  return out;
}

}  // namespace vidport::videoport
