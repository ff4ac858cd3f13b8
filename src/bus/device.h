// What a device model implements to sit on the bus, and what the machine offers a device model.
//
// Rules for device models:
// - A device is called from any processor thread and from clock-event callbacks, concurrently:
//   it protects its own state with its own lock and never calls back into the runtime while
//   holding it, except InterruptLines::set_line and Clock::schedule_at/cancel, which never block.
// - A device behaves like hardware: it clamps, ignores or reads all ones; it never throws and never
//   reports host errors.
#pragma once

#include <cstdint>

#include "bus/access.h"

namespace vidport::bus {

// A device that decodes I/O ports. Called only with a width the mapping declared.
class PortDevice {
 public:
  virtual ~PortDevice() = default;
  virtual std::uint32_t read_port(std::uint16_t port, Width width) = 0;
  virtual void write_port(std::uint16_t port, Width width, std::uint32_t value) = 0;
};

// A device that decodes physical memory addresses (a register window or video memory).
class MemoryDevice {
 public:
  virtual ~MemoryDevice() = default;
  virtual std::uint32_t read_memory(std::uint64_t address, Width width) = 0;
  virtual void write_memory(std::uint64_t address, Width width, std::uint32_t value) = 0;
};

// The interrupt lines a device drives (ISA IRQ numbers 0..kMaxLines-1).
// set_line(true) asserts, set_line(false) deasserts. Whether a line is level-sensitive or latched
// is decided by the interrupt object connected to it, not by the device. Never blocks.
class InterruptLines {
 public:
  static constexpr unsigned kMaxLines = 24;
  virtual ~InterruptLines() = default;
  virtual void set_line(unsigned line, bool asserted) = 0;
};

}  // namespace vidport::bus
