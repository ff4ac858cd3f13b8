#include "videoport/memory_services.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "kernel/observer.h"
#include "videoport/call_rules.h"
#include "videoport/device_windows.h"

namespace vidport::videoport {

namespace {

// Live pool blocks. Looking a pointer up here (rather than reading a header in front of it) keeps
// VideoPortFreePool of a foreign pointer from touching memory the miniport does not own.
class PoolBlocks {
 public:
  void* allocate(std::size_t bytes) {
    void* block = std::aligned_alloc(16, (std::max<std::size_t>(bytes, 1) + 15) & ~std::size_t{15});
    if (block == nullptr) return nullptr;
    std::lock_guard lock(mutex_);
    live_.insert(block);
    return block;
  }
  bool free(void* block) {
    {
      std::lock_guard lock(mutex_);
      if (live_.erase(block) == 0) return false;
    }
    std::free(block);
    return true;
  }

 private:
  std::mutex mutex_;
  std::unordered_set<void*> live_;  // guarded by mutex_
};

PoolBlocks& pool() {
  static PoolBlocks blocks;
  return blocks;
}

void* pool_allocate(std::size_t bytes, std::uint32_t tag) { return pool().allocate(bytes); }

bool pool_free(void* block) { return block != nullptr && pool().free(block); }

void invalid(kernel::Processor& p, std::uintptr_t site, std::string message) {
  p.machine().report(kernel::make_finding(findings::FindingKind::InvalidParameter, site, std::move(message)));
}

}  // namespace

void* allocate_pool(void* extension, int pool_type, std::size_t bytes, std::uint32_t tag, std::uintptr_t site) {
  enter(rules::kAllocatePool, site);
  return pool_allocate(bytes, tag);
}

void free_pool(void* extension, void* block, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kFreePool, site);
  if (!pool_free(block)) {
    invalid(p, site, fmt::format("VideoPortFreePool of {}, which is no live block from VideoPortAllocatePool", block));
  }
}

std::int32_t allocate_buffer(void* extension, std::uint32_t bytes, void** buffer, std::uintptr_t site) {
  enter(rules::kAllocateBuffer, site);
  if (buffer == nullptr) return 87;  // ERROR_INVALID_PARAMETER
  *buffer = pool_allocate(bytes, 0);
  return *buffer ? 0 : 8;  // NO_ERROR or ERROR_NOT_ENOUGH_MEMORY
}

void release_buffer(void* extension, void* buffer, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kReleaseBuffer, site);
  if (!pool_free(buffer)) {
    invalid(p, site, fmt::format("VideoPortReleaseBuffer of {}, which VideoPortAllocateBuffer did not return", buffer));
  }
}

void* allocate_contiguous_memory(void* extension, std::uint32_t bytes, std::uint64_t highest, std::uintptr_t site) {
  enter(rules::kAllocateContiguousMemory, site);
  return pool_allocate(bytes, 0);
}

void zero_memory(void* destination, std::uint32_t length, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kZeroMemory, site);
  p.note_access({destination, length, true, false, site});
  std::memset(destination, 0, length);
}

void zero_device_memory(void* destination, std::uint32_t length, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kZeroDeviceMemory, site);
  if (auto physical = DeviceWindows::instance().translate_device(destination)) {
    for (std::uint32_t i = 0; i < length; ++i) p.machine().bus().write_memory(*physical + i, bus::Width::Byte, 0);
    return;
  }
  std::memset(destination, 0, length);
}

void move_memory(void* destination, const void* source, std::uint32_t length, std::uintptr_t site) {
  kernel::Processor& p = enter(rules::kMoveMemory, site);
  p.note_access({source, length, false, false, site});
  p.note_access({destination, length, true, false, site});
  std::memmove(destination, source, length);
}

std::size_t compare_memory(const void* a, const void* b, std::size_t length, std::uintptr_t site) {
  enter(rules::kCompareMemory, site);
  const auto* x = static_cast<const unsigned char*>(a);
  const auto* y = static_cast<const unsigned char*>(b);
  std::size_t i = 0;
  while (i < length && x[i] == y[i]) ++i;
  return i;
}

}  // namespace vidport::videoport
