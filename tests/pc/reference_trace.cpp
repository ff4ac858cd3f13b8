#include "reference_trace.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>


namespace vidport::pc::testing {

std::string describe(const PortAccess& a) {
  return fmt::format("{} {:04X} {:2} {:0{}X}", a.dir == bus::Direction::Read ? "IN " : "OUT", a.port, a.bits,
                     a.value, a.bits / 4);
}

std::string read_reference_trace(const std::string& path, ReferenceTrace& out) {
  std::ifstream in(path);
  if (!in) return "cannot read " + path;
  std::string line;
  unsigned line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (line[0] == '#') {
      unsigned long long n = 0;
      if (std::sscanf(line.c_str(), "# instructions executed: %llu", &n) == 1) out.instructions = n;
      continue;
    }
    std::istringstream fields(line);
    unsigned long long seq = 0, instr = 0;
    std::string dir, port, bits, value;
    if (!(fields >> seq >> instr >> dir >> port >> bits >> value) || (dir != "IN" && dir != "OUT")) {
      return fmt::format("{}:{}: not a trace line: {}", path, line_no, line);
    }
    PortAccess a;
    a.dir = dir == "IN" ? bus::Direction::Read : bus::Direction::Write;
    a.port = static_cast<std::uint16_t>(std::stoul(port, nullptr, 16));
    a.bits = static_cast<unsigned>(std::stoul(bits));
    a.value = static_cast<std::uint32_t>(std::stoul(value, nullptr, 16));
    out.accesses.push_back(a);
  }
  if (out.accesses.empty() || out.instructions == 0) return path + ": no accesses or no instruction count";
  return "";
}

void RecordingObserver::on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width,
                                       std::uint32_t value, bool claimed) {
  if (port == 0x402) return;
  accesses.push_back({dir, port, 8 * bus::bytes_of(width), value});
}

std::string compare_port_sequences(const std::vector<PortAccess>& expected,
                                   const std::vector<PortAccess>& actual) {
  const std::size_t n = expected.size() < actual.size() ? expected.size() : actual.size();
  for (std::size_t i = 0; i < n; ++i) {
    const PortAccess& e = expected[i];
    const PortAccess& a = actual[i];
    const bool value_matters = e.dir == bus::Direction::Write || e.port != 0x3DA;
    if (e.dir != a.dir || e.port != a.port || e.bits != a.bits || (value_matters && e.value != a.value)) {
      return fmt::format("access #{} differs: expected {}, got {}", i + 1, describe(e), describe(a));
    }
  }
  if (expected.size() != actual.size()) {
    return fmt::format("expected {} accesses, got {}", expected.size(), actual.size());
  }
  return "";
}

std::string refs_dir() {
  const char* source = std::getenv("VIDPORT_SOURCE_DIR");
  return std::string(source ? source : ".") + "/tests/data/refs";
}

std::string programs_dir() {
  const char* binary = std::getenv("VIDPORT_BINARY_DIR");
  return std::string(binary ? binary : ".") + "/tests/pc";
}

std::string check_reference_rom(const std::string& rom_path) {
  std::ifstream recorded(refs_dir() + "/ROM.sha256");
  std::string expected;
  if (!(recorded >> expected)) return "cannot read tests/data/refs/ROM.sha256";
  // coreutils' sha256sum: always present on Debian, and no crypto library needed for one hash.
  const std::string command = fmt::format("sha256sum '{}' 2>/dev/null", rom_path);
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "cannot run sha256sum";
  char digest[65] = {};
  const bool read = std::fscanf(pipe, "%64s", digest) == 1;
  pclose(pipe);
  if (!read) return fmt::format("cannot hash {} (is Debian's seabios package installed?)", rom_path);
  if (expected != digest) {
    return fmt::format(
        "{} is not the ROM the reference traces and screenshots were made with (SHA-256 {} instead of {}): "
        "regenerate the references (docs/pc.md) instead of comparing against them",
        rom_path, digest, expected);
  }
  return "";
}

}  // namespace vidport::pc::testing
