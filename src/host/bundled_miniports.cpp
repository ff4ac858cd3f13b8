#include "host/bundled_miniports.h"

#include <filesystem>

namespace vidport::host {

namespace {
// `built` as configured in this build tree; failing that, miniports/<relative> next to the
// running executable's build tree (<build>/src/cli/vidport -> <build>/miniports/...).
std::string locate(const char* built, const char* relative) {
  if (std::filesystem::exists(built)) return built;
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto candidate = self.parent_path().parent_path().parent_path() / "miniports" / relative;
    if (std::filesystem::exists(candidate)) return candidate.string();
  }
  return built;
}
}  // namespace

std::string bundled_sample_miniport() { return locate(VIDPORT_SAMPLE_MINIPORT, "pulse_sample.so"); }

std::string bundled_vgasync_miniport() { return locate(VIDPORT_VGASYNC_MINIPORT, "vgasync/vgasync.so"); }

}  // namespace vidport::host
