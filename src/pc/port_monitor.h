// The PC's bus observer: keeps count of accesses to ports no device claims (the PC's log of what
// the guest touched that this machine does not have, e.g. the Bochs VBE ports 0x1CE/0x1CF) and
// forwards every access to an optional downstream observer (a trace writer, a test).
//
// Rules: install with attach() before the machine runs; set_downstream() also only between runs.
// Called on the processor's thread; not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "bus/io_bus.h"

namespace vidport::pc {

class PortMonitor final : public bus::BusObserver {
 public:
  struct UnclaimedCount {
    std::uint64_t reads = 0, writes = 0;
  };

  // Becomes `bus`'s observer.
  void attach(bus::IoBus& bus) { bus.set_observer(this); }
  // Also hears every access, after the monitor; nullptr removes it.
  void set_downstream(bus::BusObserver* observer) { downstream_ = observer; }

  // Unclaimed ports accessed so far, by port.
  const std::map<std::uint16_t, UnclaimedCount>& unclaimed() const { return unclaimed_; }
  // One line for the user, e.g. "unclaimed ports (read all ones, writes ignored): 01CE (2 writes)";
  // empty when every access was claimed.
  std::string unclaimed_summary() const;

  void on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width, std::uint32_t value,
                      bool claimed) override;

 private:
  std::map<std::uint16_t, UnclaimedCount> unclaimed_;
  bus::BusObserver* downstream_ = nullptr;
};

}  // namespace vidport::pc
