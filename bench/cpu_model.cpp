#include "cpu_model.h"

#include <array>
#include <fstream>
#include <string_view>

namespace vidport::bench {

std::string cpu_model() {
  // The first processor's entry is enough: the name is for the reader, not for any decision.
  constexpr std::array<std::string_view, 3> keys{"model name", "Hardware", "cpu model"};
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string_view key(line.data(), colon);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
    for (std::string_view wanted : keys) {
      if (key != wanted) continue;
      auto start = line.find_first_not_of(" \t", colon + 1);
      if (start != std::string::npos) return line.substr(start);
    }
  }
  return "unknown CPU";
}

}  // namespace vidport::bench
