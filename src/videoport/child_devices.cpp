#include "videoport/child_devices.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/call_rules.h"
#include "videoport/kernel_calls.h"
#include "videoport/port_driver.h"
#include "videoport/resources.h"

namespace vidport::videoport {

namespace {

// The DDC addresses (7-bit, shifted into the I2C address byte with the direction bit).
constexpr std::uint8_t kEdidAddress = 0x50;
constexpr std::uint8_t kSegmentPointerAddress = 0x30;
constexpr unsigned kEdidBlock = 128;
constexpr unsigned kEdidSegment = 256;
// Half an I2C clock period at 100 kHz, and how long a slave may stretch the clock.
constexpr std::uint32_t kHalfPeriodMicroseconds = 5;
constexpr unsigned kStretchLimit = 200;  // half periods: 1 ms

// An I2C master on the miniport's bit-level callbacks. The lines are open-drain: writing 1
// releases a line (a pull-up raises it unless a slave holds it low), writing 0 drives it low.
class I2cMaster {
 public:
  I2cMaster(void* extension, const I2C_CALLBACKS& lines, std::uintptr_t site)
      : extension_(extension), lines_(lines), site_(site) {}

  // START (or repeated START): data falls while the clock is high. False if the clock stays low.
  bool start() {
    data(1);
    if (!clock_high()) return false;
    data(0);
    clock(0);
    return true;
  }
  void stop() {
    data(0);
    clock_high();
    data(1);
  }
  // Sends `byte` most significant bit first; true if the slave acknowledged it.
  bool write(std::uint8_t byte) {
    for (int bit = 7; bit >= 0; --bit) {
      data((byte >> bit) & 1);
      if (!clock_high()) return false;
      clock(0);
    }
    data(1);
    if (!clock_high()) return false;
    bool acknowledged = !read_data();
    clock(0);
    return acknowledged;
  }
  // Receives a byte, then acknowledges it (more to come) or not (the last one).
  bool read(std::uint8_t& byte, bool acknowledge) {
    data(1);
    byte = 0;
    for (int bit = 0; bit < 8; ++bit) {
      if (!clock_high()) return false;
      byte = static_cast<std::uint8_t>(byte << 1 | (read_data() ? 1 : 0));
      clock(0);
    }
    data(acknowledge ? 0 : 1);
    if (!clock_high()) return false;
    clock(0);
    data(1);
    return true;
  }

 private:
  // The miniport's callbacks, each called as a miniport routine (with a landing: kernel/halt.h).
  void write_clock(int level) {
    call_routine("I2C WriteClockLine", [&] { lines_.WriteClockLine(extension_, static_cast<UCHAR>(level)); });
  }
  void write_data(int level) {
    call_routine("I2C WriteDataLine", [&] { lines_.WriteDataLine(extension_, static_cast<UCHAR>(level)); });
  }
  bool read_clock() { return call_routine("I2C ReadClockLine", [&] { return lines_.ReadClockLine(extension_); }); }
  bool read_data() { return call_routine("I2C ReadDataLine", [&] { return lines_.ReadDataLine(extension_); }); }

  void wait() { stall_execution(kHalfPeriodMicroseconds, site_); }
  void data(int level) {
    write_data(level);
    wait();
  }
  void clock(int level) {
    write_clock(level);
    wait();
  }
  // Releases the clock and waits while a slave stretches it; false if it never rises.
  bool clock_high() {
    write_clock(1);
    for (unsigned i = 0; i < kStretchLimit; ++i) {
      wait();
      if (read_clock()) return true;
    }
    return false;
  }

  void* extension_;
  const I2C_CALLBACKS& lines_;
  std::uintptr_t site_;
};

// Reads `count` bytes of EDID segment `segment` into `out`; false when a slave did not answer.
bool read_edid(I2cMaster& bus, std::uint8_t segment, UCHAR* out, unsigned count) {
  if (segment != 0) {
    if (!bus.start() || !bus.write(kSegmentPointerAddress << 1) || !bus.write(segment)) return false;
  }
  if (!bus.start() || !bus.write(kEdidAddress << 1) || !bus.write(0)) return false;
  if (!bus.start() || !bus.write(static_cast<std::uint8_t>(kEdidAddress << 1 | 1))) return false;
  for (unsigned i = 0; i < count; ++i) {
    std::uint8_t byte;
    if (!bus.read(byte, i + 1 < count)) return false;
    out[i] = byte;
  }
  return true;
}

bool edid_block_valid(const UCHAR* block, bool first_segment) {
  static constexpr std::array<UCHAR, 8> kHeader{0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};
  if (first_segment && !std::equal(kHeader.begin(), kHeader.end(), block)) return false;
  unsigned sum = 0;
  for (unsigned i = 0; i < kEdidBlock; ++i) sum += block[i];
  return sum % 256 == 0;
}

}  // namespace

VP_STATUS enumerate_children(void* extension, void* reserved, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kEnumerateChildren, site);
  HostedAdapter* hosted = hosted_or_report(p, extension, "VideoPortEnumerateChildren", site);
  if (hosted == nullptr) return ERROR_INVALID_PARAMETER;
  if (reserved != nullptr) report_invalid_parameter(p, site, "VideoPortEnumerateChildren: Reserved must be NULL");
  hosted->child_enumerations.fetch_add(1, std::memory_order_relaxed);
  PortDriver::active()->log("videoport", 0,
                            fmt::format("{}: VideoPortEnumerateChildren: re-enumeration requested; vidport has no "
                                        "Plug and Play manager, so HwVidGetVideoChildDescriptor is not called",
                                        hosted->adapter->name()));
  return NO_ERROR;
}

BOOLEAN ddc_monitor_helper(void* extension, void* ddc_control, UCHAR* edid, ULONG edid_size, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kDDCMonitorHelper, site);
  if (hosted_or_report(p, extension, "VideoPortDDCMonitorHelper", site) == nullptr) return FALSE;
  const auto* control = static_cast<const DDC_CONTROL*>(ddc_control);
  if (control == nullptr || control->Size != sizeof(DDC_CONTROL)) {
    report_invalid_parameter(p, site, fmt::format("VideoPortDDCMonitorHelper needs a DDC_CONTROL with Size {}",
                                                  sizeof(DDC_CONTROL)));
    return FALSE;
  }
  const I2C_CALLBACKS& lines = control->I2CCallbacks;
  if (!lines.WriteClockLine || !lines.WriteDataLine || !lines.ReadClockLine || !lines.ReadDataLine) {
    report_invalid_parameter(p, site, "VideoPortDDCMonitorHelper needs all four I2C callbacks");
    return FALSE;
  }
  if (edid == nullptr || edid_size < kEdidBlock) {
    report_invalid_parameter(p, site, fmt::format("VideoPortDDCMonitorHelper needs an EDID buffer of at least {} "
                                                  "bytes",
                                                  kEdidBlock));
    return FALSE;
  }
  I2cMaster bus(extension, lines, site);
  bool read = read_edid(bus, control->EdidSegment, edid, std::min<unsigned>(edid_size, kEdidSegment));
  bus.stop();
  return read && edid_block_valid(edid, control->EdidSegment == 0) ? TRUE : FALSE;
}

}  // namespace vidport::videoport
