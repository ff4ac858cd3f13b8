#include "videoport/port_io.h"

#include <cstring>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/call_rules.h"
#include "videoport/device_windows.h"

namespace vidport::videoport {

namespace {

// True when `port` is a port number; otherwise an InvalidParameter finding naming the accessor.
bool valid_port(kernel::Processor& p, std::uintptr_t port, const CallRule& rule, std::uintptr_t site) {
  if (port <= 0xFFFF) return true;
  p.machine().report(kernel::make_finding(
      findings::FindingKind::InvalidParameter, site,
      fmt::format("{} was given {:#x}, which is not an I/O port number (0..0xFFFF)", rule.name, port)));
  return false;
}

std::uint32_t load(const volatile void* address, bus::Width width) {
  switch (width) {
    case bus::Width::Byte: return *static_cast<const volatile std::uint8_t*>(address);
    case bus::Width::Word: return *static_cast<const volatile std::uint16_t*>(address);
    case bus::Width::Dword: return *static_cast<const volatile std::uint32_t*>(address);
  }
  return 0;
}

void store(volatile void* address, bus::Width width, std::uint32_t value) {
  switch (width) {
    case bus::Width::Byte: *static_cast<volatile std::uint8_t*>(address) = static_cast<std::uint8_t>(value); break;
    case bus::Width::Word: *static_cast<volatile std::uint16_t*>(address) = static_cast<std::uint16_t>(value); break;
    case bus::Width::Dword: *static_cast<volatile std::uint32_t*>(address) = value; break;
  }
}

}  // namespace

std::uint32_t read_port(std::uintptr_t port, bus::Width width, const CallRule& rule, std::uintptr_t site) {
  kernel::Processor& p = enter(rule, site, kernel::PointKind::PortAccess);
  if (!valid_port(p, port, rule, site)) return bus::all_ones(width);
  kernel::Machine& m = p.machine();
  m.clock().on_bus_access();
  return m.bus().read_port(static_cast<std::uint16_t>(port), width);
}

namespace {
thread_local std::uint64_t t_synchronize_callback_port_writes __attribute__((tls_model("initial-exec"))) = 0;
}  // namespace

std::uint64_t synchronize_callback_port_writes() { return t_synchronize_callback_port_writes; }

void write_port(std::uintptr_t port, bus::Width width, std::uint32_t value, const CallRule& rule,
                std::uintptr_t site) {
  kernel::Processor& p = enter(rule, site, kernel::PointKind::PortAccess);
  if (!valid_port(p, port, rule, site)) return;
  if (p.context() == kernel::ContextKind::SynchronizeCallback) ++t_synchronize_callback_port_writes;
  kernel::Machine& m = p.machine();
  m.clock().on_bus_access();
  m.bus().write_port(static_cast<std::uint16_t>(port), width, value);
}

void read_port_buffer(std::uintptr_t port, bus::Width width, void* buffer, std::uint32_t count, const CallRule& rule,
                      std::uintptr_t site) {
  auto* out = static_cast<unsigned char*>(buffer);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t value = read_port(port, width, rule, site);
    std::memcpy(out + i * bus::bytes_of(width), &value, bus::bytes_of(width));
  }
}

void write_port_buffer(std::uintptr_t port, bus::Width width, const void* buffer, std::uint32_t count,
                       const CallRule& rule, std::uintptr_t site) {
  const auto* in = static_cast<const unsigned char*>(buffer);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t value = 0;
    std::memcpy(&value, in + i * bus::bytes_of(width), bus::bytes_of(width));
    write_port(port, width, value, rule, site);
  }
}

std::uint32_t read_register(const volatile void* address, bus::Width width, const CallRule& rule, std::uintptr_t site) {
  kernel::Processor& p = enter(rule, site, kernel::PointKind::RegisterAccess);
  p.machine().clock().on_bus_access();
  if (auto physical = DeviceWindows::instance().translate_device(address)) {
    return p.machine().bus().read_memory(*physical, width);
  }
  return load(address, width);
}

void write_register(volatile void* address, bus::Width width, std::uint32_t value, const CallRule& rule,
                    std::uintptr_t site) {
  kernel::Processor& p = enter(rule, site, kernel::PointKind::RegisterAccess);
  p.machine().clock().on_bus_access();
  if (auto physical = DeviceWindows::instance().translate_device(address)) {
    p.machine().bus().write_memory(*physical, width, value);
    return;
  }
  store(address, width, value);
}

void read_register_buffer(const volatile void* address, bus::Width width, void* buffer, std::uint32_t count,
                          const CallRule& rule, std::uintptr_t site) {
  auto* out = static_cast<unsigned char*>(buffer);
  const auto* in = static_cast<const volatile unsigned char*>(address);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t value = read_register(in + i * bus::bytes_of(width), width, rule, site);
    std::memcpy(out + i * bus::bytes_of(width), &value, bus::bytes_of(width));
  }
}

void write_register_buffer(volatile void* address, bus::Width width, const void* buffer, std::uint32_t count,
                           const CallRule& rule, std::uintptr_t site) {
  const auto* in = static_cast<const unsigned char*>(buffer);
  auto* out = static_cast<volatile unsigned char*>(address);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t value = 0;
    std::memcpy(&value, in + i * bus::bytes_of(width), bus::bytes_of(width));
    write_register(out + i * bus::bytes_of(width), width, value, rule, site);
  }
}

}  // namespace vidport::videoport
