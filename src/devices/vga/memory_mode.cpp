#include "devices/vga/memory_mode.h"

namespace vidport::devices::vga {

MemoryMode derive_memory_mode(const ExternalRegisters& external, const Sequencer& seq,
                              const GraphicsController& gc) {
  // GC06 bits 3-2: A0000-BFFFF, A0000-AFFFF, B0000-B7FFF, B8000-BFFFF.
  static constexpr std::uint64_t kBase[4] = {0xA0000, 0xA0000, 0xB0000, 0xB8000};
  static constexpr std::uint32_t kSize[4] = {0x20000, 0x10000, 0x8000, 0x8000};
  MemoryMode m;
  const unsigned map = gc.memory_map();
  m.window_base = kBase[map];
  m.window_size = external.ram_enabled() ? kSize[map] : 0;

  if (seq.chain4()) {
    m.write_addressing = m.read_addressing = HostAddressing::Chain4;
  } else {
    m.write_addressing = seq.odd_even_disabled() ? HostAddressing::Planar : HostAddressing::OddEven;
    m.read_addressing = gc.host_odd_even() ? HostAddressing::OddEven : HostAddressing::Planar;
  }
  m.map_mask = seq.map_mask();

  m.write_mode = gc.write_mode();
  m.rotate_count = gc.rotate_count();
  m.logical_operation = gc.logical_operation();
  m.set_reset = gc.set_reset();
  m.enable_set_reset = gc.enable_set_reset();
  m.bit_mask = gc.bit_mask();
  m.stores_cpu_byte = m.write_mode == 0 && (m.enable_set_reset & 0x0F) == 0 && m.rotate_count == 0 &&
                      m.logical_operation == 0 && m.bit_mask == 0xFF;

  m.read_map_select = gc.read_map_select();
  m.read_mode_compare = gc.read_mode_compare();
  m.color_compare = gc.color_compare();
  m.color_dont_care = gc.color_dont_care();
  return m;
}

}  // namespace vidport::devices::vga
