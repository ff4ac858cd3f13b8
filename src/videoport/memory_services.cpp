#include "videoport/memory_services.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "kernel/observer.h"
#include "videoport/call_rules.h"
#include "videoport/device_windows.h"
#include "videoport/pointer_description.h"
#include "videoport/pool_blocks.h"

namespace vidport::videoport {

namespace {

void* pool_allocate(std::size_t bytes, std::uint32_t tag) { return PoolBlocks::instance().allocate(bytes); }

bool pool_free(void* block) { return block != nullptr && PoolBlocks::instance().free(block); }

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
    invalid(p, site, fmt::format("VideoPortFreePool of {}, which is no live block from VideoPortAllocatePool",
                                 describe_pointer(reinterpret_cast<std::uintptr_t>(block))));
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
    invalid(p, site, fmt::format("VideoPortReleaseBuffer of {}, which VideoPortAllocateBuffer did not return",
                                 describe_pointer(reinterpret_cast<std::uintptr_t>(buffer))));
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
