// INT 10h mode sets by the real SeaVGABIOS: on vidport's PC (its memory and port hooks, string-I/O
// filter, bus, VGA model and virtual clock) against libx86emu alone with its own memory and a
// port handler that ignores writes and reads all ones. Both repeat the mode set on a machine the
// ROM has initialised once. The goal: vidport within 1.5x of the bare run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include <x86emu.h>

#include "pc/machine.h"

namespace {

using vidport::pc::Machine;
using vidport::pc::VideoBios;

void BM_ModeSetOnVidport(benchmark::State& state) {
  const auto mode = static_cast<std::uint16_t>(state.range(0));
  Machine machine;
  if (std::string error = machine.start(); !error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  std::uint64_t instructions = 0;
  for (auto _ : state) {
    const auto result = machine.bios().int10(mode);
    if (!result.halted()) {
      state.SkipWithError(result.message.c_str());
      return;
    }
    instructions = result.instructions;
  }
  state.counters["instructions"] = static_cast<double>(instructions);
}

// vidport's PC and bus with a video window that ignores writes and no VGA registers: what the
// PC itself (hooks, string-I/O filter, bus dispatch, clock charge) costs, without the VGA model.
// No REP STOS shortcut is connected, so every video store goes through the bus on its own: the
// price of the generic path that the Machine's shortcut avoids.
class NullVideoMemory final : public vidport::bus::MemoryDevice {
 public:
  std::uint32_t read_memory(std::uint64_t, vidport::bus::Width) override { return 0xFFFFFFFFu; }
  void write_memory(std::uint64_t, vidport::bus::Width, std::uint32_t) override {}
};

void BM_ModeSetOnVidportPcWithoutVga(benchmark::State& state) {
  const auto mode = static_cast<std::uint16_t>(state.range(0));
  vidport::kernel::VirtualClock clock;
  vidport::bus::IoBus bus;
  NullVideoMemory video;
  bus.map_memory(0xA0000, 0x20000, video, vidport::bus::kAnyWidth, "null video memory");
  vidport::pc::Pc pc(bus, clock);
  VideoBios bios(pc);
  if (!bios.load(VideoBios::kDefaultRomPath).empty() || !bios.initialize().halted()) {
    state.SkipWithError("ROM init failed");
    return;
  }
  for (auto _ : state) {
    if (!bios.int10(mode).halted()) {
      state.SkipWithError("mode set failed");
      return;
    }
  }
}

// libx86emu's memory handler, kept to serve every memory access of the bare machine.
x86emu_memio_handler_t bare_memory = nullptr;

unsigned bare_memio(x86emu_t* emu, u32 address, u32* value, unsigned type) {
  switch (type & ~0xFFu) {
    case X86EMU_MEMIO_I: *value = 0xFFFFFFFFu; return 0;
    case X86EMU_MEMIO_O: return 0;
    default: return bare_memory(emu, address, value, type);
  }
}

void run_bare(x86emu_t* emu, std::uint32_t code, const std::vector<std::uint8_t>& bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) x86emu_write_byte(emu, code + static_cast<unsigned>(i), bytes[i]);
  x86emu_set_seg_register(emu, emu->x86.R_CS_SEL, 0);
  x86emu_set_seg_register(emu, emu->x86.R_SS_SEL, 0x8000);
  emu->x86.R_EIP = code;
  emu->x86.R_ESP = 0xFFF0;
  x86emu_run(emu, 0);
}

void BM_ModeSetOnBareX86emu(benchmark::State& state) {
  const auto mode = static_cast<std::uint16_t>(state.range(0));
  std::ifstream in(VideoBios::kDefaultRomPath, std::ios::binary);
  const std::vector<std::uint8_t> rom((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (rom.empty()) {
    state.SkipWithError("no ROM");
    return;
  }
  x86emu_t* emu = x86emu_new(X86EMU_PERM_RWX, X86EMU_PERM_RW);
  bare_memory = x86emu_set_memio_handler(emu, bare_memio);
  for (std::size_t i = 0; i < rom.size(); ++i) x86emu_write_byte(emu, 0xC0000 + static_cast<unsigned>(i), rom[i]);
  run_bare(emu, 0x600, {0x9A, 0x03, 0x00, 0x00, 0xC0, 0xF4});  // call far C000:0003; hlt
  std::uint64_t instructions = 0;
  for (auto _ : state) {
    const std::uint64_t before = emu->x86.R_TSC;
    emu->x86.R_AX = mode;
    run_bare(emu, 0x608, {0xCD, 0x10, 0xF4});  // int 10h; hlt
    instructions = emu->x86.R_TSC - before;
  }
  state.counters["instructions"] = static_cast<double>(instructions);
  x86emu_done(emu);
}

// The ROM's init on vidport: what a test would pay to get the post-init machine by running init
// again (BM_MachineRestore is the alternative the mode-set tests use).
void BM_BiosInitOnVidport(benchmark::State& state) {
  for (auto _ : state) {
    Machine machine;
    if (std::string error = machine.start(); !error.empty()) {
      state.SkipWithError(error.c_str());
      return;
    }
  }
}

// Restoring the whole post-init machine (1 MiB of RAM, the registers, every VGA register and
// the 256 KiB of planes) instead of running init again.
void BM_MachineRestore(benchmark::State& state) {
  Machine machine;
  if (std::string error = machine.start(); !error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  const auto snapshot = machine.snapshot();
  for (auto _ : state) machine.restore(snapshot);
}

BENCHMARK(BM_ModeSetOnVidport)->Arg(0x03)->Arg(0x12)->Arg(0x13)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ModeSetOnVidportPcWithoutVga)->Arg(0x03)->Arg(0x12)->Arg(0x13)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ModeSetOnBareX86emu)->Arg(0x03)->Arg(0x12)->Arg(0x13)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BiosInitOnVidport)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MachineRestore)->Unit(benchmark::kMicrosecond);

}  // namespace
