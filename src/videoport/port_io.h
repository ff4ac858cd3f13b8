// VideoPort port and register accessors.
//
// Rules for accessors:
// - Each access is a preemption point and is charged to the clock, then goes to the bus.
// - A port "address" is the port number itself (semantics-decisions.md): the pointer value a
//   miniport passes, whether from VideoPortGetDeviceBase of an I/O range or a literal cast. A
//   value above 0xFFFF is no port: an InvalidParameter finding, reads give all ones.
// - Register accessors on RAM-backed memory (pool, a linear framebuffer) access it directly. An
//   address inside a device window (device_windows.h) goes to the device model on the bus at the
//   physical address the window stands for.
// - Any IRQL, any context: these are the calls an ISR makes. `rule` is the entry point's own
//   (each export has one; see exports/export_table.txt), so a finding names the exact function.
// - The *_value / *_values templates are what the exports call: one per DDK accessor family, the
//   element type giving the access width.
#pragma once

#include <cstdint>

#include "bus/access.h"
#include "videoport/call_rules.h"

namespace vidport::videoport {

std::uint32_t read_port(std::uintptr_t port, bus::Width width, const CallRule& rule, std::uintptr_t site);
void write_port(std::uintptr_t port, bus::Width width, std::uint32_t value, const CallRule& rule, std::uintptr_t site);
// Buffer variants: `count` accesses of `width` to the same port, in order.
void read_port_buffer(std::uintptr_t port, bus::Width width, void* buffer, std::uint32_t count, const CallRule& rule,
                      std::uintptr_t site);
void write_port_buffer(std::uintptr_t port, bus::Width width, const void* buffer, std::uint32_t count,
                       const CallRule& rule, std::uintptr_t site);

// Port writes made so far on the calling thread from inside synchronize callbacks (a validator's
// playbacks write nothing else there). The full-screen router measures playbacks with it around
// each emulator routine call. Any thread; a thread that is no virtual processor reads 0.
std::uint64_t synchronize_callback_port_writes();

std::uint32_t read_register(const volatile void* address, bus::Width width, const CallRule& rule, std::uintptr_t site);
void write_register(volatile void* address, bus::Width width, std::uint32_t value, const CallRule& rule,
                    std::uintptr_t site);
void read_register_buffer(const volatile void* address, bus::Width width, void* buffer, std::uint32_t count,
                          const CallRule& rule, std::uintptr_t site);
void write_register_buffer(volatile void* address, bus::Width width, const void* buffer, std::uint32_t count,
                           const CallRule& rule, std::uintptr_t site);

// The access width of an element type (UCHAR, USHORT, ULONG).
template <typename T>
constexpr bus::Width width_of() {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4, "accessors move 1, 2 or 4 bytes");
  return sizeof(T) == 1 ? bus::Width::Byte : sizeof(T) == 2 ? bus::Width::Word : bus::Width::Dword;
}

// A port "address" is the pointer's value (see the rules above).
inline std::uintptr_t port_number(const volatile void* port) { return reinterpret_cast<std::uintptr_t>(port); }

template <typename T, const CallRule& Rule>
T read_port_value(T* port, std::uintptr_t site) {
  return static_cast<T>(read_port(port_number(port), width_of<T>(), Rule, site));
}
template <typename T, const CallRule& Rule>
void write_port_value(T* port, T value, std::uintptr_t site) {
  write_port(port_number(port), width_of<T>(), value, Rule, site);
}
template <typename T, const CallRule& Rule>
void read_port_values(T* port, T* buffer, std::uint32_t count, std::uintptr_t site) {
  read_port_buffer(port_number(port), width_of<T>(), buffer, count, Rule, site);
}
template <typename T, const CallRule& Rule>
void write_port_values(T* port, T* buffer, std::uint32_t count, std::uintptr_t site) {
  write_port_buffer(port_number(port), width_of<T>(), buffer, count, Rule, site);
}
template <typename T, const CallRule& Rule>
T read_register_value(T* address, std::uintptr_t site) {
  return static_cast<T>(read_register(address, width_of<T>(), Rule, site));
}
template <typename T, const CallRule& Rule>
void write_register_value(T* address, T value, std::uintptr_t site) {
  write_register(address, width_of<T>(), value, Rule, site);
}
template <typename T, const CallRule& Rule>
void read_register_values(T* address, T* buffer, std::uint32_t count, std::uintptr_t site) {
  read_register_buffer(address, width_of<T>(), buffer, count, Rule, site);
}
template <typename T, const CallRule& Rule>
void write_register_values(T* address, T* buffer, std::uint32_t count, std::uintptr_t site) {
  write_register_buffer(address, width_of<T>(), buffer, count, Rule, site);
}

}  // namespace vidport::videoport
