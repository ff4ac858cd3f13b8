#include "v86/port_router.h"

#include <video.h>

#include <cstring>

#include "videoport/emulator_ports.h"
#include "videoport/port_driver.h"
#include "videoport/port_io.h"

namespace vidport::v86 {

namespace {

using bus::Direction;
using bus::Width;

UCHAR mode_of(Direction direction) {
  return direction == Direction::Read ? EMULATOR_READ_ACCESS : EMULATOR_WRITE_ACCESS;
}

bool in_vga(std::uint16_t port, Width width) {
  return port >= kVgaFirstPort && std::uint32_t{port} + bus::bytes_of(width) - 1 <= kVgaLastPort;
}

// NTSTATUS success (the routines return VP_STATUS NO_ERROR, the same 0).
constexpr NTSTATUS kSuccess = 0;

Width half_of(Width width) { return width == Width::Dword ? Width::Word : Width::Byte; }

// Calls `entry`'s routine for `count` elements at `data` (the string form when it has string
// support, else the single form with count 1). Returns the routine's status.
NTSTATUS call_emulator_routine(const videoport::EmulatorEntry& entry, std::uintptr_t context, std::uint16_t port,
                      Direction direction, void* data, std::uint32_t count) {
  const UCHAR mode = mode_of(direction);
  if (entry.string_support) {
    switch (entry.width) {
      case Width::Byte:
        return reinterpret_cast<PDRIVER_IO_PORT_UCHAR_STRING>(entry.routine)(context, port, mode,
                                                                              static_cast<PUCHAR>(data), count);
      case Width::Word:
        return reinterpret_cast<PDRIVER_IO_PORT_USHORT_STRING>(entry.routine)(context, port, mode,
                                                                               static_cast<PUSHORT>(data), count);
      case Width::Dword:
        return reinterpret_cast<PDRIVER_IO_PORT_ULONG_STRING>(entry.routine)(context, port, mode,
                                                                              static_cast<PULONG>(data), count);
    }
  }
  switch (entry.width) {
    case Width::Byte:
      return reinterpret_cast<PDRIVER_IO_PORT_UCHAR>(entry.routine)(context, port, mode, static_cast<PUCHAR>(data));
    case Width::Word:
      return reinterpret_cast<PDRIVER_IO_PORT_USHORT>(entry.routine)(context, port, mode, static_cast<PUSHORT>(data));
    case Width::Dword:
      return reinterpret_cast<PDRIVER_IO_PORT_ULONG>(entry.routine)(context, port, mode, static_cast<PULONG>(data));
  }
  return 0;
}

}  // namespace

PortRouter::PortRouter(bus::IoBus& device_bus, videoport::EmulatorPorts* ports, NullPortDevice& null_device)
    : device_bus_(device_bus), ports_(ports), null_(null_device) {}

std::uint32_t PortRouter::read_port(std::uint16_t port, Width width) {
  return route(Direction::Read, port, width, 0);
}

void PortRouter::write_port(std::uint16_t port, Width width, std::uint32_t value) {
  route(Direction::Write, port, width, value);
}

std::uint32_t PortRouter::route(Direction direction, std::uint16_t port, Width width, std::uint32_t value) {
  videoport::EmulatorPorts* ports = ports_.load(std::memory_order_acquire);
  if (ports != nullptr && traps_enabled_.load(std::memory_order_relaxed) && ports->trapped(port, width)) {
    return emulate(*ports, direction, port, width, value);
  }
  return untrapped(direction, port, width, value);
}

std::uint32_t PortRouter::untrapped(Direction direction, std::uint16_t port, Width width, std::uint32_t value) {
  if (in_vga(port, width)) {
    direct_.fetch_add(1, std::memory_order_relaxed);
    if (direction == Direction::Read) return device_bus_.read_port(port, width);
    device_bus_.write_port(port, width, value);
    return 0;
  }
  null_count_.fetch_add(1, std::memory_order_relaxed);
  if (direction == Direction::Read) return null_.read_port(port, width);
  null_.write_port(port, width, value);
  return 0;
}

std::uint32_t PortRouter::emulate(videoport::EmulatorPorts& ports, Direction direction, std::uint16_t port,
                                  Width width, std::uint32_t value) {
  std::optional<videoport::EmulatorEntry> entry = ports.entry_for(port, width);
  if (!entry) {
    if (width == Width::Byte) return untrapped(direction, port, width, value);
    // No handler of this width: the access becomes two narrower ones, low half first.
    const Width half = half_of(width);
    const unsigned shift = 8 * bus::bytes_of(half);
    const std::uint32_t mask = bus::all_ones(half);
    const auto high_port = static_cast<std::uint16_t>(port + bus::bytes_of(half));
    const std::uint32_t low = route(direction, port, half, value & mask);
    const std::uint32_t high = route(direction, high_port, half, (value >> shift) & mask);
    return direction == Direction::Read ? (low | (high << shift)) : 0;
  }
  if ((entry->access_mode & mode_of(direction)) == 0) return untrapped(direction, port, width, value);
  std::uint32_t data = direction == Direction::Write ? value : bus::all_ones(width);
  emulated_.fetch_add(1, std::memory_order_relaxed);
  // Little-endian host: the low bytes of `data` are the element of any width.
  if (run_routine(*entry, ports.context(), port, direction, &data, 1) != kSuccess) {
    failed_.fetch_add(1, std::memory_order_relaxed);
  }
  return direction == Direction::Read ? (data & bus::all_ones(width)) : 0;
}

void PortRouter::transfer_string(Direction direction, std::uint16_t port, Width width, void* data,
                                 std::uint32_t count) {
  if (count == 0) return;
  videoport::EmulatorPorts* ports = ports_.load(std::memory_order_acquire);
  if (ports != nullptr && traps_enabled_.load(std::memory_order_relaxed) && ports->trapped(port, width)) {
    std::optional<videoport::EmulatorEntry> entry = ports->entry_for(port, width);
    if (entry && entry->string_support && (entry->access_mode & mode_of(direction)) != 0) {
      string_calls_.fetch_add(1, std::memory_order_relaxed);
      if (run_routine(*entry, ports->context(), port, direction, data, count) != kSuccess) {
        failed_.fetch_add(1, std::memory_order_relaxed);
      }
      return;
    }
  }
  auto* bytes = static_cast<std::uint8_t*>(data);
  const unsigned size = bus::bytes_of(width);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t element = 0;
    std::memcpy(&element, bytes + std::size_t{i} * size, size);
    element = route(direction, port, width, element);
    if (direction == Direction::Read) std::memcpy(bytes + std::size_t{i} * size, &element, size);
  }
}

