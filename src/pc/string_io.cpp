#include "pc/string_io.h"

#include <cstring>
#include <vector>

namespace vidport::pc {

namespace {

constexpr std::size_t kMaxInstructionLength = 15;  // the architectural limit, prefixes included

// Segment override prefixes, as indices of libx86emu's segment registers.
std::optional<unsigned> segment_of_prefix(std::uint8_t b) {
  switch (b) {
    case 0x26: return 0u;  // ES
    case 0x2E: return 1u;  // CS
    case 0x36: return 2u;  // SS
    case 0x3E: return 3u;  // DS
    case 0x64: return 4u;  // FS
    case 0x65: return 5u;  // GS
    default: return std::nullopt;
  }
}

bool is_prefix(std::uint8_t b) {
  return segment_of_prefix(b).has_value() || b == 0x66 || b == 0x67 || b == 0xF0 || b == 0xF2 ||
         b == 0xF3;
}

}  // namespace

bool may_start_string_io(std::uint8_t first_byte) {
  return (first_byte >= 0x6C && first_byte <= 0x6F) || is_prefix(first_byte);
}

std::optional<StringIoInstruction> decode_string_io(const std::uint8_t* bytes, std::size_t size,
                                                    bool code32) {
  StringIoInstruction insn;
  bool operand32 = code32;
  insn.address32 = code32;
  std::size_t limit = size < kMaxInstructionLength ? size : kMaxInstructionLength;
  for (std::size_t i = 0; i < limit; ++i) {
    std::uint8_t b = bytes[i];
    if (auto seg = segment_of_prefix(b)) {
      insn.source_segment = *seg;
    } else if (b == 0x66) {
      operand32 = !code32;
    } else if (b == 0x67) {
      insn.address32 = !code32;
    } else if (b == 0xF2 || b == 0xF3) {
      insn.repeat = true;
    } else if (b == 0xF0) {
      // LOCK on INS/OUTS is #UD on hardware; leave it to libx86emu to decide.
      return std::nullopt;
    } else if (b >= 0x6C && b <= 0x6F) {
      insn.input = b <= 0x6D;
      insn.width = (b & 1) == 0 ? bus::Width::Byte : operand32 ? bus::Width::Dword : bus::Width::Word;
      insn.length = static_cast<unsigned>(i + 1);
      return insn;
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

namespace {

// The register side of string I/O, shared by both ways of executing it: how many elements one call
// performs, the linear address of the current element, and how the index and count registers
// move past it.
class ElementWalk {
 public:
  ElementWalk(const StringIoInstruction& insn, StringIoRegisters& regs, std::uint32_t max_elements)
      : regs_(regs),
        index_(insn.input ? regs.edi : regs.esi),
        base_(insn.input ? regs.es_base : regs.source_base),
        mask_(insn.address32 ? 0xFFFFFFFFu : 0xFFFFu),
        step_(bus::bytes_of(insn.width)),
        repeat_(insn.repeat),
        remaining_(insn.repeat ? (regs.ecx & mask_) : 1),
        count_(remaining_ < max_elements ? remaining_ : max_elements) {}

  // The elements this call performs.
  std::uint32_t count() const { return count_; }
  StringIoProgress progress() const { return {count_, count_ == remaining_}; }
  // The linear address of the element the index register points at now.
  std::uint32_t address() const { return base_ + (index_ & mask_); }
  // Moves the index past the current element, and counts it off (E)CX under REP.
  void next() {
    advance(index_, regs_.direction_down, step_);
    if (repeat_) advance(regs_.ecx, true, 1);
  }

 private:
  // Only the low 16 bits of an index or count register take part under a 16-bit address size;
  // the upper halves are preserved, as on hardware.
  void advance(std::uint32_t& reg, bool down, std::uint32_t amount) const {
    const std::uint32_t low = ((reg & mask_) + (down ? -amount : amount)) & mask_;
    reg = (reg & ~mask_) | low;
  }

  StringIoRegisters& regs_;
  std::uint32_t& index_;
  const std::uint32_t base_;
  const std::uint32_t mask_;
  const std::uint32_t step_;
  const bool repeat_;
  const std::uint32_t remaining_;
  const std::uint32_t count_;
};

}  // namespace

StringIoProgress execute_string_io(const StringIoInstruction& insn, StringIoRegisters& regs,
                                   StringIoTarget& target, std::uint32_t max_elements) {
  const auto port = static_cast<std::uint16_t>(regs.edx & 0xFFFF);
  ElementWalk walk(insn, regs, max_elements);
  for (std::uint32_t n = 0; n < walk.count(); ++n) {
    const std::uint32_t address = walk.address();
    if (insn.input) {
      target.write_linear(address, insn.width, target.read_port(port, insn.width));
    } else {
      target.write_port(port, insn.width, target.read_linear(address, insn.width));
    }
    walk.next();
  }
  return walk.progress();
}

StringIoProgress execute_string_io_as_one_call(const StringIoInstruction& insn, StringIoRegisters& regs,
                                               StringIoTarget& target, std::uint32_t max_elements) {
  const auto port = static_cast<std::uint16_t>(regs.edx & 0xFFFF);
  ElementWalk walk(insn, regs, max_elements);
  const std::uint32_t count = walk.count();
  if (count == 0) return walk.progress();
  const unsigned size = bus::bytes_of(insn.width);
  // INS elements start all ones (string_port_target.h); OUTS elements are all overwritten below.
  std::vector<std::uint8_t> elements(std::size_t{count} * size, 0xFF);
  // Little-endian host (pc.cpp asserts it): an element's low `size` bytes are the element.
  if (!insn.input) {
    for (std::uint32_t n = 0; n < count; ++n) {
      const std::uint32_t value = target.read_linear(walk.address(), insn.width);
      std::memcpy(elements.data() + std::size_t{n} * size, &value, size);
      walk.next();
    }
    target.transfer_port_string(bus::Direction::Write, port, insn.width, elements.data(), count);
    return walk.progress();
  }
  target.transfer_port_string(bus::Direction::Read, port, insn.width, elements.data(), count);
  for (std::uint32_t n = 0; n < count; ++n) {
    std::uint32_t value = 0;
    std::memcpy(&value, elements.data() + std::size_t{n} * size, size);
    target.write_linear(walk.address(), insn.width, value);
    walk.next();
  }
  return walk.progress();
}

}  // namespace vidport::pc
