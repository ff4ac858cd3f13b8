#include "videoport/emulator_ports.h"

#include <map>
#include <memory>

#include "videoport/adapter.h"
#include "videoport/call_rules.h"
#include "videoport/port_driver.h"

namespace vidport::videoport {

namespace {

std::optional<bus::Width> width_of(EMULATOR_PORT_ACCESS_TYPE type) {
  switch (type) {
    case Uchar: return bus::Width::Byte;
    case Ushort: return bus::Width::Word;
    case Ulong: return bus::Width::Dword;
  }
  return std::nullopt;
}

// The maps of all adapters. An adapter owns its map (Adapter::adopt) and the map's deleter
// removes it from here, so an entry never outlives its adapter.
std::mutex registry_mutex;
std::map<const Adapter*, EmulatorPorts*> registry;  // guarded by registry_mutex

}  // namespace

EmulatorPorts::EmulatorPorts(const EMULATOR_ACCESS_ENTRY* entries, std::uint32_t count, std::uintptr_t context)
    : context_(context) {
  for (std::uint32_t i = 0; entries != nullptr && i < count; ++i) {
    const EMULATOR_ACCESS_ENTRY& in = entries[i];
    std::optional<bus::Width> width = width_of(in.AccessType);
    const std::uint8_t mode = in.AccessMode & (EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS);
    if (!width || mode == 0 || in.Routine == nullptr || in.NumConsecutivePorts == 0 ||
        std::uint64_t{in.BasePort} + std::uint64_t{in.NumConsecutivePorts} * bus::bytes_of(*width) > 0x10000) {
      ++rejected_;
      continue;
    }
    EmulatorEntry entry;
    entry.base = static_cast<std::uint16_t>(in.BasePort);
    entry.count = in.NumConsecutivePorts;
    entry.width = *width;
    entry.access_mode = mode;
    entry.string_support = in.StringSupport != 0;
    entry.routine = in.Routine;
    for (std::uint32_t port = entry.first_port(); port < entry.end_port(); ++port) covered_.set(port);
    entries_.push_back(entry);
  }
  // By default every emulated port traps.
  for (std::uint32_t port = 0; port < 0x10000; ++port) {
    if (covered_.test(port)) set_trapped_bit(port, true);
  }
}

void EmulatorPorts::set_trapped_bit(std::uint32_t port, bool trapped) {
  std::atomic<std::uint64_t>& word = trapped_[port / 64];
  const std::uint64_t bit = std::uint64_t{1} << (port % 64);
  const std::uint64_t old = word.load(std::memory_order_relaxed);
  word.store(trapped ? (old | bit) : (old & ~bit), std::memory_order_release);
}

EmulatorPorts* EmulatorPorts::of(Adapter& adapter) {
  std::lock_guard lock(registry_mutex);
  auto found = registry.find(&adapter);
  if (found != registry.end()) return found->second;
  HostedAdapter* hosted = adapter.hosted();
  if (hosted == nullptr) return nullptr;
  const VIDEO_PORT_CONFIG_INFO& config = hosted->config;
  auto* ports = new EmulatorPorts(config.EmulatorAccessEntries, config.NumEmulatorAccessEntries,
                                  config.EmulatorAccessEntriesContext);
  const Adapter* key = &adapter;
  adapter.adopt(std::shared_ptr<void>(ports, [key](void* p) {
    {
      std::lock_guard inner(registry_mutex);
      registry.erase(key);
    }
    delete static_cast<EmulatorPorts*>(p);
  }));
  registry.emplace(key, ports);
  return ports;
}

std::uint32_t EmulatorPorts::set_trapped(std::uint32_t count, const VIDEO_ACCESS_RANGE* ranges) {
  std::lock_guard lock(mutex_);
  if (count > 0 && ranges == nullptr) {
    ++refused_;
    return ERROR_INVALID_PARAMETER;
  }
  // Check every element before changing anything, so a refused call leaves the map as it was.
  for (std::uint32_t i = 0; i < count; ++i) {
    const VIDEO_ACCESS_RANGE& range = ranges[i];
    const std::int64_t start = range.RangeStart.QuadPart;
    if (!range.RangeInIoSpace || range.RangeLength == 0 || start < 0 ||
        start + std::int64_t{range.RangeLength} > 0x10000) {
      ++refused_;
      return ERROR_INVALID_PARAMETER;
    }
    for (std::int64_t port = start; port < start + range.RangeLength; ++port) {
      if (!covered_.test(static_cast<std::size_t>(port))) {
        ++refused_;
        return ERROR_INVALID_PARAMETER;
      }
    }
  }
  for (std::uint32_t i = 0; i < count; ++i) {
    const VIDEO_ACCESS_RANGE& range = ranges[i];
    const auto start = static_cast<std::size_t>(range.RangeStart.QuadPart);
    for (std::size_t port = start; port < start + range.RangeLength; ++port) {
      set_trapped_bit(static_cast<std::uint32_t>(port), !range.RangeVisible);
    }
  }
  ++applied_;
  return NO_ERROR;
}

bool EmulatorPorts::trapped(std::uint16_t port, bus::Width width) const {
  for (unsigned i = 0; i < bus::bytes_of(width); ++i) {
    const std::uint32_t byte = std::uint32_t{port} + i;
    if (byte < 0x10000 && (trapped_[byte / 64].load(std::memory_order_acquire) >> (byte % 64) & 1) != 0) return true;
  }
  return false;
}

bool EmulatorPorts::covered(std::uint16_t port) const { return covered_.test(port); }

std::optional<EmulatorEntry> EmulatorPorts::entry_for(std::uint16_t port, bus::Width width) const {
  for (const EmulatorEntry& entry : entries_) {
    if (entry.handles(port, width)) return entry;
  }
  return std::nullopt;
}

std::uint64_t EmulatorPorts::applied_calls() const {
  std::lock_guard lock(mutex_);
  return applied_;
}

std::uint64_t EmulatorPorts::refused_calls() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

std::uint32_t set_trapped_emulator_ports(void* extension, std::uint32_t count, const VIDEO_ACCESS_RANGE* ranges,
                                         std::uintptr_t site) {
  enter(rules::kSetTrappedEmulatorPorts, site);
  Adapter* adapter = Adapter::from_extension(extension);
  EmulatorPorts* ports = adapter != nullptr ? EmulatorPorts::of(*adapter) : nullptr;
  if (ports == nullptr) return ERROR_INVALID_PARAMETER;
  return ports->set_trapped(count, ranges);
}

}  // namespace vidport::videoport
