#include "vgasync_rig.h"

#include <video.h>

#include <cstring>
#include <variant>

#include "host/crash_guard.h"
#include "kernel/machine.h"
#include "videoport/adapter.h"
#include "videoport/device_windows.h"

extern "C" {
#include "vgasync.h"
}

namespace vidport::vgasync_test {

namespace {

// The test executable must contain every VideoPort export the module resolves at load time: one
// function of each exports/ file pulls that file in (as hosted_run.cpp does for vidport).
[[gnu::used]] const void* const kExportAnchors[] = {
    reinterpret_cast<const void*>(&VideoPortInitialize),
    reinterpret_cast<const void*>(&VideoPortReadPortUchar),
    reinterpret_cast<const void*>(&VideoPortCreateEvent),
    reinterpret_cast<const void*>(&VideoPortCreateSpinLock),
    reinterpret_cast<const void*>(&VideoPortSynchronizeExecution),
};

template <typename T>
std::vector<std::uint8_t> bytes_of(const T& value) {
  std::vector<std::uint8_t> out(sizeof(T));
  std::memcpy(out.data(), &value, sizeof(T));
  return out;
}

}  // namespace

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
  dispatcher_.reset();
  port_driver_.reset();
  platform_.reset();
}

bool VgasyncRig::start(const std::string& module) {
  if (!platform_) return false;
  auto loaded = host::MiniportModule::load(module_path(module));
  if (auto* message = std::get_if<std::string>(&loaded)) {
    error_ = *message;
    return false;
  }
  module_ = std::move(std::get<std::unique_ptr<host::MiniportModule>>(loaded));
  host::install_crash_guard();
  port_driver_ = std::make_unique<videoport::PortDriver>(machine(), videoport::PortDriverConfig{});
  std::int32_t status = -1;
  host::DriverEntryRoutine entry = module_->driver_entry();
  if (!machine().run_on(0, [&] {
        videoport::RoutineLabel label("DriverEntry");
        status = entry(nullptr, nullptr);
      }) ||
      status != 0 || port_driver_->adapters().size() != 1) {
    error_ = "DriverEntry failed or found no adapter";
    return false;
  }
  videoport::HostedAdapter& hosted = *port_driver_->adapters().front();
  BOOLEAN ok = FALSE;
  if (!machine().run_on(0, [&] {
        videoport::RoutineLabel label("HwVidInitialize");
        ok = hosted.init.HwInitialize(hosted.adapter->extension());
      }) ||
      !ok) {
    error_ = "HwVidInitialize failed";
    return false;
  }
  dispatcher_ = std::make_unique<host::RequestDispatcher>(machine(), hosted);
  started_ = true;
  return true;
}

host::RequestResult VgasyncRig::request(std::uint32_t code, const std::vector<std::uint8_t>& input,
                                        std::uint32_t output_length) {
  if (!dispatcher_) {  // start() failed; the test has already said why
    host::RequestResult none;
    none.record.status = ERROR_DEV_NOT_EXIST;
    return none;
  }
  return dispatcher_->issue(code, input, output_length, "test");
}

bool VgasyncRig::set_mode(std::uint32_t mode) {
  VIDEO_MODE requested{mode};
  return request(IOCTL_VIDEO_SET_CURRENT_MODE, bytes_of(requested)).record.status == NO_ERROR;
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
  return request(IOCTL_VGASYNC_WAIT_RETRACES, bytes_of(count), sizeof(ULONG)).record.status;
}

std::uint32_t VgasyncRig::set_pan(std::uint32_t start) {
  return request(IOCTL_VGASYNC_SET_PAN, bytes_of(start)).record.status;
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
  host::RequestResult mapped = request(IOCTL_VIDEO_MAP_VIDEO_MEMORY, bytes_of(memory), sizeof(VIDEO_MEMORY_INFORMATION));
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
  return request(IOCTL_VIDEO_UNMAP_VIDEO_MEMORY, bytes_of(memory)).record.status == NO_ERROR;
}

void VgasyncRig::finish() {
  if (finished_ || !started_) return;
  finished_ = true;
  if (machine().halted()) return;
  videoport::HostedAdapter& hosted = *port_driver_->adapters().front();
  machine().run_on(0, [&] {
    videoport::RoutineLabel label("HwVidResetHw");
    hosted.init.HwResetHw(hosted.adapter->extension(), 80, 50);
  });
}

}  // namespace vidport::vgasync_test
