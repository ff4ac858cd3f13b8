#include "devices/vga/programming_oracle.h"

namespace vidport::devices::vga {

namespace {
constexpr std::uint8_t kClockSelect = 0x0C;      // Misc Output bits 3-2
constexpr std::uint8_t kAsyncRunning = 0x01;     // SR00 bit 0: 0 = asynchronous reset
constexpr std::uint8_t kExtendedMemory = 0x02;   // SR04 bit 1
constexpr std::uint8_t kChainFour = 0x08;        // SR04 bit 3
}  // namespace

std::optional<ProgrammingFaultKind> programming_fault(unsigned reg, std::uint8_t value) {
  if (reg == kMiscOutputRegister) {
    if (((value & kClockSelect) >> 2) >= 2) return ProgrammingFaultKind::MissingClock;
  } else if (reg == 0) {
    if ((value & kAsyncRunning) == 0) return ProgrammingFaultKind::AsynchronousReset;
  } else if (reg == 4) {
    if ((value & kChainFour) != 0 && (value & kExtendedMemory) == 0) return ProgrammingFaultKind::ChainFourWithoutMemory;
  }
  return std::nullopt;
}

std::string_view fault_reason(ProgrammingFaultKind kind) {
  switch (kind) {
    case ProgrammingFaultKind::MissingClock: return "Misc Output selects dot clock 2 or 3, which a VGA does not have";
    case ProgrammingFaultKind::AsynchronousReset:
      return "the sequencer is put into asynchronous reset, which stops the card and may lose video memory";
    case ProgrammingFaultKind::ChainFourWithoutMemory:
      return "Memory Mode selects chain-4 without extended memory, so nothing can be displayed";
  }
  return "?";
}

void ProgrammingOracle::on_register_write(std::uint16_t port, unsigned reg, std::uint8_t value, kernel::ClockTime now) {
  const auto kind = programming_fault(reg, value);
  if (!kind) return;
  for (unsigned i = 0; i < distinct_; ++i) {
    if (faults_[i].reg == reg && faults_[i].value == value) {
      ++faults_[i].count;
      return;
    }
  }
  if (distinct_ == kKeptFaults) {
    ++overflow_;
    return;
  }
  faults_[distinct_++] = ProgrammingFault{*kind, port, reg, value, now, 1};
}

}  // namespace vidport::devices::vga
