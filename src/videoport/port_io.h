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
// - Any IRQL, any context: these are the calls an ISR makes.
#pragma once

#include <cstdint>

#include "bus/access.h"

namespace vidport::videoport {

std::uint32_t read_port(std::uintptr_t port, bus::Width width, std::uintptr_t site);
void write_port(std::uintptr_t port, bus::Width width, std::uint32_t value, std::uintptr_t site);
// Buffer variants: `count` accesses of `width` to the same port, in order.
void read_port_buffer(std::uintptr_t port, bus::Width width, void* buffer, std::uint32_t count, std::uintptr_t site);
void write_port_buffer(std::uintptr_t port, bus::Width width, const void* buffer, std::uint32_t count, std::uintptr_t site);

// Port writes made so far on the calling thread from inside synchronize callbacks (a validator's
// playbacks write nothing else there). The full-screen router measures playbacks with it around
// each emulator routine call. Any thread; a thread that is no virtual processor reads 0.
std::uint64_t synchronize_callback_port_writes();

std::uint32_t read_register(const volatile void* address, bus::Width width, std::uintptr_t site);
void write_register(volatile void* address, bus::Width width, std::uint32_t value, std::uintptr_t site);
void read_register_buffer(const volatile void* address, bus::Width width, void* buffer, std::uint32_t count, std::uintptr_t site);
void write_register_buffer(volatile void* address, bus::Width width, const void* buffer, std::uint32_t count, std::uintptr_t site);

}  // namespace vidport::videoport
