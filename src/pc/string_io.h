// String port I/O (INS/OUTS, with or without REP) decoded and executed by vidport, not by
// libx86emu.
//
// Why: libx86emu 3.5 reads REP OUTSW's source from ES:SI instead of DS:SI and advances SI by one
// per word, so a BIOS that streams a table to a port with it programs garbage. The PC's code hook
// looks at every instruction before libx86emu executes it; when decode_string_io() recognises a
// string I/O instruction, the PC performs it whole and moves IP past it, and libx86emu never sees
// it. It performs it element by element through the bus (execute_string_io), or, when a string
// port target is connected (string_port_target.h), as one port transfer for the whole count
// (execute_string_io_as_one_call). Both leave the registers exactly alike.
//
// Rules for string I/O (the IA-32 semantics implemented here):
// - INS stores to ES:(E)DI; the segment cannot be overridden. OUTS loads from DS:(E)SI, or from
//   the segment of an override prefix.
// - The port is DX. The operand is a byte (6C/6E) or a word/dword (6D/6F, by operand size).
// - REP (F3, and F2 which acts the same for these opcodes) repeats (E)CX times; (E)CX = 0 does
//   nothing. The address size (67 prefix) selects SI/DI/CX or ESI/EDI/ECX.
// - EFLAGS.DF = 0 increments the index register by the operand size, DF = 1 decrements it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "bus/access.h"

namespace vidport::pc {

struct StringIoInstruction {
  bool input = false;  // INS (port to memory) when true, OUTS (memory to port) when false
  bus::Width width = bus::Width::Byte;
  bool repeat = false;
  bool address32 = false;
  // Segment register index for OUTS' source (libx86emu's R_*_INDEX numbering: ES 0, CS 1, SS 2,
  // DS 3, FS 4, GS 5). INS always uses ES.
  unsigned source_segment = 3;
  unsigned length = 0;  // bytes, prefixes included
};

// Decodes the instruction in `bytes[0..size)` (the bytes at CS:IP). Returns the instruction if it
// is INS or OUTS with any prefixes, std::nullopt for anything else (including a truncated or
// over-long prefix run). `code32` is the code segment's default size (false in real mode).
// Pure function; any thread.
std::optional<StringIoInstruction> decode_string_io(const std::uint8_t* bytes, std::size_t size,
                                                    bool code32);

// True when `first_byte` can begin a string I/O instruction (an opcode 6C-6F or a prefix). A cheap
// filter the code hook applies to every instruction before decoding.
bool may_start_string_io(std::uint8_t first_byte);

// The processor state string I/O reads and changes.
struct StringIoRegisters {
  std::uint32_t ecx = 0, edx = 0, esi = 0, edi = 0;
  std::uint32_t source_base = 0;  // linear base of OUTS' source segment
  std::uint32_t es_base = 0;      // linear base of ES (INS' destination)
  bool direction_down = false;    // EFLAGS.DF
};

// Where string I/O sends its accesses: the PC's memory (linear addresses) and port bus.
class StringIoTarget {
 public:
  virtual ~StringIoTarget() = default;
  virtual std::uint32_t read_linear(std::uint32_t address, bus::Width width) = 0;
  virtual void write_linear(std::uint32_t address, bus::Width width, std::uint32_t value) = 0;
  virtual std::uint32_t read_port(std::uint16_t port, bus::Width width) = 0;
  virtual void write_port(std::uint16_t port, bus::Width width, std::uint32_t value) = 0;
  // `count` elements at `port` in one call, with StringPortTarget::transfer_string's contract
  // (string_port_target.h). Only execute_string_io_as_one_call uses it.
  virtual void transfer_port_string(bus::Direction direction, std::uint16_t port, bus::Width width,
                                    void* elements, std::uint32_t count) = 0;
};

struct StringIoProgress {
  std::uint32_t elements = 0;  // transferred by this call
  bool complete = false;       // no repetitions left: the caller advances IP by insn.length
};

// Performs `insn` on `regs` through `target`, one memory access and one port access per element,
// in order, but at most `max_elements` of them, as a processor may stop a REP between elements to
// take an interrupt (the PC uses this to check its limits during a huge REP). When the result is
// not complete, (E)CX counts the remaining elements and the instruction runs again from the same IP.
StringIoProgress execute_string_io(const StringIoInstruction& insn, StringIoRegisters& regs,
                                   StringIoTarget& target, std::uint32_t max_elements);

// Performs the same elements as execute_string_io (the same `max_elements` cap, the same memory
// addresses, the same registers and result afterwards), but with ONE
// target.transfer_port_string() call for all of them instead of one port access each. The order
// differs: OUTS reads every element from memory first, then makes the call; INS makes the call
// first, then writes every element to memory. No elements (a REP with (E)CX = 0) makes no call.
StringIoProgress execute_string_io_as_one_call(const StringIoInstruction& insn, StringIoRegisters& regs,
                                               StringIoTarget& target, std::uint32_t max_elements);

}  // namespace vidport::pc
