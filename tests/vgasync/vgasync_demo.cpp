#include "vgasync_demo.h"

#include <devioctl.h>
#include <ntddvdeo.h>
#include <video.h>

#include <fmt/format.h>

extern "C" {
#include "vgasync.h"
}

namespace vidport::vgasync_test {

namespace {
constexpr unsigned kWidth = 320, kHeight = 200;
}

std::vector<std::uint8_t> demo_picture() {
  std::vector<std::uint8_t> bytes(kWidth * kHeight);
  for (unsigned y = 0; y < kHeight; ++y)
    for (unsigned x = 0; x < kWidth; ++x) bytes[y * kWidth + x] = static_cast<std::uint8_t>(x / 20 + 16 * (y / 25));
  return bytes;
}

std::vector<std::uint8_t> demo_palette(unsigned k) {
  std::vector<std::uint8_t> rgb(128 * 3);
  for (unsigned i = 0; i < 128; ++i) {
    rgb[i * 3] = static_cast<std::uint8_t>((i * 3 + k * 7) & 63);
    rgb[i * 3 + 1] = static_cast<std::uint8_t>((i * 5 + k * 11) & 63);
    rgb[i * 3 + 2] = static_cast<std::uint8_t>((i + k * 9) & 63);
  }
  return rgb;
}

DemoResult run_demo(VgasyncRig& rig, const DemoOptions& options) {
  DemoResult result;
  auto shot = [&](const std::string& name) {
    if (options.screenshot) options.screenshot(name, rig.screenshot());
  };
  auto fail = [&](std::string step) {
    result.failed_step = std::move(step);
    return result;
  };
  if (!rig.set_mode(VGASYNC_MODE_13H)) return fail("set mode 13h");
  if (!rig.draw(demo_picture())) return fail("draw through the mapped video memory");
  // One palette per retrace: queue it, then wait for the retrace whose ISR writes it.
  for (unsigned k = 0; k < options.palettes; ++k) {
    if (rig.queue_palette(0, demo_palette(k)) != NO_ERROR) return fail(fmt::format("queue palette {}", k));
    if (rig.wait_retraces(1) != NO_ERROR) return fail(fmt::format("wait for the retrace of palette {}", k));
    shot(fmt::format("13h-palette-{:02}", k));
  }
  if (rig.set_pan(options.pan_rows * (kWidth / 4)) != NO_ERROR || rig.wait_retraces(1) != NO_ERROR) {
    return fail("pan");
  }
  shot("13h-panned");
  result.stats = rig.stats();
  if (!rig.set_mode(VGASYNC_MODE_03H)) return fail("return to text mode");
  shot("text");
  result.ok = true;
  return result;
}

}  // namespace vidport::vgasync_test
