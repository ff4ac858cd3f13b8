#include "v86/null_port_device.h"

namespace vidport::v86 {

std::uint32_t NullPortDevice::read_port(std::uint16_t port, bus::Width width) {
  const std::uint32_t value = bus::all_ones(width);
  record({bus::Direction::Read, port, width, value});
  return value;
}

void NullPortDevice::write_port(std::uint16_t port, bus::Width width, std::uint32_t value) {
  record({bus::Direction::Write, port, width, value});
}

void NullPortDevice::record(const NullAccess& access) {
  std::lock_guard lock(mutex_);
  if (log_.size() < kMaxLogged) log_.push_back(access);
  ++counts_[access.port];
  ++total_;
}

std::vector<NullAccess> NullPortDevice::log() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::map<std::uint16_t, std::uint64_t> NullPortDevice::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::uint64_t NullPortDevice::total() const {
  std::lock_guard lock(mutex_);
  return total_;
}

}  // namespace vidport::v86
