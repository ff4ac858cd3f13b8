// The live blocks of VideoPort's pool (VideoPortAllocatePool, VideoPortAllocateBuffer,
// VideoPortAllocateContiguousMemory).
//
// Rules for pool blocks:
// - Looking a pointer up here (rather than reading a header in front of it) keeps a free of a
//   foreign pointer from touching memory the miniport does not own.
// - Each block gets a number, counting from 1 in allocation order within the process, so that a
//   finding can name a block ("pool block #3") the same way in every process that makes the same
//   allocations; host addresses differ from process to process.
// - Any thread; an internal mutex, taken at DISPATCH_LEVEL at most (call_rules.h) and never held
//   while miniport code runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace vidport::videoport {

class PoolBlocks {
 public:
  // The one pool of the process.
  static PoolBlocks& instance();

  // A 16-byte aligned block of at least `bytes` (1 when 0), or nullptr when the host is out of memory.
  void* allocate(std::size_t bytes);
  // Frees `block` if it is the start of a live block; false otherwise (nothing is touched).
  bool free(void* block);

  // "the start of pool block #3 (256 bytes)" or "a pointer 0x40 bytes into pool block #3 (256
  // bytes)" when `address` lies in a live block; nullopt otherwise.
  std::optional<std::string> describe(std::uintptr_t address);

 private:
  struct Block {
    std::size_t bytes;
    std::uint64_t number;
  };
  std::mutex mutex_;
  std::map<std::uintptr_t, Block> live_;  // by start address; guarded by mutex_
  std::uint64_t allocated_ = 0;           // guarded by mutex_
};

}  // namespace vidport::videoport