std::int32_t PortRouter::run_routine(const videoport::EmulatorEntry& entry, std::uintptr_t context, std::uint16_t port,
                                 Direction direction, void* data, std::uint32_t count) {
  const std::uint64_t before = videoport::synchronize_callback_port_writes();
  const NTSTATUS status = videoport::call_routine(
      "HwVidEmulatorRoutine", [&] { return call_emulator_routine(entry, context, port, direction, data, count); });
  const std::uint64_t written = videoport::synchronize_callback_port_writes() - before;
  if (written > 0) {
    playbacks_.fetch_add(1, std::memory_order_relaxed);
    playback_writes_.fetch_add(written, std::memory_order_relaxed);
  }
  return status;
}

RouteCounts PortRouter::counts() const {
  RouteCounts c;
  c.direct = direct_.load(std::memory_order_relaxed);
  c.emulated = emulated_.load(std::memory_order_relaxed);
  c.string_calls = string_calls_.load(std::memory_order_relaxed);
  c.null = null_count_.load(std::memory_order_relaxed);
  c.failed_calls = failed_.load(std::memory_order_relaxed);
  c.playbacks = playbacks_.load(std::memory_order_relaxed);
  c.playback_writes = playback_writes_.load(std::memory_order_relaxed);
  return c;
}

}  // namespace vidport::v86
