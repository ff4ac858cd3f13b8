#include "host/display_driver.h"

#include <video.h>

#include <cstring>

namespace vidport::host {

namespace {

template <typename T>
bool read_back(const std::vector<std::uint8_t>& bytes, T& value, std::size_t offset = 0) {
  if (bytes.size() < offset + sizeof(T)) return false;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return true;
}

report::Mode mode_of(const VIDEO_MODE_INFORMATION& m) {
  return report::Mode{m.ModeIndex,
                      m.VisScreenWidth,
                      m.VisScreenHeight,
                      m.NumberOfPlanes * m.BitsPerPlane,
                      m.Frequency,
                      (m.AttributeFlags & VIDEO_MODE_GRAPHICS) != 0};
}

}  // namespace

bool run_display_driver_startup(HostedRun& run, std::size_t adapter) {
  const std::string who = "display driver";
  auto ok = [](const RequestResult& r) { return r.record.completed && r.record.status == NO_ERROR; };
  RequestResult num = run.request(adapter, IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES, {}, sizeof(VIDEO_NUM_MODES), who);
  if (!run.halt_checked()) return false;
  VIDEO_NUM_MODES counts{};
  std::vector<VIDEO_MODE_INFORMATION> modes;
  if (ok(num) && read_back(num.output, counts) && counts.NumModes > 0 && counts.NumModes < 4096 &&
      counts.ModeInformationLength >= sizeof(VIDEO_MODE_INFORMATION) && counts.ModeInformationLength < 4096) {
    RequestResult avail = run.request(adapter, IOCTL_VIDEO_QUERY_AVAIL_MODES, {},
                                      counts.NumModes * counts.ModeInformationLength, who);
    if (!run.halt_checked()) return false;
    for (std::uint32_t i = 0; ok(avail) && i < counts.NumModes; ++i) {
      VIDEO_MODE_INFORMATION m{};
      if (!read_back(avail.output, m, i * counts.ModeInformationLength)) break;
      modes.push_back(m);
    }
  }
  if (run.report().adapters.size() <= adapter) run.report().adapters.resize(adapter + 1);
  report::AdapterInfo& info = run.report().adapters[adapter];
  for (const auto& m : modes) info.modes.push_back(mode_of(m));
  if (!modes.empty()) {
    VIDEO_MODE set{modes.front().ModeIndex};
    run.request(adapter, IOCTL_VIDEO_SET_CURRENT_MODE, request_bytes(set), 0, who);
    if (!run.halt_checked()) return false;
    RequestResult current =
        run.request(adapter, IOCTL_VIDEO_QUERY_CURRENT_MODE, {}, sizeof(VIDEO_MODE_INFORMATION), who);
    if (!run.halt_checked()) return false;
    VIDEO_MODE_INFORMATION m{};
    if (ok(current) && read_back(current.output, m)) info.current_mode = m.ModeIndex;
    if (modes.front().AttributeFlags & VIDEO_MODE_PALETTE_DRIVEN) {
      std::vector<std::uint8_t> clut(sizeof(VIDEO_CLUT) + 15 * sizeof(ULONG));
      VIDEO_CLUT header{};
      header.NumEntries = 16;
      std::memcpy(clut.data(), &header, offsetof(VIDEO_CLUT, LookupTable));
      run.request(adapter, IOCTL_VIDEO_SET_COLOR_REGISTERS, clut, 0, who);
      if (!run.halt_checked()) return false;
    }
  }
  VIDEO_MEMORY memory{};
  RequestResult mapped = run.request(adapter, IOCTL_VIDEO_MAP_VIDEO_MEMORY, request_bytes(memory),
                                     sizeof(VIDEO_MEMORY_INFORMATION), who);
  if (!run.halt_checked()) return false;
  VIDEO_MEMORY_INFORMATION where{};
  if (ok(mapped) && read_back(mapped.output, where)) {
    memory.RequestedVirtualAddress = where.VideoRamBase;
    run.request(adapter, IOCTL_VIDEO_UNMAP_VIDEO_MEMORY, request_bytes(memory), 0, who);
    if (!run.halt_checked()) return false;
  }
  run.request(adapter, IOCTL_VIDEO_RESET_DEVICE, {}, 0, who);
  return run.halt_checked();
}

}  // namespace vidport::host
