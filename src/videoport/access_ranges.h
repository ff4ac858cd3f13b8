// Who claimed which ports and memory: VideoPortVerifyAccessRanges and VideoPortGetAccessRanges
// record an adapter's claim here, and a claim overlapping another adapter's is refused.
//
// Rules for claims:
// - Ranges conflict when they overlap in the same space (I/O or memory) and belong to different
//   adapters, unless both are marked RangeShareable.
// - A new claim replaces the adapter's previous one as a whole; an empty claim releases it.
// - Thread-safe (one mutex); PASSIVE_LEVEL callers only, so the mutex is never taken at DIRQL.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vidport::videoport {

class Adapter;

struct AccessRange {
  std::uint64_t start = 0;
  std::uint32_t length = 0;
  bool io = false;
  bool shareable = false;

  bool overlaps(const AccessRange& other) const {
    return io == other.io && length != 0 && other.length != 0 && start < other.start + other.length &&
           other.start < start + length;
  }
  // "ports 0x3c0..0x3df" or "memory 0xa0000..0xbffff".
  std::string describe() const;
};

struct RangeConflict {
  AccessRange requested;
  AccessRange held;
  std::string holder;  // the adapter holding `held`
};

class AccessRangeClaims {
 public:
  // Replaces `owner`'s claim with `ranges`, unless one conflicts with another adapter's claim:
  // then nothing changes and the first conflict is returned.
  std::optional<RangeConflict> claim(const Adapter& owner, const std::vector<AccessRange>& ranges);
  // Releases everything `owner` claimed.
  void release(const Adapter& owner);
  // `owner`'s current claim.
  std::vector<AccessRange> claimed_by(const Adapter& owner) const;

 private:
  struct Claim {
    const Adapter* owner;
    AccessRange range;
  };
  mutable std::mutex mutex_;
  std::vector<Claim> claims_;  // guarded by mutex_
};

}  // namespace vidport::videoport
