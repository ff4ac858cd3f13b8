#include "devices/testdev/pulse_device.h"

namespace vidport::devices {

PulseDevice::PulseDevice(kernel::Clock& clock, bus::InterruptLines& lines, unsigned line, std::uint16_t base)
    : clock_(clock), lines_(lines), line_(line), base_(base) {}

PulseDevice::~PulseDevice() {
  std::lock_guard lock(mutex_);
  if (ready_event_) clock_.cancel(ready_event_);
  if (periodic_event_) clock_.cancel(periodic_event_);
}

bool PulseDevice::attach(bus::IoBus& bus) {
  return bus.map_ports(base_, static_cast<std::uint16_t>(base_ + kPortCount - 1), *this,
                       bus::kByteAccess, "pulse");
}

void PulseDevice::update_line_locked() { lines_.set_line(line_, (status_ & kPending) != 0); }

void PulseDevice::raise_locked() {
  ++raises_;
  status_ |= kPending;
  update_line_locked();
}

void PulseDevice::raise() {
  std::lock_guard lock(mutex_);
  raise_locked();
}

std::uint64_t PulseDevice::raises() const {
  std::lock_guard lock(mutex_);
  return raises_;
}

std::uint64_t PulseDevice::acknowledges() const {
  std::lock_guard lock(mutex_);
  return acknowledges_;
}

void PulseDevice::schedule_periodic_locked() {
  kernel::ClockTime period = kernel::ClockTime{param_ ? param_ : 1u} * kernel::kMicrosecond;
  periodic_event_ = clock_.schedule_at(clock_.now() + period, [this] {
    std::lock_guard lock(mutex_);
    if (!(control_ & kPeriodic)) {
      periodic_event_ = 0;
      return;
    }
    raise_locked();
    schedule_periodic_locked();
  });
}

std::uint32_t PulseDevice::read_port(std::uint16_t port, bus::Width) {
  std::lock_guard lock(mutex_);
  switch (port - base_) {
    case kStatus: return status_;
    case kControl: return control_;
    case kParamLow: return param_ & 0xFF;
    case kParamHigh: return param_ >> 8;
    case kCount: return raises_ & 0xFF;
    default: return 0xFF;
  }
}

void PulseDevice::write_port(std::uint16_t port, bus::Width, std::uint32_t value) {
  std::lock_guard lock(mutex_);
  switch (port - base_) {
    case kStatus:
      ++acknowledges_;
      status_ &= static_cast<std::uint8_t>(~kPending);
      update_line_locked();
      if (control_ & kStorm) raise_locked();
      break;
    case kControl: {
      auto before = control_;
      control_ = static_cast<std::uint8_t>(value);
      if ((control_ & kStartReadyTimer) && !(before & kStartReadyTimer)) {
        status_ &= static_cast<std::uint8_t>(~kReady);
        kernel::ClockTime delay = kernel::ClockTime{param_} * kernel::kMicrosecond;
        ready_event_ = clock_.schedule_at(clock_.now() + delay, [this] {
          std::lock_guard inner(mutex_);
          status_ |= kReady;
          ready_event_ = 0;
        });
      }
      if ((control_ & kPeriodic) && !(before & kPeriodic) && periodic_event_ == 0) schedule_periodic_locked();
      if ((control_ & kStorm) && !(before & kStorm)) raise_locked();
      break;
    }
    case kParamLow: param_ = static_cast<std::uint16_t>((param_ & 0xFF00) | (value & 0xFF)); break;
    case kParamHigh: param_ = static_cast<std::uint16_t>((param_ & 0x00FF) | ((value & 0xFF) << 8)); break;
    case kRaise: raise_locked(); break;
    default: break;
  }
}

}  // namespace vidport::devices
