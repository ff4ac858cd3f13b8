#include "videoport/rom.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/call_rules.h"
#include "videoport/device_windows.h"
#include "videoport/port_driver.h"
#include "videoport/port_io.h"
#include "videoport/resources.h"

namespace vidport::videoport {

void* get_rom_image(void* extension, void* unused1, ULONG unused2, ULONG length, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kGetRomImage, site);
  HostedAdapter* hosted = hosted_or_report(p, extension, "VideoPortGetRomImage", site);
  if (hosted == nullptr || length == 0) return nullptr;
  PortDriver::active()->log("videoport", 0,
                            fmt::format("{}: VideoPortGetRomImage: the adapter has no PCI ROM base address register "
                                        "and the machine no ACPI _ROM method, so there is no ROM image to copy (the "
                                        "legacy ROM at C0000h is read with VideoPortGetDeviceBase)",
                                        hosted->adapter->name()));
  return nullptr;
}

BOOLEAN scan_rom(void* extension, UCHAR* rom_base, ULONG length, UCHAR* string, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kScanRom, site);
  if (hosted_or_report(p, extension, "VideoPortScanRom", site) == nullptr) return FALSE;
  if (rom_base == nullptr || string == nullptr) {
    report_invalid_parameter(p, site, "VideoPortScanRom needs RomBase and String");
    return FALSE;
  }
  auto first = reinterpret_cast<std::uintptr_t>(rom_base);
  auto window = DeviceWindows::instance().find(first);
  if (!window || first + length > window->host + window->length) {
    report_invalid_parameter(p, site,
                             fmt::format("VideoPortScanRom of {} bytes at {:#x}, which is not inside a range "
                                         "VideoPortGetDeviceBase mapped",
                                         length, first));
    return FALSE;
  }
  const auto* wanted = reinterpret_cast<const char*>(string);
  std::size_t wanted_length = std::strlen(wanted);
  if (wanted_length > length) return FALSE;
  std::vector<UCHAR> rom(length);
  read_register_buffer(rom_base, bus::Width::Byte, rom.data(), length, rules::kScanRom, site);
  return std::search(rom.begin(), rom.end(), wanted, wanted + wanted_length) != rom.end() ? TRUE : FALSE;
}

}  // namespace vidport::videoport
