#include "vgasync_rig.h"

#include <video.h>

#include <cstring>

#include "kernel/machine.h"
#include "videoport/adapter.h"
#include "videoport/device_windows.h"

extern "C" {
#include "vgasync.h"
}

namespace vidport::vgasync_test {

std::string module_path(const std::string& name) {
  return std::string(VGASYNC_MODULE_DIR) + "/" + name + ".so";
}

VgasyncRig::VgasyncRig(platform::PlatformOptions options) {
  auto created = platform::PcPlatform::create(options);
  if (auto* message = std::get_if<std::string>(&created)) {
    error_ = *message;
    return;
  }
  platform_ = std::move(std::get<std::unique_ptr<platform::PcPlatform>>(created));
}

VgasyncRig::~VgasyncRig() {
  finish();
  started_.reset();
  platform_.reset();
}

bool VgasyncRig::start(const std::string& module) {
  if (!platform_) return false;
  error_ = testing::StartedMiniport::load(module_path(module), module_);
  if (error_.empty()) error_ = started_.start(machine(), *module_);
  return error_.empty();
}

host::RequestResult VgasyncRig::request(std::uint32_t code, const std::vector<std::uint8_t>& input,
                                        std::uint32_t output_length) {
  return started_.request(code, input, output_length);  // not completed when start() failed
}

bool VgasyncRig::set_mode(std::uint32_t mode) {
  VIDEO_MODE requested{mode};
  return request(IOCTL_VIDEO_SET_CURRENT_MODE, host::request_bytes(requested)).record.status == NO_ERROR;
}

std::uint32_t VgasyncRig::queue_palette(std::uint16_t first, const std::vector<std::uint8_t>& rgb) {
  const std::size_t count = rgb.size() / 3;
  const std::size_t header = offsetof(VIDEO_CLUT, LookupTable);
  std::vector<std::uint8_t> input(header + count * sizeof(ULONG));
  VIDEO_CLUT clut{};
  clut.NumEntries = static_cast<USHORT>(count);
  clut.FirstEntry = first;
  std::memcpy(input.data(), &clut, header);
  for (std::size_t i = 0; i < count; ++i) {
    VIDEO_CLUTDATA entry{rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], 0};
    std::memcpy(input.data() + header + i * sizeof(ULONG), &entry, sizeof(entry));
  }
  return request(IOCTL_VIDEO_SET_COLOR_REGISTERS, input).record.status;
}

std::uint32_t VgasyncRig::wait_retraces(std::uint32_t count) {
  return request(IOCTL_VGASYNC_WAIT_RETRACES, host::request_bytes(count), sizeof(ULONG)).record.status;
}

std::uint32_t VgasyncRig::set_pan(std::uint32_t start) {
  return request(IOCTL_VGASYNC_SET_PAN, host::request_bytes(start)).record.status;
}

std::vector<std::uint32_t> VgasyncRig::stats() {
  host::RequestResult result = request(IOCTL_VGASYNC_QUERY_STATS, {}, sizeof(VGASYNC_STATS));
  std::vector<std::uint32_t> fields(kStatsFields, 0);
  if (result.output.size() >= sizeof(VGASYNC_STATS)) {
    std::memcpy(fields.data(), result.output.data(), sizeof(VGASYNC_STATS));
  }
  return fields;
}

bool VgasyncRig::draw(const std::vector<std::uint8_t>& bytes) {
  VIDEO_MEMORY memory{};
  host::RequestResult mapped = request(IOCTL_VIDEO_MAP_VIDEO_MEMORY, host::request_bytes(memory), sizeof(VIDEO_MEMORY_INFORMATION));
  VIDEO_MEMORY_INFORMATION where{};
  if (mapped.record.status != NO_ERROR || mapped.output.size() < sizeof(where)) return false;
  std::memcpy(&where, mapped.output.data(), sizeof(where));
  if (bytes.size() > where.FrameBufferLength) return false;
  // The mapping is a device window: a display driver's stores reach the card through the bus.
  auto physical = videoport::DeviceWindows::instance().translate_device(where.FrameBufferBase);
  if (!physical) return false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    machine().bus().write_memory(*physical + i, bus::Width::Byte, bytes[i]);
  }
  memory.RequestedVirtualAddress = where.VideoRamBase;
  return request(IOCTL_VIDEO_UNMAP_VIDEO_MEMORY, host::request_bytes(memory)).record.status == NO_ERROR;
}

void VgasyncRig::finish() {
  if (finished_ || !started_.started()) return;
  finished_ = true;
  if (machine().halted()) return;
  videoport::HostedAdapter& hosted = started_.adapter();
  machine().run_on(0, [&] {
    videoport::RoutineLabel label("HwVidResetHw");
    hosted.init.HwResetHw(hosted.adapter->extension(), 80, 50);
  });
}

}  // namespace vidport::vgasync_test
