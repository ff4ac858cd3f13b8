// The PC's interrupt lines and how they reach the processor.
//
// Rules for interrupt lines:
// - There is no 8259 model. The lines are wired the way a PC/AT BIOS programs its two PICs:
//   IRQ 0-7 raise INT 08h-0Fh, IRQ 8-15 raise INT 70h-77h; lines 16 and up reach no vector.
//   Lines are level-sensitive: while one is asserted and the processor has IF = 1, the Pc enters
//   the lowest line's handler before the next instruction (again after IRET if the handler did not
//   acknowledge the device). There is no in-service state and no mask: EOI writes to ports
//   20h/A0h reach no device and change nothing.
// - set_line() from any thread, never blocks (as bus::InterruptLines requires); the processor's
//   thread reads the lines.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>

#include "bus/device.h"

namespace vidport::pc {

class InterruptLines final : public bus::InterruptLines {
 public:
  void set_line(unsigned line, bool asserted) override {
    if (line >= kMaxLines) return;
    const std::uint32_t bit = 1u << line;
    if (asserted) {
      asserted_.fetch_or(bit, std::memory_order_acq_rel);
      raised_[line].fetch_add(1, std::memory_order_relaxed);
    } else {
      asserted_.fetch_and(~bit, std::memory_order_acq_rel);
    }
  }

  // Whether `line` is asserted now, and how many times it was asserted so far.
  bool asserted(unsigned line) const { return line < kMaxLines && (asserted_.load(std::memory_order_acquire) >> line & 1); }
  std::uint64_t times_raised(unsigned line) const {
    return line < kMaxLines ? raised_[line].load(std::memory_order_relaxed) : 0;
  }

  // The interrupt vector of the lowest asserted line that has one, if any. Cheap: one load when
  // nothing is asserted.
  std::optional<std::uint8_t> pending_vector() const {
    const std::uint32_t mask = asserted_.load(std::memory_order_acquire) & 0xFFFFu;
    if (mask == 0) return std::nullopt;
    return vector_of(static_cast<unsigned>(__builtin_ctz(mask)));
  }

  // The vector line `line` raises (see the rules), or std::nullopt.
  static std::optional<std::uint8_t> vector_of(unsigned line) {
    if (line < 8) return static_cast<std::uint8_t>(0x08 + line);
    if (line < 16) return static_cast<std::uint8_t>(0x70 + line - 8);
    return std::nullopt;
  }

 private:
  std::atomic<std::uint32_t> asserted_{0};
  std::array<std::atomic<std::uint64_t>, kMaxLines> raised_{};
};

}  // namespace vidport::pc
