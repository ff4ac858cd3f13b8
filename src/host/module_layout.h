// Where a loaded module's segments lie, read from its program headers: what the code map
// (kernel/miniport_code.h) registers and what WritableSegments saves.
//
// Rules: any host thread, while the module stays loaded; the addresses are the loaded ones.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace vidport::host {

struct ModuleLayout {
  using Range = std::pair<std::uintptr_t, std::uintptr_t>;  // [begin, end)
  std::vector<Range> code;      // executable PT_LOAD segments
  std::vector<Range> writable;  // writable PT_LOAD segments
  // The part the loader makes read-only after relocation (PT_GNU_RELRO), in whole pages as the
  // loader protects it; empty when there is none.
  Range relro{0, 0};
};

// The layout of the module dlopen returned as `handle`; nullopt when the loader cannot find it.
std::optional<ModuleLayout> layout_of(void* handle);

}  // namespace vidport::host
