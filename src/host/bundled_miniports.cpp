#include "host/bundled_miniports.h"

#include <filesystem>

namespace vidport::host {

std::string bundled_sample_miniport() {
  if (std::filesystem::exists(VIDPORT_SAMPLE_MINIPORT)) return VIDPORT_SAMPLE_MINIPORT;
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto candidate = self.parent_path().parent_path().parent_path() / "miniports" / "pulse_sample.so";
    if (std::filesystem::exists(candidate)) return candidate.string();
  }
  return VIDPORT_SAMPLE_MINIPORT;
}

}  // namespace vidport::host
