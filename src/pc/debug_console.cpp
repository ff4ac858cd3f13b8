#include "pc/debug_console.h"

namespace vidport::pc {

bool DebugConsole::attach(bus::IoBus& bus) {
  return bus.map_ports(kProgramPort, kProgramPort, *this, bus::kByteAccess, "debug console (E9)") &&
         bus.map_ports(kBiosPort, kBiosPort, *this, bus::kByteAccess, "BIOS debug log (402)");
}

std::string DebugConsole::program_text() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return program_text_;
}

std::string DebugConsole::bios_text() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bios_text_;
}

std::uint32_t DebugConsole::read_port(std::uint16_t port, bus::Width width) {
  return port == kProgramPort ? kProgramPort : 0xFF;
}

void DebugConsole::write_port(std::uint16_t port, bus::Width width, std::uint32_t value) {
  std::lock_guard<std::mutex> lock(mutex_);
  (port == kProgramPort ? program_text_ : bios_text_).push_back(static_cast<char>(value & 0xFF));
}

}  // namespace vidport::pc
