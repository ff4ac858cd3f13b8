#include "videoport/pool_blocks.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

namespace vidport::videoport {

PoolBlocks& PoolBlocks::instance() {
  static PoolBlocks blocks;
  return blocks;
}

void* PoolBlocks::allocate(std::size_t bytes) {
  bytes = std::max<std::size_t>(bytes, 1);
  void* block = std::aligned_alloc(16, (bytes + 15) & ~std::size_t{15});
  if (block == nullptr) return nullptr;
  std::lock_guard lock(mutex_);
  live_.emplace(reinterpret_cast<std::uintptr_t>(block), Block{bytes, ++allocated_});
  return block;
}

bool PoolBlocks::free(void* block) {
  {
    std::lock_guard lock(mutex_);
    if (live_.erase(reinterpret_cast<std::uintptr_t>(block)) == 0) return false;
  }
  std::free(block);
  return true;
}

std::optional<std::string> PoolBlocks::describe(std::uintptr_t address) {
  std::lock_guard lock(mutex_);
  auto next = live_.upper_bound(address);
  if (next == live_.begin()) return std::nullopt;
  const auto& [start, block] = *std::prev(next);
  if (address - start >= block.bytes) return std::nullopt;
  if (address == start) return fmt::format("the start of pool block #{} ({} bytes)", block.number, block.bytes);
  return fmt::format("a pointer {:#x} bytes into pool block #{} ({} bytes)", address - start, block.number,
                     block.bytes);
}

}  // namespace vidport::videoport
