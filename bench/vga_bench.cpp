// Rendering one frame of the emulated VGA (µs per frame): a 640x480 16-colour planar frame (mode
// 12h) and a 320x200 256-colour chain-4 frame (mode 13h, shown 640x400 as QEMU does). The modes
// are set by the real SeaVGABIOS on vidport's PC and the screen is filled with a pattern through
// the memory window, so the renderer sees exactly the registers a program would leave.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "devices/vga/renderer.h"
#include "pc/machine.h"

namespace {

using vidport::pc::Machine;

// Sets `mode` and fills its visible memory (`bytes` window bytes from A0000) with a pattern that
// uses every colour. Returns "" or why the machine could not be prepared.
std::string prepare(Machine& machine, std::uint16_t mode, std::uint32_t bytes) {
  if (std::string error = machine.start(); !error.empty()) return error;
  const auto result = machine.bios().int10(mode);
  if (!result.halted()) return result.message;
  for (std::uint32_t i = 0; i < bytes; ++i) {
    machine.vga().write_memory(0xA0000 + i, vidport::bus::Width::Byte, (i * 37u + i / 320u) & 0xFFu);
  }
  return "";
}

// What `vidport boot --screenshot` and the tests pay per picture: Vga::render() copies the state
// under the lock and renders the copy.
void BM_RenderFrame(benchmark::State& state) {
  const auto mode = static_cast<std::uint16_t>(state.range(0));
  Machine machine;
  const std::uint32_t bytes = mode == 0x12 ? 640u * 480u / 8u : 320u * 200u;
  if (std::string error = prepare(machine, mode, bytes); !error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  std::uint64_t pixels = 0;
  for (auto _ : state) {
    const vidport::image::Image frame = machine.vga().render();
    pixels = std::uint64_t{frame.width} * frame.height;
    benchmark::DoNotOptimize(frame.rgb.data());
  }
  state.counters["pixels"] = static_cast<double>(pixels);
}

// The renderer alone (render_frame on a state already copied): the pure scan-out cost.
void BM_RenderFrameFromSnapshot(benchmark::State& state) {
  const auto mode = static_cast<std::uint16_t>(state.range(0));
  Machine machine;
  const std::uint32_t bytes = mode == 0x12 ? 640u * 480u / 8u : 320u * 200u;
  if (std::string error = prepare(machine, mode, bytes); !error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  const vidport::devices::vga::VgaState snapshot = machine.vga().snapshot();
  for (auto _ : state) {
    const vidport::image::Image frame =
        vidport::devices::vga::render_frame(snapshot, vidport::devices::vga::RenderConventions::Qemu);
    benchmark::DoNotOptimize(frame.rgb.data());
  }
}

BENCHMARK(BM_RenderFrame)->Arg(0x12)->Arg(0x13)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RenderFrameFromSnapshot)->Arg(0x12)->Arg(0x13)->Unit(benchmark::kMicrosecond);

}  // namespace
