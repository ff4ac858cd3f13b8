// The debug output ports of emulators: 0xE9 (the "port E9 hack" of Bochs and QEMU's isa-debugcon,
// where boot programs print) and 0x402 (where SeaBIOS and SeaVGABIOS print their debug log).
// Each byte written is one character; the text of each port is collected separately.
//
// Rules: a byte write appends a character; a wide write appends its bytes, low first. A read of
// 0xE9 returns 0xE9 (how programs detect the console), a read of 0x402 all ones. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

#include "bus/device.h"
#include "bus/io_bus.h"

namespace vidport::pc {

class DebugConsole final : public bus::PortDevice {
 public:
  static constexpr std::uint16_t kProgramPort = 0xE9;
  static constexpr std::uint16_t kBiosPort = 0x402;

  // Claims 0xE9 and 0x402 on `bus`. False if either is already claimed.
  bool attach(bus::IoBus& bus);

  // Text written so far to 0xE9 / 0x402.
  std::string program_text() const;
  std::string bios_text() const;

  std::uint32_t read_port(std::uint16_t port, bus::Width width) override;
  void write_port(std::uint16_t port, bus::Width width, std::uint32_t value) override;

 private:
  mutable std::mutex mutex_;
  std::string program_text_;  // guarded by mutex_
  std::string bios_text_;     // guarded by mutex_
};

}  // namespace vidport::pc
