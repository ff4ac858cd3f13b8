#include "bus/io_bus.h"

namespace vidport::bus {

namespace {
const std::string kNoOwner;
}

IoBus::IoBus() { port_owner_.fill(kNone); }

bool IoBus::map_ports(std::uint16_t first, std::uint16_t last, PortDevice& device,
                      std::uint8_t widths, std::string name) {
  if (last < first || port_ranges_.size() >= kNone) return false;
  for (unsigned p = first; p <= last; ++p) {
    if (port_owner_[p] != kNone) return false;
  }
  auto index = static_cast<std::uint8_t>(port_ranges_.size());
  port_ranges_.push_back({&device, widths, std::move(name)});
  for (unsigned p = first; p <= last; ++p) port_owner_[p] = index;
  return true;
}

bool IoBus::map_memory(std::uint64_t base, std::uint64_t length, MemoryDevice& device,
                       std::uint8_t widths, std::string name) {
  if (length == 0) return false;
  for (const auto& r : memory_ranges_) {
    if (base < r.base + r.length && r.base < base + length) return false;
  }
  memory_ranges_.push_back({base, length, &device, widths, std::move(name)});
  return true;
}

const std::string& IoBus::port_owner_name(std::uint16_t port) const {
  std::uint8_t owner = port_owner_[port];
  return owner == kNone ? kNoOwner : port_ranges_[owner].name;
}

const IoBus::MemoryRange* IoBus::find_memory(std::uint64_t address) const {
  for (const auto& r : memory_ranges_) {
    if (address - r.base < r.length) return &r;
  }
  return nullptr;
}

std::uint32_t IoBus::dispatch_port_read(std::uint16_t port, Width width) {
  std::uint8_t owner = port_owner_[port];
  if (owner != kNone && accepts(port_ranges_[owner].widths, width)) {
    return port_ranges_[owner].device->read_port(port, width) & all_ones(width);
  }
  if (width == Width::Byte) return 0xFF;  // unclaimed
  std::uint32_t value = 0;
  for (unsigned i = 0; i < bytes_of(width); ++i) {
    value |= dispatch_port_read(static_cast<std::uint16_t>(port + i), Width::Byte) << (8 * i);
  }
  return value;
}

void IoBus::dispatch_port_write(std::uint16_t port, Width width, std::uint32_t value) {
  std::uint8_t owner = port_owner_[port];
  if (owner != kNone && accepts(port_ranges_[owner].widths, width)) {
    port_ranges_[owner].device->write_port(port, width, value & all_ones(width));
    return;
  }
  if (width == Width::Byte) return;  // unclaimed
  for (unsigned i = 0; i < bytes_of(width); ++i) {
    dispatch_port_write(static_cast<std::uint16_t>(port + i), Width::Byte, (value >> (8 * i)) & 0xFF);
  }
}

std::uint32_t IoBus::read_port(std::uint16_t port, Width width) {
  std::uint32_t value = dispatch_port_read(port, width);
  if (observer_) observer_->on_port_access(Direction::Read, port, width, value, port_claimed(port));
  return value;
}

void IoBus::write_port(std::uint16_t port, Width width, std::uint32_t value) {
  value &= all_ones(width);
  dispatch_port_write(port, width, value);
  if (observer_) observer_->on_port_access(Direction::Write, port, width, value, port_claimed(port));
}

std::uint32_t IoBus::read_memory(std::uint64_t address, Width width) {
  const MemoryRange* r = find_memory(address);
  if (r && accepts(r->widths, width) && address + bytes_of(width) <= r->base + r->length) {
    return r->device->read_memory(address, width) & all_ones(width);
  }
  if (width == Width::Byte) return r ? r->device->read_memory(address, width) & 0xFF : 0xFF;
  std::uint32_t value = 0;
  for (unsigned i = 0; i < bytes_of(width); ++i) value |= read_memory(address + i, Width::Byte) << (8 * i);
  return value;
}

void IoBus::write_memory(std::uint64_t address, Width width, std::uint32_t value) {
  const MemoryRange* r = find_memory(address);
  if (r && accepts(r->widths, width) && address + bytes_of(width) <= r->base + r->length) {
    r->device->write_memory(address, width, value & all_ones(width));
    return;
  }
  if (width == Width::Byte) {
    if (r) r->device->write_memory(address, width, value & 0xFF);
    return;
  }
  for (unsigned i = 0; i < bytes_of(width); ++i) write_memory(address + i, Width::Byte, (value >> (8 * i)) & 0xFF);
}

}  // namespace vidport::bus
