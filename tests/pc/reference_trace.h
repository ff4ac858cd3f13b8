// Test support: the shared SeaVGABIOS port-I/O traces (tests/data/refs/vgabios-*.io.txt), an
// observer that records what vidport's PC does in the same terms, and the ROM check that
// guards every comparison against them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bus/io_bus.h"
#include "pc/video_bios.h"

namespace vidport::pc::testing {

// One CPU-level port access.
struct PortAccess {
  bus::Direction dir = bus::Direction::Write;
  std::uint16_t port = 0;
  unsigned bits = 8;
  std::uint32_t value = 0;
  bool operator==(const PortAccess&) const = default;
};
std::string describe(const PortAccess& a);  // "OUT 03C4 16 0204"

struct ReferenceTrace {
  std::vector<PortAccess> accesses;
  std::uint64_t instructions = 0;  // "# instructions executed: N" of the summary
};

// Parses a reference trace. Returns "" or what is wrong with the file.
std::string read_reference_trace(const std::string& path, ReferenceTrace& out);

// Records accesses; the BIOS debug-log port 0x402 is left out, as in the reference traces.
class RecordingObserver final : public bus::BusObserver {
 public:
  void on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width, std::uint32_t value,
                      bool claimed) override;
  std::vector<PortAccess> accesses;
};

// Compares `actual` with `expected`: direction, port and width always; the value of OUTs always,
// of INs unless the port is 0x3DA (retrace status, which depends on timing). Returns "" when they
// match, else the first difference with its index.
std::string compare_port_sequences(const std::vector<PortAccess>& expected,
                                   const std::vector<PortAccess>& actual);

// Where the test data lives (the source tree's tests/data/refs) and the build's assembled
// programs; from VIDPORT_SOURCE_DIR / VIDPORT_BINARY_DIR.
std::string refs_dir();
std::string programs_dir();

// "" when the ROM at `rom_path` (by default the installed one) has the SHA-256 recorded in
// tests/data/refs/ROM.sha256, else the message that tells the developer to regenerate the
// references.
std::string check_reference_rom(const std::string& rom_path = VideoBios::kDefaultRomPath);

}  // namespace vidport::pc::testing
