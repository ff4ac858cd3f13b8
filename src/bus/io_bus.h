// The I/O bus: routes port and physical-memory accesses to device models.
//
// Rules for the bus:
// - Map every device before the machine starts; the map is read-only afterwards, so dispatch takes
//   no lock (devices lock themselves).
// - A range declares the widths it accepts (WidthMask); any other access is split into byte
//   accesses at address, address+1, ... (little-endian), each dispatched on its own.
// - Unclaimed ports and addresses read all ones and ignore writes, as on an ISA bus; the observer
//   hears about them.
// - The bus is not a preemption point and does not charge the clock: the callers (VideoPort
//   accessors, the real-mode CPU) do both, so each access is charged once whatever the splitting.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "bus/device.h"

namespace vidport::bus {

// Hears every access as the CPU issued it (before splitting). Called on the accessing thread.
class BusObserver {
 public:
  virtual ~BusObserver() = default;
  virtual void on_port_access(Direction dir, std::uint16_t port, Width width, std::uint32_t value,
                              bool claimed) = 0;
};

class IoBus {
 public:
  IoBus();

  // Claims ports [first, last] for `device`. Fails (returns false) if any port is already claimed.
  bool map_ports(std::uint16_t first, std::uint16_t last, PortDevice& device, std::uint8_t widths,
                 std::string name);
  // Claims physical addresses [base, base + length). Fails on overlap.
  bool map_memory(std::uint64_t base, std::uint64_t length, MemoryDevice& device,
                  std::uint8_t widths, std::string name);

  std::uint32_t read_port(std::uint16_t port, Width width);
  void write_port(std::uint16_t port, Width width, std::uint32_t value);
  std::uint32_t read_memory(std::uint64_t address, Width width);
  void write_memory(std::uint64_t address, Width width, std::uint32_t value);

  // True when some device decodes `port` / `address`.
  bool port_claimed(std::uint16_t port) const { return port_owner_[port] != kNone; }
  bool memory_claimed(std::uint64_t address) const { return find_memory(address) != nullptr; }
  // Name of the device that decodes `port`, or "" when none does.
  const std::string& port_owner_name(std::uint16_t port) const;

  // At most one observer; nullptr removes it. Set before the machine starts.
  void set_observer(BusObserver* observer) { observer_ = observer; }

 private:
  static constexpr std::uint8_t kNone = 0xFF;
  struct PortRange {
    PortDevice* device;
    std::uint8_t widths;
    std::string name;
  };
  struct MemoryRange {
    std::uint64_t base, length;
    MemoryDevice* device;
    std::uint8_t widths;
    std::string name;
  };

  std::uint32_t dispatch_port_read(std::uint16_t port, Width width);
  void dispatch_port_write(std::uint16_t port, Width width, std::uint32_t value);
  const MemoryRange* find_memory(std::uint64_t address) const;

  std::array<std::uint8_t, 65536> port_owner_;  // index into port_ranges_, or kNone
  std::vector<PortRange> port_ranges_;
  std::vector<MemoryRange> memory_ranges_;
  BusObserver* observer_ = nullptr;
};

}  // namespace vidport::bus
