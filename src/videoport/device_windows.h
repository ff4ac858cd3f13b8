// Host address ranges that stand for physical memory the miniport mapped with
// VideoPortGetDeviceBase or VideoPortMapMemory.
//
// Rules for device windows (semantics-decisions.md, "I/O addresses and memory"):
// - A range the bus decodes as a device (the VGA window A0000-BFFFF) becomes a *device window*:
//   host addresses reserved with PROT_NONE. The register accessors translate an address inside a
//   window to the bus physical address; a plain dereference faults, and the crash guard asks
//   find() to report it as a dereference of a device window.
// - Any other range is RAM: one sparse shared-memory file stands for physical memory, so two
//   mappings of the same physical range alias each other (the miniport's and the display
//   driver's view of a frame buffer) and the host can read what the miniport drew.
// - Lookups (translate, find) are lock-free and async-signal-safe: windows live in a fixed table
//   published with a release store and are never moved. Map and unmap take a mutex.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>

namespace vidport::videoport {

class DeviceWindows {
 public:
  static constexpr unsigned kMaxWindows = 64;

  struct Window {
    std::uintptr_t host = 0;      // first host address
    std::size_t length = 0;       // bytes (whole pages)
    std::uint64_t physical = 0;   // bus physical address of `host`
    bool device = false;          // true: PROT_NONE device window; false: RAM
  };

  // The one table of the process (windows are process-wide host address ranges).
  static DeviceWindows& instance();

  // Maps `length` bytes at `physical`. `device` selects a device window (PROT_NONE) or RAM.
  // Returns the host address of `physical` itself (not page-aligned when `physical` is not), or
  // nullptr when the table is full or the host refuses the mapping. Host side or PASSIVE_LEVEL.
  void* map(std::uint64_t physical, std::size_t length, bool device);
  // Unmaps the window containing `address`; false when `address` is in no window.
  bool unmap(const void* address);
  // Sets the RAM at `physical` to `bytes`, as firmware leaves memory before a miniport runs (the
  // option ROM the video BIOS's POST left at C0000h). Host side, while no miniport code runs;
  // false when the host refuses the write.
  bool fill_ram(std::uint64_t physical, const void* bytes, std::size_t length);

  // The window containing `address`, if any. Lock-free; safe in a signal handler.
  std::optional<Window> find(std::uintptr_t address) const;
  // The bus physical address behind `address` when it lies in a device window. Lock-free.
  std::optional<std::uint64_t> translate_device(const volatile void* address) const {
    if (published_.load(std::memory_order_acquire) == 0) return std::nullopt;
    auto w = find(reinterpret_cast<std::uintptr_t>(address));
    if (!w || !w->device) return std::nullopt;
    return w->physical + (reinterpret_cast<std::uintptr_t>(address) - w->host);
  }

 private:
  DeviceWindows() = default;
  int ram_file();

  struct Slot {
    std::atomic<std::uintptr_t> host{0};  // 0: free
    std::atomic<std::size_t> length{0};
    std::atomic<std::uint64_t> physical{0};
    std::atomic<bool> device{false};
  };

  std::mutex mutex_;  // serializes map/unmap
  int ram_fd_ = -1;   // guarded by mutex_
  Slot slots_[kMaxWindows];
  std::atomic<unsigned> published_{0};  // slots ever used; lookups scan this many
};

}  // namespace vidport::videoport
