// The emulator access entries of one adapter and its I/O permission map (IOPM): which ports a
// full-screen (V86) program touches directly and which ones trap to the miniport's emulator
// routines.
//
// Rules for emulator ports:
// - The entries are the ones HwVidFindAdapter left in VIDEO_PORT_CONFIG_INFO
//   (EmulatorAccessEntries, NumEmulatorAccessEntries, EmulatorAccessEntriesContext), copied when
//   the adapter's map is first asked for. An entry covers NumConsecutivePorts ports of its access
//   width: bytes [BasePort, BasePort + NumConsecutivePorts * width). Entries without a routine,
//   without an access mode or reaching past port FFFFh are left out (rejected_entries()).
// - The IOPM has one bit per byte port, as the x86 IOPM. Every port an entry covers starts
//   trapped; ports no entry covers are never trapped (the session routes them itself).
// - set_trapped() is VideoPortSetTrappedEmulatorPorts: every element must be an I/O range inside
//   the entries, or nothing changes and the result is ERROR_INVALID_PARAMETER. Elements apply
//   first to last: RangeVisible clears the bits (direct access), otherwise sets them (trapped).
// - An access of several bytes is trapped when any of its bytes is.
// - Any thread; the map takes its own lock, never held while miniport code runs. trapped() takes
//   no lock: it is asked at every port access of a full-screen program, and reads the map's words
//   atomically (a reader racing a set_trapped() call sees each port either before or after it).
#pragma once

#include <video.h>

#include <array>
#include <atomic>
#include <bitset>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "bus/access.h"

namespace vidport::videoport {

class Adapter;

struct EmulatorEntry {
  std::uint16_t base = 0;
  std::uint32_t count = 0;  // ports of `width`
  bus::Width width = bus::Width::Byte;
  std::uint8_t access_mode = 0;  // EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS
  bool string_support = false;   // `routine` is the ..._STRING handler
  void* routine = nullptr;

  std::uint32_t first_port() const { return base; }
  std::uint32_t end_port() const { return base + count * bus::bytes_of(width); }  // exclusive
  // True when an access of this entry's width at `port` is one of its elements.
  bool handles(std::uint16_t port, bus::Width access) const {
    return access == width && port >= first_port() && port < end_port() &&
           (port - base) % bus::bytes_of(width) == 0;
  }
};

class EmulatorPorts {
 public:
  EmulatorPorts(const EMULATOR_ACCESS_ENTRY* entries, std::uint32_t count, std::uintptr_t context);
  EmulatorPorts(const EmulatorPorts&) = delete;
  EmulatorPorts& operator=(const EmulatorPorts&) = delete;

  // The map of `adapter`, built from its configuration on first use and owned by the adapter
  // from then on; nullptr for an adapter the port driver does not host (a hand-built test one).
  static EmulatorPorts* of(Adapter& adapter);

  // VideoPortSetTrappedEmulatorPorts (see the rules above): NO_ERROR or ERROR_INVALID_PARAMETER.
  std::uint32_t set_trapped(std::uint32_t count, const VIDEO_ACCESS_RANGE* ranges);

  // True when an access of `width` at `port` traps (see the rules above).
  bool trapped(std::uint16_t port, bus::Width width) const;
  // True when some entry covers byte port `port`.
  bool covered(std::uint16_t port) const;
  // The entry of `width` that handles `port`, if one does.
  std::optional<EmulatorEntry> entry_for(std::uint16_t port, bus::Width width) const;

  std::uintptr_t context() const { return context_; }
  const std::vector<EmulatorEntry>& entries() const { return entries_; }
  std::uint32_t rejected_entries() const { return rejected_; }
  // VideoPortSetTrappedEmulatorPorts calls that changed the map, and those refused.
  std::uint64_t applied_calls() const;
  std::uint64_t refused_calls() const;

 private:
  std::vector<EmulatorEntry> entries_;  // read-only after construction
  std::bitset<65536> covered_;          // read-only after construction
  std::uintptr_t context_;
  std::uint32_t rejected_ = 0;
  mutable std::mutex mutex_;
  // One bit per byte port, 1 = trapped. Written under mutex_, read without it.
  std::array<std::atomic<std::uint64_t>, 65536 / 64> trapped_{};
  void set_trapped_bit(std::uint32_t port, bool trapped);
  std::uint64_t applied_ = 0;   // guarded by mutex_
  std::uint64_t refused_ = 0;   // guarded by mutex_
};

// VideoPortSetTrappedEmulatorPorts for the adapter of `extension`. PASSIVE_LEVEL only (a
// finding otherwise; the call still goes on). ERROR_INVALID_PARAMETER for an unknown extension.
std::uint32_t set_trapped_emulator_ports(void* extension, std::uint32_t count, const VIDEO_ACCESS_RANGE* ranges,
                                         std::uintptr_t site);

}  // namespace vidport::videoport
