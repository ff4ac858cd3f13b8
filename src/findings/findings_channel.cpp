#include "findings/findings_channel.h"

namespace vidport::findings {

bool FindingsChannel::report(Finding finding) {
  const std::uintptr_t site = finding.primary.site.address;
  Key key{finding.kind, site, finding.other ? finding.other->site.address : 0, finding.detail,
          site == 0 ? finding.message : std::string()};
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it != index_.end()) {
    ++findings_[it->second].count;
    return false;
  }
  std::size_t& distinct = distinct_[finding.kind];
  if (distinct == kMaxDistinctPerKind) {
    ++overflow_;
    return false;
  }
  ++distinct;
  index_.emplace(std::move(key), findings_.size());
  findings_.push_back(std::move(finding));
  return true;
}

std::vector<Finding> FindingsChannel::snapshot() const {
  std::vector<Finding> copy;
  {
    std::lock_guard lock(mutex_);
    copy = findings_;
  }
  for (Finding& f : copy) resolve_sites(f);
  return copy;
}

std::size_t FindingsChannel::count(FindingKind kind) const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const Finding& f : findings_) n += f.kind == kind;
  return n;
}

std::uint64_t FindingsChannel::overflow() const {
  std::lock_guard lock(mutex_);
  return overflow_;
}

std::size_t FindingsChannel::size() const {
  std::lock_guard lock(mutex_);
  return findings_.size();
}

}  // namespace vidport::findings
