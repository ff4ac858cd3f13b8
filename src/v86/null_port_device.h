// Where a full-screen program's port accesses outside the VGA land: the PIC, the PIT, PCI
// configuration, anything unclaimed. Nothing behind it: reads give all ones, writes vanish, and
// every access is logged, so a DOS program can never reach the host's interrupt controller or
// any other device of the machine, and the report can say what it tried.
//
// Rules for the null device:
// - Any thread; it takes its own lock.
// - The log keeps the first kMaxLogged accesses in order; the per-port counts and the total
//   cover every access.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

#include "bus/device.h"

namespace vidport::v86 {

struct NullAccess {
  bus::Direction direction = bus::Direction::Read;
  std::uint16_t port = 0;
  bus::Width width = bus::Width::Byte;
  std::uint32_t value = 0;  // written, or the all-ones a read returned
};

class NullPortDevice final : public bus::PortDevice {
 public:
  static constexpr std::size_t kMaxLogged = 256;

  std::uint32_t read_port(std::uint16_t port, bus::Width width) override;
  void write_port(std::uint16_t port, bus::Width width, std::uint32_t value) override;

  std::vector<NullAccess> log() const;
  std::map<std::uint16_t, std::uint64_t> counts() const;
  std::uint64_t total() const;

 private:
  void record(const NullAccess& access);

  mutable std::mutex mutex_;
  std::vector<NullAccess> log_;                    // guarded by mutex_
  std::map<std::uint16_t, std::uint64_t> counts_;  // guarded by mutex_
  std::uint64_t total_ = 0;                        // guarded by mutex_
};

}  // namespace vidport::v86
