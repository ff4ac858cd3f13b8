// PulseDevice: the smallest interrupting device, for the core's tests, the sample miniport and the
// core demo. Byte-wide registers at `base`:
//
//   offset  read                         write
//   +0      STATUS: b0 interrupt pending,  any value: acknowledge (clears b0, deasserts the line)
//           b1 ready
//   +1      CONTROL                        CONTROL: b0 storm (re-raise at once after every
//                                          acknowledge), b1 start the ready timer (b1 of STATUS
//                                          becomes 1 after PARAM microseconds of clock time),
//                                          b2 periodic (raise every PARAM microseconds)
//   +2/+3   PARAM low/high byte (microseconds, 16 bits)
//   +4      -                              any value: raise the interrupt now
//   +5      raises so far (low byte)       -
//
// The line is asserted while b0 of STATUS is set. Whether it is level-sensitive or latched is the
// connecting driver's choice, as on a real bus.
#pragma once

#include <cstdint>
#include <mutex>

#include "bus/device.h"
#include "bus/io_bus.h"
#include "kernel/clock.h"

namespace vidport::devices {

class PulseDevice final : public bus::PortDevice {
 public:
  static constexpr std::uint16_t kPortCount = 6;
  enum Register : std::uint16_t { kStatus = 0, kControl = 1, kParamLow = 2, kParamHigh = 3, kRaise = 4, kCount = 5 };
  enum Status : std::uint8_t { kPending = 1, kReady = 2 };
  enum Control : std::uint8_t { kStorm = 1, kStartReadyTimer = 2, kPeriodic = 4 };

  PulseDevice(kernel::Clock& clock, bus::InterruptLines& lines, unsigned line, std::uint16_t base);
  ~PulseDevice() override;

  bool attach(bus::IoBus& bus);
  std::uint16_t base() const { return base_; }
  unsigned line() const { return line_; }

  // Host side, for tests: raises the interrupt as a write to +4 would.
  void raise();
  std::uint64_t raises() const;
  std::uint64_t acknowledges() const;

  std::uint32_t read_port(std::uint16_t port, bus::Width width) override;
  void write_port(std::uint16_t port, bus::Width width, std::uint32_t value) override;

 private:
  void raise_locked();
  void schedule_periodic_locked();
  void update_line_locked();

  kernel::Clock& clock_;
  bus::InterruptLines& lines_;
  const unsigned line_;
  const std::uint16_t base_;
  mutable std::mutex mutex_;
  std::uint8_t status_ = 0;        // guarded by mutex_
  std::uint8_t control_ = 0;       // guarded by mutex_
  std::uint16_t param_ = 0;        // guarded by mutex_
  std::uint64_t raises_ = 0;       // guarded by mutex_
  std::uint64_t acknowledges_ = 0; // guarded by mutex_
  kernel::EventId ready_event_ = 0;     // guarded by mutex_
  kernel::EventId periodic_event_ = 0;  // guarded by mutex_
};

}  // namespace vidport::devices
