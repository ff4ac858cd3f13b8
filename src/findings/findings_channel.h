// The one findings channel of a machine: every checker reports here, reports read from here.
//
// Rules:
// - report() may be called from any thread at any IRQL; it takes an internal mutex and never
//   calls back into the runtime, so it is not a preemption point.
// - Identical findings (same kind, same sites of both sides, same detail; a finding without a
//   site also by its message) are folded: the first is kept, its count grows. Sites are told
//   apart by address, which is stable within the process, so folding costs no symbol lookup.
// - At most kMaxDistinctPerKind distinct findings of one kind are kept, so a flood (a hostile
//   program, a storm of refused writes) cannot grow a report without bound; the rest are counted
//   in overflow().
// - Code addresses are stored raw when reported and resolved when read, off the hot path.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <tuple>
#include <map>
#include <vector>

#include "findings/finding.h"

namespace vidport::findings {

class FindingsChannel {
 public:
  static constexpr std::size_t kMaxDistinctPerKind = 64;

  // Records `finding`. Returns true if it is new, false if it was folded into an earlier one or
  // counted as overflow.
  bool report(Finding finding);

  // All findings in the order first seen, code addresses resolved (resolve_sites).
  std::vector<Finding> snapshot() const;

  // Number of distinct findings of `kind` (any kind when nullopt-like overload is used).
  std::size_t count(FindingKind kind) const;
  std::size_t size() const;
  // Findings not kept because their kind had kMaxDistinctPerKind distinct ones already.
  std::uint64_t overflow() const;

 private:
  using Key = std::tuple<FindingKind, std::uintptr_t, std::uintptr_t, std::uint64_t, std::string>;
  mutable std::mutex mutex_;
  std::vector<Finding> findings_;      // guarded by mutex_
  std::map<Key, std::size_t> index_;   // guarded by mutex_
  std::map<FindingKind, std::size_t> distinct_;  // guarded by mutex_
  std::uint64_t overflow_ = 0;         // guarded by mutex_
};

}  // namespace vidport::findings
