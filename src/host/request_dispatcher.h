// Issues VIDEO_REQUEST_PACKETs to one adapter's HwVidStartIO, as the Windows display driver's
// IOCTLs reach a miniport, and checks how the miniport completed them.
//
// Rules for requests:
// - METHOD_BUFFERED: one system buffer of max(input, output) bytes serves as InputBuffer and
//   OutputBuffer, exactly sized, so a miniport that writes past OutputBufferLength is caught by
//   the sanitizers in the test builds.
// - Requests to one adapter are serialized (a mutex per dispatcher); each runs on processor 0 at
//   PASSIVE_LEVEL labelled HwVidStartIO, and the host waits for it. A crash or hang during the
//   request halts the machine; the request then reports "not completed".
// - Checks, recorded as RequestStatusMisuse findings: StatusBlock->Status left unset, and
//   NO_ERROR with Information larger than the output buffer.
#pragma once

#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "report/report.h"

namespace vidport::kernel {
class Machine;
}
namespace vidport::videoport {
struct HostedAdapter;
}

namespace vidport::host {

struct RequestResult {
  report::Request record;            // what the report shows
  std::vector<std::uint8_t> output;  // the first min(Information, output length) bytes returned
};

// The name of a standard IOCTL_VIDEO_* code, or its value in hex.
std::string ioctl_name(std::uint32_t code);
// The code of a standard IOCTL_VIDEO_* name, if it is one.
std::optional<std::uint32_t> ioctl_code(std::string_view name);

// The bytes of a request's input structure (a VIDEO_MODE, a ULONG, ...), as issue() takes them.
template <typename T>
std::vector<std::uint8_t> request_bytes(const T& value) {
  std::vector<std::uint8_t> out(sizeof(T));
  std::memcpy(out.data(), &value, sizeof(T));
  return out;
}

class RequestDispatcher {
 public:
  RequestDispatcher(kernel::Machine& machine, videoport::HostedAdapter& adapter);

  // Sends one request and waits for it. `origin` says who asked ("display driver", a scenario
  // line). Host threads only.
  RequestResult issue(std::uint32_t code, const std::vector<std::uint8_t>& input, std::uint32_t output_length,
                      std::string origin);

 private:
  kernel::Machine& machine_;
  videoport::HostedAdapter& adapter_;
  std::mutex serialize_;  // one request at a time per adapter
};

}  // namespace vidport::host
