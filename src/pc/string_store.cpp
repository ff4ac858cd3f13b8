#include "pc/string_store.h"

namespace vidport::pc {

namespace {
constexpr std::size_t kMaxInstructionLength = 15;  // the architectural limit, prefixes included

bool is_segment_prefix(std::uint8_t b) {
  return b == 0x26 || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x64 || b == 0x65;
}
}  // namespace

std::optional<StringStoreInstruction> decode_rep_stos(const std::uint8_t* bytes, std::size_t size,
                                                      bool code32) {
  StringStoreInstruction insn;
  bool operand32 = code32;
  bool repeat = false;
  insn.address32 = code32;
  const std::size_t limit = size < kMaxInstructionLength ? size : kMaxInstructionLength;
  for (std::size_t i = 0; i < limit; ++i) {
    const std::uint8_t b = bytes[i];
    if (is_segment_prefix(b)) {
      continue;  // STOS always writes through ES
    } else if (b == 0x66) {
      operand32 = !code32;
    } else if (b == 0x67) {
      insn.address32 = !code32;
    } else if (b == 0xF2 || b == 0xF3) {
      repeat = true;
    } else if (b == 0xAA || b == 0xAB) {
      if (!repeat) return std::nullopt;
      insn.width = b == 0xAA ? bus::Width::Byte : operand32 ? bus::Width::Dword : bus::Width::Word;
      insn.length = static_cast<unsigned>(i + 1);
      return insn;
    } else {
      return std::nullopt;  // another opcode, or LOCK, which libx86emu should judge
    }
  }
  return std::nullopt;
}

}  // namespace vidport::pc
