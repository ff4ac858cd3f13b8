#include "host/vgasync_demo.h"

#include <devioctl.h>
#include <ntddvdeo.h>
#include <video.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "devices/vga/vga.h"
#include "host/hosted_run.h"
#include "kernel/machine.h"
#include "videoport/device_windows.h"

extern "C" {
#include "vgasync.h"
}

namespace vidport::host {

namespace {

constexpr unsigned kWidth = 320, kHeight = 200;

// Vertical bands of 16 colours, each band a different block of 16 in the palette: the palette
// animation then visibly moves every band.
std::vector<std::uint8_t> picture() {
  std::vector<std::uint8_t> bytes(kWidth * kHeight);
  for (unsigned y = 0; y < kHeight; ++y) {
    for (unsigned x = 0; x < kWidth; ++x) bytes[y * kWidth + x] = static_cast<std::uint8_t>(x / 20 + 16 * (y / 25));
  }
  return bytes;
}

// Palette step k: 128 entries of 6-bit R, G, B that shift with k.
std::vector<std::uint8_t> palette(unsigned k) {
  std::vector<std::uint8_t> clut(offsetof(VIDEO_CLUT, LookupTable) + 128 * sizeof(ULONG));
  VIDEO_CLUT header{};
  header.NumEntries = 128;
  header.FirstEntry = 0;
  std::memcpy(clut.data(), &header, offsetof(VIDEO_CLUT, LookupTable));
  for (unsigned i = 0; i < 128; ++i) {
    VIDEO_CLUTDATA entry{static_cast<UCHAR>((i * 3 + k * 7) & 63), static_cast<UCHAR>((i * 5 + k * 11) & 63),
                         static_cast<UCHAR>((i + k * 9) & 63), 0};
    std::memcpy(clut.data() + offsetof(VIDEO_CLUT, LookupTable) + i * sizeof(ULONG), &entry, sizeof(entry));
  }
  return clut;
}

// Character and attribute bytes (odd/even: even addresses are characters) for one text row,
// white on blue.
std::vector<std::uint8_t> text_line(const std::string& text) {
  std::vector<std::uint8_t> bytes;
  for (char c : text) {
    bytes.push_back(static_cast<std::uint8_t>(c));
    bytes.push_back(0x1F);
  }
  return bytes;
}

class Demo {
 public:
  explicit Demo(HostedRun& run) : run_(run) {}

  bool ok(std::uint32_t code, const std::vector<std::uint8_t>& input, std::uint32_t output_length = 0) {
    last_ = run_.request(0, code, input, output_length, "demo");
    return last_.record.completed && last_.record.status == NO_ERROR;
  }

  bool set_mode(std::uint32_t mode) {
    VIDEO_MODE requested{mode};
    return ok(IOCTL_VIDEO_SET_CURRENT_MODE, request_bytes(requested));
  }

  // What a display driver does with IOCTL_VIDEO_MAP_VIDEO_MEMORY: store pixels through the
  // mapping. The mapping is a device window, so the stores reach the card through the bus.
  bool draw(const std::vector<std::uint8_t>& bytes) {
    VIDEO_MEMORY memory{};
    if (!ok(IOCTL_VIDEO_MAP_VIDEO_MEMORY, request_bytes(memory), sizeof(VIDEO_MEMORY_INFORMATION))) return false;
    VIDEO_MEMORY_INFORMATION where{};
    if (last_.output.size() < sizeof(where)) return false;
    std::memcpy(&where, last_.output.data(), sizeof(where));
    auto physical = videoport::DeviceWindows::instance().translate_device(where.FrameBufferBase);
    if (!physical || bytes.size() > where.FrameBufferLength) return false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      run_.machine().bus().write_memory(*physical + i, bus::Width::Byte, bytes[i]);
    }
    memory.RequestedVirtualAddress = where.VideoRamBase;
    return ok(IOCTL_VIDEO_UNMAP_VIDEO_MEMORY, request_bytes(memory));
  }

  bool wait_retraces(std::uint32_t count) { return ok(IOCTL_VGASYNC_WAIT_RETRACES, request_bytes(count), sizeof(ULONG)); }

  bool stats(VGASYNC_STATS& out) {
    if (!ok(IOCTL_VGASYNC_QUERY_STATS, {}, sizeof(VGASYNC_STATS)) || last_.output.size() < sizeof(out)) return false;
    std::memcpy(&out, last_.output.data(), sizeof(out));
    return true;
  }

 private:
  HostedRun& run_;
  RequestResult last_;
};

}  // namespace

VgasyncDemoResult run_vgasync_demo(HostedRun& run, const VgasyncDemoOptions& options) {
  VgasyncDemoResult result;
  Demo demo(run);
  auto fail = [&](std::string step) {
    result.failed_step = std::move(step);
    return result;
  };
  if (!demo.set_mode(VGASYNC_MODE_13H)) return fail("set mode 13h");
  if (!demo.draw(picture())) return fail("draw through the mapped video memory");
  if (!run.screenshot("13h-picture.png", "demo")) return fail("screenshot");
  for (unsigned k = 0; k < options.palettes; ++k) {
    // One palette per retrace: queue it, then wait for the retrace whose ISR writes it.
    if (!demo.ok(IOCTL_VIDEO_SET_COLOR_REGISTERS, palette(k))) return fail(fmt::format("queue palette {}", k));
    if (!demo.wait_retraces(1)) return fail(fmt::format("wait for the retrace of palette {}", k));
    if (k % 4 == 3 && !run.screenshot(fmt::format("13h-palette-{:02}.png", k), "demo")) return fail("screenshot");
  }
  std::uint32_t start = options.pan_rows * (kWidth / 4);  // 13h counts the start address in 4-byte units
  if (!demo.ok(IOCTL_VGASYNC_SET_PAN, request_bytes(start)) || !demo.wait_retraces(1)) return fail("pan");
  if (!run.screenshot("13h-panned.png", "demo")) return fail("screenshot");
  VGASYNC_STATS stats{};
  if (!demo.stats(stats)) return fail("query vgasync's statistics");
  if (!demo.set_mode(VGASYNC_MODE_03H)) return fail("return to text mode");
  // A line of text through the text-mode mapping shows the font vgasync saved and restored.
  if (!demo.draw(text_line("vidport: vgasync animated its palette from HwVidInterrupt at vertical retrace"))) {
    return fail("write text through the mapped video memory");
  }
  if (!run.screenshot("text.png", "demo")) return fail("screenshot");
  result.retraces = stats.Retraces;
  result.palette_updates_applied = stats.PaletteUpdatesApplied;
  result.pans_applied = stats.PansApplied;
  result.dpc_runs = stats.DpcRuns;
  result.exclusion_violations = stats.ExclusionViolations;
  result.tears = run.vga().tears().total_tears();
  result.ok = true;
  return result;
}

}  // namespace vidport::host
