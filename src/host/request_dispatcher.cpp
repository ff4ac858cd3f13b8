#include "host/request_dispatcher.h"

#include <video.h>

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/port_driver.h"

namespace vidport::host {

namespace {
// A Status value no miniport writes: the request left StatusBlock->Status unset.
constexpr VP_STATUS kStatusUnset = static_cast<VP_STATUS>(0xDEADBEEF);
}  // namespace

namespace {
struct KnownIoctl {
  const char* name;
  std::uint32_t code;
};
#define VIDPORT_IOCTL(x) KnownIoctl{#x, x}
constexpr KnownIoctl kKnownIoctls[] = {
    VIDPORT_IOCTL(IOCTL_VIDEO_QUERY_AVAIL_MODES),       VIDPORT_IOCTL(IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES),
    VIDPORT_IOCTL(IOCTL_VIDEO_QUERY_CURRENT_MODE),      VIDPORT_IOCTL(IOCTL_VIDEO_SET_CURRENT_MODE),
    VIDPORT_IOCTL(IOCTL_VIDEO_RESET_DEVICE),            VIDPORT_IOCTL(IOCTL_VIDEO_SET_COLOR_REGISTERS),
    VIDPORT_IOCTL(IOCTL_VIDEO_MAP_VIDEO_MEMORY),        VIDPORT_IOCTL(IOCTL_VIDEO_UNMAP_VIDEO_MEMORY),
    VIDPORT_IOCTL(IOCTL_VIDEO_QUERY_PUBLIC_ACCESS_RANGES), VIDPORT_IOCTL(IOCTL_VIDEO_FREE_PUBLIC_ACCESS_RANGES),
    VIDPORT_IOCTL(IOCTL_VIDEO_SHARE_VIDEO_MEMORY),      VIDPORT_IOCTL(IOCTL_VIDEO_UNSHARE_VIDEO_MEMORY),
    VIDPORT_IOCTL(IOCTL_VIDEO_SET_POWER_MANAGEMENT),    VIDPORT_IOCTL(IOCTL_VIDEO_GET_POWER_MANAGEMENT),
    VIDPORT_IOCTL(IOCTL_VIDEO_ENABLE_VDM),              VIDPORT_IOCTL(IOCTL_VIDEO_SAVE_HARDWARE_STATE),
    VIDPORT_IOCTL(IOCTL_VIDEO_RESTORE_HARDWARE_STATE),
};
#undef VIDPORT_IOCTL
}  // namespace

std::string ioctl_name(std::uint32_t code) {
  for (const KnownIoctl& known : kKnownIoctls) {
    if (known.code == code) return known.name;
  }
  return fmt::format("{:#010x}", code);
}

std::optional<std::uint32_t> ioctl_code(std::string_view name) {
  for (const KnownIoctl& known : kKnownIoctls) {
    if (name == known.name) return known.code;
  }
  return std::nullopt;
}

RequestDispatcher::RequestDispatcher(kernel::Machine& machine, videoport::HostedAdapter& adapter)
    : machine_(machine), adapter_(adapter) {}

RequestResult RequestDispatcher::issue(std::uint32_t code, const std::vector<std::uint8_t>& input,
                                       std::uint32_t output_length, std::string origin) {
  std::lock_guard serialize(serialize_);
  RequestResult result;
  report::Request& record = result.record;
  record.name = ioctl_name(code);
  record.ioctl = code;
  record.input_length = static_cast<std::uint32_t>(input.size());
  record.output_length = output_length;
  record.origin = std::move(origin);

  std::size_t size = std::max<std::size_t>(input.size(), output_length);
  std::vector<std::uint8_t> system_buffer(size);
  std::copy(input.begin(), input.end(), system_buffer.begin());
  STATUS_BLOCK status{};
  status.Status = kStatusUnset;
  VIDEO_REQUEST_PACKET packet{};
  packet.IoControlCode = code;
  packet.StatusBlock = &status;
  packet.InputBuffer = size ? system_buffer.data() : nullptr;
  packet.InputBufferLength = record.input_length;
  packet.OutputBuffer = size ? system_buffer.data() : nullptr;
  packet.OutputBufferLength = output_length;

  void* extension = adapter_.adapter->extension();
  PVIDEO_HW_START_IO start_io = adapter_.init.HwStartIO;
  BOOLEAN handled = FALSE;
  record.completed = machine_.run_on(0, [&] {
    handled = videoport::call_routine("HwVidStartIO", [&] { return start_io(extension, &packet); });
  });
  if (!record.completed) {
    record.note = "the machine stopped during the request";
    return result;
  }
  record.status = static_cast<std::uint32_t>(status.Status);
  record.information = status.Information;
  auto misuse = [&](std::string message) {
    record.note = message;
    machine_.report(kernel::make_finding(findings::FindingKind::RequestStatusMisuse,
                                         reinterpret_cast<std::uintptr_t>(start_io), std::move(message)));
  };
  if (status.Status == kStatusUnset) {
    misuse(fmt::format("HwVidStartIO returned {} for {} without setting StatusBlock->Status",
                       handled ? "TRUE" : "FALSE", record.name));
  } else if (status.Status == NO_ERROR && status.Information > output_length) {
    misuse(fmt::format("{} completed with NO_ERROR and Information {} although the output buffer holds {} bytes",
                       record.name, status.Information, output_length));
  } else if (status.Status == ERROR_INSUFFICIENT_BUFFER) {
    record.note = fmt::format("output buffer too small: the miniport needs {} bytes", status.Information);
  } else if (status.Status == ERROR_INVALID_FUNCTION) {
    record.note = "not supported by the miniport";
  }
  if (status.Status == NO_ERROR) {
    std::size_t returned = std::min<std::size_t>(status.Information, output_length);
    result.output.assign(system_buffer.begin(), system_buffer.begin() + static_cast<std::ptrdiff_t>(returned));
  }
  return result;
}

}  // namespace vidport::host
