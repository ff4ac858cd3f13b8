#include "pc/pc.h"

#include <bit>
#include <chrono>
#include <cstring>
#include <mutex>

#include <fmt/format.h>

namespace vidport::pc {

static_assert(std::endian::native == std::endian::little,
              "guest memory is copied to and from host integers without byte swapping");

namespace {

constexpr std::uint32_t kAddressMask = Pc::kMemorySize - 1;
constexpr std::uint32_t kCallTrampoline = 0x0600;  // 9A off seg F4: call far seg:off; hlt
constexpr std::uint32_t kIntTrampoline = 0x0608;   // CD nn F4: int nn; hlt
constexpr std::uint64_t kChunkInstructions = 1u << 20;  // between wall-clock checks
constexpr unsigned kTimeStampCounter = 0x10;             // libx86emu counts instructions in this MSR
constexpr std::uint32_t kStringIoBudget = 1u << 16;      // string I/O elements per code-hook call

// libx86emu's processor lives in one global while it runs (see pc.h).
std::mutex& emulator_mutex() {
  static std::mutex m;
  return m;
}

bus::Width width_of(unsigned memio_type) {
  switch (memio_type & 0xFF) {
    case X86EMU_MEMIO_16: return bus::Width::Word;
    case X86EMU_MEMIO_32: return bus::Width::Dword;
    default: return bus::Width::Byte;
  }
}

bool in_video_window(std::uint32_t address, unsigned size) {
  return address < Pc::kVideoWindowEnd && address + size > Pc::kVideoWindowBase;
}

std::string where(std::uint16_t cs, std::uint32_t eip) { return fmt::format("{:04X}:{:04X}", cs, eip); }

}  // namespace

Pc::Pc(bus::IoBus& bus, kernel::Clock& clock)
    : bus_(bus), clock_(clock), memory_(kMemorySize, 0),
      emu_(x86emu_new(X86EMU_PERM_RWX, X86EMU_PERM_RW)) {
  emu_->_private = this;
  x86emu_set_memio_handler(emu_, &Pc::memio_hook);
  x86emu_set_code_handler(emu_, &Pc::code_hook);
  x86emu_set_intr_handler(emu_, &Pc::interrupt_hook);
  for (unsigned seg = R_ES_INDEX; seg <= R_GS_INDEX; ++seg) set_segment(seg, 0);
  emu_->x86.R_EIP = 0;
}

Pc::~Pc() { x86emu_done(emu_); }

bool Pc::load(std::uint32_t address, const std::uint8_t* data, std::size_t size) {
  if (address > kMemorySize || size > kMemorySize - address) return false;
  if (size != 0) std::memcpy(memory_.data() + address, data, size);
  return true;
}

void Pc::set_segment(unsigned index, std::uint16_t selector) {
  x86emu_set_seg_register(emu_, emu_->x86.seg + index, selector);
}

std::uint32_t Pc::read_physical(std::uint32_t address, bus::Width width) {
  const unsigned size = bus::bytes_of(width);
  address &= kAddressMask;
  if (address + size <= kMemorySize && !in_video_window(address, size)) {
    std::uint32_t value = 0;
    std::memcpy(&value, memory_.data() + address, size);
    return value;
  }
  if (address >= kVideoWindowBase && address + size <= kVideoWindowEnd) {
    count_memory_access();
    return bus_.read_memory(address, width);
  }
  // Straddles the window's edge or the 1 MiB wrap: byte by byte, each byte where it belongs.
  std::uint32_t value = 0;
  for (unsigned i = 0; i < size; ++i) value |= read_physical(address + i, bus::Width::Byte) << (8 * i);
  return value;
}

void Pc::write_physical(std::uint32_t address, bus::Width width, std::uint32_t value) {
  const unsigned size = bus::bytes_of(width);
  address &= kAddressMask;
  if (address + size <= kMemorySize && !in_video_window(address, size)) {
    std::memcpy(memory_.data() + address, &value, size);
    return;
  }
  if (address >= kVideoWindowBase && address + size <= kVideoWindowEnd) {
    count_memory_access();
    bus_.write_memory(address, width, value);
    return;
  }
  for (unsigned i = 0; i < size; ++i) write_physical(address + i, bus::Width::Byte, (value >> (8 * i)) & 0xFF);
}

std::uint32_t Pc::read_linear(std::uint32_t address, bus::Width width) { return read_physical(address, width); }
void Pc::write_linear(std::uint32_t address, bus::Width width, std::uint32_t value) {
  write_physical(address, width, value);
}

// A port access charges the video-memory accesses before it and itself in one call, so the device
// reads the same time as if every access had been charged on its own.
std::uint32_t Pc::read_port(std::uint16_t port, bus::Width width) {
  ++uncharged_accesses_;
  charge_clock();
  return bus_.read_port(port, width);
}

void Pc::write_port(std::uint16_t port, bus::Width width, std::uint32_t value) {
  ++uncharged_accesses_;
  charge_clock();
  bus_.write_port(port, width, value);
}

// The target sees the time its first element would see element by element; the other elements'
// accesses are charged afterwards, so the clock ends where element-by-element execution ends it.
void Pc::transfer_port_string(bus::Direction direction, std::uint16_t port, bus::Width width, void* elements,
                              std::uint32_t count) {
  ++uncharged_accesses_;
  charge_clock();
  string_ports_->transfer_string(direction, port, width, elements, count);
  uncharged_accesses_ += count - 1;
  if (uncharged_accesses_ >= kMaxUnchargedAccesses) charge_clock();
}

template <class R, class F>
R Pc::guarded(x86emu_t* emu, R stopped, F&& body) {
  Pc& pc = *static_cast<Pc*>(emu->_private);
  if (pc.escaped_) return stopped;  // the rest of the instruction after a throw does nothing
  try {
    return body(pc);
  } catch (...) {
    pc.escaped_ = std::current_exception();
    x86emu_stop(emu);
    return stopped;
  }
}

unsigned Pc::memio_hook(x86emu_t* emu, u32 address, u32* value, unsigned type) {
  return guarded(emu, 0u, [&](Pc& pc) -> unsigned {
    const bus::Width width = width_of(type);
    switch (type & ~0xFFu) {
      case X86EMU_MEMIO_R:
      case X86EMU_MEMIO_X: *value = pc.read_physical(address, width); return 0;
      case X86EMU_MEMIO_W: pc.write_physical(address, width, *value); return 0;
      case X86EMU_MEMIO_I: *value = pc.read_port(static_cast<std::uint16_t>(address), width); return 0;
      case X86EMU_MEMIO_O: pc.write_port(static_cast<std::uint16_t>(address), width, *value); return 0;
      default: return 1;
    }
  });
}

int Pc::code_hook(x86emu_t* emu) {
  return guarded(emu, 1, [&](Pc& pc) {
    if (pc.stop_flag_ && pc.stop_flag_->load(std::memory_order_relaxed)) {
      if (pc.fault_.empty()) pc.fault_ = "the machine halted while the program ran";
      return 1;
    }
    // The previous instruction's video-memory accesses may have reached a clock event that
    // raises a line: charge them before looking at the lines.
    pc.charge_clock();
    if (pc.lines_) pc.deliver_interrupt(emu);
    pc.run_string_io(emu);
    // Non-zero makes libx86emu return before executing the instruction at CS:IP.
    return pc.fault_.empty() && !pc.yield_ ? 0 : 1;
  });
}

void Pc::run_string_io(x86emu_t* emu) {
  // `emu` is libx86emu's running copy of the processor, not emu_: read and change that one.
  x86emu_regs_t& x86 = emu->x86;
  std::uint32_t budget = kStringIoBudget;
  for (;;) {
    const std::uint32_t ip = x86.R_EIP;
    const std::uint32_t linear = (x86.R_CS_BASE + ip) & kAddressMask;
    if (linear >= kVideoWindowBase && linear < kVideoWindowEnd) return;  // code in video memory
    if (!may_start_string_io(memory_[linear])) return;
    std::uint8_t bytes[15];
    for (unsigned i = 0; i < sizeof bytes; ++i) bytes[i] = memory_[(linear + i) & kAddressMask];
    const bool code32 = ACC_D(x86.R_CS_ACC) != 0;
    const auto insn = decode_string_io(bytes, sizeof bytes, code32);
    if (!insn) {
      // Not string I/O: perhaps a REP STOS into video memory, which the video device takes whole.
      if (!run_rep_stos(x86, bytes, sizeof bytes, code32, budget) || yield_) return;
      continue;
    }
    if (budget == 0) {
      // Pause the run before this instruction so the limits are checked; the next call resumes.
      yield_ = true;
      return;
    }

    StringIoRegisters regs;
    regs.ecx = x86.R_ECX;
    regs.edx = x86.R_EDX;
    regs.esi = x86.R_ESI;
    regs.edi = x86.R_EDI;
    regs.source_base = x86.seg[insn->source_segment].base;
    regs.es_base = x86.R_ES_BASE;
    regs.direction_down = (x86.R_EFLG & F_DF) != 0;
    const StringIoProgress progress = string_ports_ != nullptr
                                          ? execute_string_io_as_one_call(*insn, regs, *this, budget)
                                          : execute_string_io(*insn, regs, *this, budget);
    x86.R_ECX = regs.ecx;
    x86.R_ESI = regs.esi;
    x86.R_EDI = regs.edi;
    // Every instruction costs at least one unit, so even a chain of empty REPs ends.
    budget -= progress.elements > 0 ? progress.elements : 1;
    if (!progress.complete) {
      yield_ = true;  // the rest of this REP runs in the next call, from the same IP
      return;
    }
    finish_instruction(x86, code32, insn->length);
  }
}

void Pc::finish_instruction(x86emu_regs_t& x86, bool code32, unsigned length) {
  if (code32) {
    x86.R_EIP += length;
  } else {
    x86.R_IP = static_cast<std::uint16_t>(x86.R_IP + length);
  }
  // libx86emu restarts a faulting instruction from saved_eip: keep it on the next instruction.
  x86.saved_eip = x86.R_EIP;
  ++string_io_instructions_;
}

bool Pc::run_rep_stos(x86emu_regs_t& x86, const std::uint8_t* bytes, std::size_t size, bool code32,
                      std::uint32_t& budget) {
  if (video_store_ == nullptr) return false;
  const auto insn = decode_rep_stos(bytes, size, code32);
  if (!insn) return false;
  const std::uint32_t mask = insn->address32 ? 0xFFFFFFFFu : 0xFFFFu;
  const std::uint32_t remaining = x86.R_ECX & mask;
  if (remaining == 0) return false;  // nothing to store: libx86emu steps over it
  if (budget == 0) {
    yield_ = true;  // pause before this instruction so the limits are checked
    return true;
  }
  const std::uint32_t count = remaining < budget ? remaining : budget;
  const std::uint64_t step = bus::bytes_of(insn->width);
  const bool down = (x86.R_EFLG & F_DF) != 0;
  const std::uint64_t index = x86.R_EDI & mask;
  // The lowest and highest index the run touches; it must not wrap around the index register.
  const std::uint64_t span = (std::uint64_t{count} - 1) * step;
  if (down ? index < span : index + span + step - 1 > mask) return false;
  const std::uint64_t lowest = std::uint64_t{x86.R_ES_BASE} + (down ? index - span : index);
  if (lowest < kVideoWindowBase || lowest + span + step > kVideoWindowEnd) return false;

  video_store_->store_repeated(static_cast<std::uint32_t>(std::uint64_t{x86.R_ES_BASE} + index), insn->width,
                               x86.R_EAX & bus::all_ones(insn->width), count, down);
  uncharged_accesses_ += count;  // one bus access per element, as without the shortcut
  if (uncharged_accesses_ >= kMaxUnchargedAccesses) charge_clock();
  const std::uint64_t moved = std::uint64_t{count} * step;
  const auto new_index = static_cast<std::uint32_t>((down ? index - moved : index + moved) & mask);
  x86.R_EDI = (x86.R_EDI & ~mask) | new_index;
  x86.R_ECX = (x86.R_ECX & ~mask) | (remaining - count);
  budget -= count;
  if (count < remaining) {
    yield_ = true;  // the rest of this REP runs in the next call, from the same IP
    return true;
  }
  finish_instruction(x86, code32, insn->length);
  return true;
}

void Pc::deliver_interrupt(x86emu_t* emu) {
  x86emu_regs_t& x86 = emu->x86;
  if ((x86.R_EFLG & F_IF) == 0) return;
  const auto vector = lines_->pending_vector();
  if (!vector) return;
  const std::uint32_t entry = read_physical(4u * *vector, bus::Width::Dword);
  if (entry == 0) {
    ++skipped_interrupts_[*vector];  // no handler: as for a software interrupt
    return;
  }
  auto push = [&](std::uint16_t value) {
    x86.R_SP = static_cast<std::uint16_t>(x86.R_SP - 2);
    write_physical(x86.R_SS_BASE + x86.R_SP, bus::Width::Word, value);
  };
  push(static_cast<std::uint16_t>(x86.R_FLG));
  push(x86.R_CS);
  push(x86.R_IP);
  x86.R_EFLG &= ~static_cast<std::uint32_t>(F_IF | F_TF);
  x86emu_set_seg_register(emu, x86.R_CS_SEL, static_cast<std::uint16_t>(entry >> 16));
  x86.R_EIP = entry & 0xFFFF;
  x86.saved_cs = x86.R_CS;
  x86.saved_eip = x86.R_EIP;
  ++hardware_interrupts_;
}

int Pc::interrupt_hook(x86emu_t* emu, u8 vector, unsigned type) {
  return guarded(emu, 1, [&](Pc& pc) { return pc.on_interrupt(emu, vector, type); });
}

int Pc::on_interrupt(x86emu_t* emu, u8 vector, unsigned type) {
  Pc& pc = *this;
  std::uint32_t entry = 0;
  std::memcpy(&entry, pc.memory_.data() + 4u * vector, 4);
  if (entry != 0) return 0;  // libx86emu vectors through the IVT, exceptions included
  // libx86emu marks CPU exceptions as faults, or (divide error) as restartable software
  // interrupts; an INT n instruction is a plain software interrupt.
  const bool exception = (type & 0xFF) == INTR_TYPE_FAULT || (type & INTR_MODE_RESTART) != 0;
  if (exception) {
    pc.fault_ = fmt::format("CPU exception {:02X}h at {} with no handler", vector,
                            where(emu->x86.saved_cs, emu->x86.saved_eip));
    x86emu_stop(emu);
  } else {
    ++pc.skipped_interrupts_[vector];
  }
  return 1;
}

RunResult Pc::run(const RunLimits& limits) {
  std::lock_guard<std::mutex> lock(emulator_mutex());
  using Steady = std::chrono::steady_clock;
  const auto deadline = Steady::now() + std::chrono::duration_cast<Steady::duration>(
                                            std::chrono::duration<double>(limits.max_seconds));
  const std::uint64_t tsc_start = emu_->x86.msr[kTimeStampCounter];
  fault_.clear();
  yield_ = false;
  string_io_instructions_ = 0;

  RunResult result;
  auto executed = [&] { return emu_->x86.msr[kTimeStampCounter] - tsc_start + string_io_instructions_; };
  bool waiting = false;  // halted with IF = 1: waiting for an interrupt line
  for (;;) {
    const std::uint64_t done = executed();
    if (limits.max_instructions != 0 && done >= limits.max_instructions) {
      result.reason = StopReason::InstructionLimit;
      result.message = fmt::format("no HLT after {} instructions (the limit): the code seems to hang", done);
      break;
    }
    if (limits.max_seconds > 0 && Steady::now() >= deadline) {
      result.reason = StopReason::TimeLimit;
      result.message = fmt::format("no HLT after {} s (the time limit, {} instructions): the code seems to hang",
                                   limits.max_seconds, done);
      break;
    }
    if (waiting) {
      // Let time pass one clock event at a time (the time limit is checked between events) until
      // a line is asserted; the code hook then enters its handler.
      if (lines_->pending_vector()) {
        waiting = false;
      } else if (!clock_.jump_to_next_event()) {
        result.reason = StopReason::Halted;  // nothing can ever wake the processor
        break;
      }
      continue;
    }
    std::uint64_t chunk = kChunkInstructions;
    if (limits.max_instructions != 0 && limits.max_instructions - done < chunk) chunk = limits.max_instructions - done;
    emu_->max_instr = emu_->x86.msr[kTimeStampCounter] + chunk;
    const unsigned stop = x86emu_run(emu_, X86EMU_RUN_MAX_INSTR);
    if (escaped_) std::rethrow_exception(std::exchange(escaped_, nullptr));
    charge_clock();  // the last instruction's accesses, before waiting or ending
    if (!fault_.empty()) {
      result.reason = StopReason::Fault;
      result.message = fault_;
      break;
    }
    if (yield_) {
      yield_ = false;
      continue;
    }
    if (stop & X86EMU_RUN_MAX_INSTR) continue;
    if (stop != 0) {
      result.reason = StopReason::Fault;
      result.message = fmt::format("libx86emu stopped (code {:#x}) at {}", stop,
                                   where(emu_->x86.R_CS, emu_->x86.R_EIP));
      break;
    }
    if (lines_ && (emu_->x86.R_EFLG & F_IF) != 0) {
      waiting = true;
      continue;
    }
    result.reason = StopReason::Halted;
    break;
  }
  result.instructions = executed();
  result.cs = emu_->x86.R_CS;
  result.eip = emu_->x86.R_EIP;
  instructions_ += result.instructions;
  return result;
}

RunResult Pc::call_far(std::uint16_t segment, std::uint16_t offset, const RunLimits& limits) {
  const std::uint8_t trampoline[] = {0x9A,
                                     static_cast<std::uint8_t>(offset), static_cast<std::uint8_t>(offset >> 8),
                                     static_cast<std::uint8_t>(segment), static_cast<std::uint8_t>(segment >> 8),
                                     0xF4};
  load(kCallTrampoline, trampoline, sizeof trampoline);
  emu_->x86.R_EFLG &= ~static_cast<std::uint32_t>(F_IF);  // so the trampoline's HLT ends the run
  set_segment(R_CS_INDEX, 0);
  emu_->x86.R_EIP = kCallTrampoline;
  RunResult result = run(limits);
  if (result.halted() && (result.cs != 0 || result.eip != kCallTrampoline + sizeof trampoline)) {
    result.reason = StopReason::Fault;
    result.message = fmt::format("the far call to {} did not return: HLT at {}", where(segment, offset),
                                 where(result.cs, result.eip - 1));
  }
  return result;
}

RunResult Pc::interrupt(std::uint8_t vector, const RunLimits& limits) {
  const std::uint8_t trampoline[] = {0xCD, vector, 0xF4};
  load(kIntTrampoline, trampoline, sizeof trampoline);
  emu_->x86.R_EFLG &= ~static_cast<std::uint32_t>(F_IF);  // so the trampoline's HLT ends the run
  set_segment(R_CS_INDEX, 0);
  emu_->x86.R_EIP = kIntTrampoline;
  RunResult result = run(limits);
  if (result.halted() && (result.cs != 0 || result.eip != kIntTrampoline + sizeof trampoline)) {
    result.reason = StopReason::Fault;
    result.message = fmt::format("INT {:02X}h did not return: HLT at {}", vector, where(result.cs, result.eip - 1));
  }
  return result;
}

PcSnapshot Pc::snapshot() const {
  PcSnapshot s;
  s.memory = memory_;
  s.registers = emu_->x86;
  s.instructions = instructions_;
  return s;
}

void Pc::restore(const PcSnapshot& snapshot) {
  memory_ = snapshot.memory;
  // The MSR arrays belong to this emulator instance; keep them and copy only the counter.
  std::uint64_t* msr = emu_->x86.msr;
  unsigned char* msr_perm = emu_->x86.msr_perm;
  emu_->x86 = snapshot.registers;
  emu_->x86.msr = msr;
  emu_->x86.msr_perm = msr_perm;
  instructions_ = snapshot.instructions;
}

}  // namespace vidport::pc
