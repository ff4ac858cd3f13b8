// VideoPort's memory helpers and pool allocation. Contracts are those in
// include/ddk/vidport/vp_memory.h; vidport adds:
// - The pool keeps a table of live blocks, so VideoPortFreePool of a pointer the pool did not hand
//   out (or one freed already) is an InvalidParameter finding instead of heap corruption. Blocks
//   are 16-byte aligned. The table's mutex is taken at DISPATCH_LEVEL at most (call_rules.h).
// - VideoPortZeroDeviceMemory inside a device window writes zeros through the bus; elsewhere it
//   is a memset, like VideoPortZeroMemory.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vidport::videoport {

void* allocate_pool(void* extension, int pool_type, std::size_t bytes, std::uint32_t tag, std::uintptr_t site);
void free_pool(void* extension, void* block, std::uintptr_t site);
std::int32_t allocate_buffer(void* extension, std::uint32_t bytes, void** buffer, std::uintptr_t site);
void release_buffer(void* extension, void* buffer, std::uintptr_t site);
void* allocate_contiguous_memory(void* extension, std::uint32_t bytes, std::uint64_t highest, std::uintptr_t site);

void zero_memory(void* destination, std::uint32_t length, std::uintptr_t site);
void zero_device_memory(void* destination, std::uint32_t length, std::uintptr_t site);
void move_memory(void* destination, const void* source, std::uint32_t length, std::uintptr_t site);
std::size_t compare_memory(const void* a, const void* b, std::size_t length, std::uintptr_t site);

}  // namespace vidport::videoport
