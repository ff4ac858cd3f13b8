#include "videoport/device_windows.h"

#include <sys/mman.h>
#include <unistd.h>

namespace vidport::videoport {

namespace {
constexpr std::size_t kPage = 4096;
// Physical memory the RAM file stands for: 4 GiB, sparse (only touched pages cost memory).
constexpr std::uint64_t kPhysicalSpace = 1ull << 32;
}  // namespace

DeviceWindows& DeviceWindows::instance() {
  static DeviceWindows windows;
  return windows;
}

int DeviceWindows::ram_file() {
  if (ram_fd_ < 0) {
    int fd = memfd_create("vidport-physical-ram", MFD_CLOEXEC);
    if (fd >= 0 && ftruncate(fd, static_cast<off_t>(kPhysicalSpace)) != 0) {
      close(fd);
      fd = -1;
    }
    ram_fd_ = fd;
  }
  return ram_fd_;
}

void* DeviceWindows::map(std::uint64_t physical, std::size_t length, bool device) {
  if (length == 0) return nullptr;
  std::lock_guard lock(mutex_);
  std::uint64_t first = physical & ~std::uint64_t{kPage - 1};
  std::size_t bytes = ((physical + length + kPage - 1) & ~std::uint64_t{kPage - 1}) - first;
  void* host = MAP_FAILED;
  if (device) {
    host = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  } else if (first + bytes <= kPhysicalSpace && ram_file() >= 0) {
    host = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, ram_fd_, static_cast<off_t>(first));
  }
  if (host == MAP_FAILED) return nullptr;
  for (Slot& slot : slots_) {
    if (slot.host.load(std::memory_order_relaxed) != 0) continue;
    slot.length.store(bytes, std::memory_order_relaxed);
    slot.physical.store(first, std::memory_order_relaxed);
    slot.device.store(device, std::memory_order_relaxed);
    slot.host.store(reinterpret_cast<std::uintptr_t>(host), std::memory_order_release);
    unsigned used = static_cast<unsigned>(&slot - slots_) + 1;
    if (published_.load(std::memory_order_relaxed) < used) published_.store(used, std::memory_order_release);
    return static_cast<unsigned char*>(host) + (physical - first);
  }
  munmap(host, bytes);
  return nullptr;
}

bool DeviceWindows::fill_ram(std::uint64_t physical, const void* bytes, std::size_t length) {
  std::lock_guard lock(mutex_);
  if (physical + length > kPhysicalSpace || ram_file() < 0) return false;
  return pwrite(ram_fd_, bytes, length, static_cast<off_t>(physical)) == static_cast<ssize_t>(length);
}

bool DeviceWindows::unmap(const void* address) {
  std::lock_guard lock(mutex_);
  auto a = reinterpret_cast<std::uintptr_t>(address);
  for (Slot& slot : slots_) {
    std::uintptr_t host = slot.host.load(std::memory_order_relaxed);
    std::size_t length = slot.length.load(std::memory_order_relaxed);
    if (host == 0 || a < host || a >= host + length) continue;
    slot.host.store(0, std::memory_order_release);
    munmap(reinterpret_cast<void*>(host), length);
    return true;
  }
  return false;
}

std::optional<DeviceWindows::Window> DeviceWindows::find(std::uintptr_t address) const {
  unsigned used = published_.load(std::memory_order_acquire);
  for (unsigned i = 0; i < used; ++i) {
    const Slot& slot = slots_[i];
    std::uintptr_t host = slot.host.load(std::memory_order_acquire);
    std::size_t length = slot.length.load(std::memory_order_relaxed);
    if (host == 0 || address < host || address >= host + length) continue;
    return Window{host, length, slot.physical.load(std::memory_order_relaxed),
                  slot.device.load(std::memory_order_relaxed)};
  }
  return std::nullopt;
}

}  // namespace vidport::videoport
