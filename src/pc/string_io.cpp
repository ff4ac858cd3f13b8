#include "pc/string_io.h"

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

StringIoProgress execute_string_io(const StringIoInstruction& insn, StringIoRegisters& regs,
                                   StringIoTarget& target, std::uint32_t max_elements) {
  const std::uint32_t index_mask = insn.address32 ? 0xFFFFFFFFu : 0xFFFFu;
  const std::uint32_t step = bus::bytes_of(insn.width);
  const auto port = static_cast<std::uint16_t>(regs.edx & 0xFFFF);
  std::uint32_t& index = insn.input ? regs.edi : regs.esi;
  const std::uint32_t base = insn.input ? regs.es_base : regs.source_base;

  // Only the low 16 bits of an index or count register take part under a 16-bit address size;
  // the upper halves are preserved, as on hardware.
  auto advance = [&](std::uint32_t& reg, bool down, std::uint32_t amount) {
    std::uint32_t low = ((reg & index_mask) + (down ? -amount : amount)) & index_mask;
    reg = (reg & ~index_mask) | low;
  };

  const std::uint32_t remaining = insn.repeat ? (regs.ecx & index_mask) : 1;
  const std::uint32_t count = remaining < max_elements ? remaining : max_elements;
  for (std::uint32_t n = 0; n < count; ++n) {
    std::uint32_t address = base + (index & index_mask);
    if (insn.input) {
      target.write_linear(address, insn.width, target.read_port(port, insn.width));
    } else {
      target.write_port(port, insn.width, target.read_linear(address, insn.width));
    }
    advance(index, regs.direction_down, step);
    if (insn.repeat) advance(regs.ecx, true, 1);
  }
  return {count, count == remaining};
}

}  // namespace vidport::pc
