// The programming oracle: records every register write that leaves the VGA in a state that can
// hang or stop a real card — the device-side half of the full-screen validator policy
// (docs/fullscreen.md). A miniport's validator must refuse these writes before they land; when
// one lands anyway (no validator, or a validator with a hole), the oracle catches it here, where
// it lands, and the run reports it as a device-invalid-programming finding.
//
// The predicate (the same one vgasync's validator documents; facts: sync-validator-vga.md §3.2,
// §4.1, §4.2), over the register's value after the write:
//   Misc Output bits 3-2 = 10b or 11b   a dot clock a VGA does not have
//   Sequencer 00h bit 0 = 0             an asynchronous reset: the card stops at once and may
//                                       lose video memory
//   Sequencer 04h bit 3 = 1, bit 1 = 0  chain-4 addressing without extended memory: nothing to show
//
// Rules for the oracle:
// - Plain data owned by the Vga and used under the Vga's lock; programming_fault() decides.
// - Identical faults (register, value) are counted once each with a count; the first
//   kKeptFaults distinct ones are kept, later distinct ones only counted in `overflow`.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kernel/clock.h"

namespace vidport::devices::vga {

enum class ProgrammingFaultKind : std::uint8_t { MissingClock, AsynchronousReset, ChainFourWithoutMemory };

// Registers the predicate looks at: sequencer indexes 0-4 and Misc Output.
inline constexpr unsigned kMiscOutputRegister = 0xFF;

// Why writing `value` to `reg` (a sequencer index or kMiscOutputRegister) is invalid, or nullopt.
// Pure; any thread.
std::optional<ProgrammingFaultKind> programming_fault(unsigned reg, std::uint8_t value);

std::string_view fault_reason(ProgrammingFaultKind kind);  // one sentence for reports

struct ProgrammingFault {
  ProgrammingFaultKind kind{};
  std::uint16_t port = 0;   // 3C2h (Misc Output) or 3C5h (sequencer data)
  unsigned reg = 0;         // sequencer index or kMiscOutputRegister
  std::uint8_t value = 0;
  kernel::ClockTime first_time = 0;
  std::uint64_t count = 0;
};

class ProgrammingOracle {
 public:
  static constexpr unsigned kKeptFaults = 32;

  // A write of `value` to `reg` through `port` landed at `now`.
  void on_register_write(std::uint16_t port, unsigned reg, std::uint8_t value, kernel::ClockTime now);

  // The distinct faults seen, in order, at most kKeptFaults of them.
  const std::array<ProgrammingFault, kKeptFaults>& faults() const { return faults_; }
  unsigned distinct() const { return distinct_; }
  std::uint64_t overflow() const { return overflow_; }  // faults of distinct kinds past the cap

 private:
  std::array<ProgrammingFault, kKeptFaults> faults_{};
  unsigned distinct_ = 0;
  std::uint64_t overflow_ = 0;
};

}  // namespace vidport::devices::vga
