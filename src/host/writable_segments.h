// The writable data of a loaded miniport module — its .data and .bss, and whatever else its
// writable PT_LOAD segments hold — saved right after loading, so the module can be put back as it
// was then and started afresh in the same process, as often as needed.
//
// Rules for writable segments:
// - save() reads the module's layout (module_layout.h) and copies each writable PT_LOAD
//   segment, leaving out the part the loader made read-only after relocation (PT_GNU_RELRO:
//   GOT, init arrays, .data.rel.ro), which cannot change anyway. What the module's constructors
//   wrote is part of the saved state: they ran at load, before DriverEntry, and never again.
// - restore() writes the saved bytes back. Only while none of the module's code runs and nothing
//   else holds pointers into its data (between runs, on a host thread): it resets the module's
//   globals, not memory the module allocated, not its thread-local data.
// - Plain data otherwise; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vidport::host {

class WritableSegments {
 public:
  // Saves the writable segments of the module dlopen returned as `handle`; empty (nothing to
  // restore) when the module has none or cannot be found.
  static WritableSegments save(void* handle);

  void restore() const;
  // Bytes saved, over all segments.
  std::size_t size() const;

 private:
  struct Range {
    std::uint8_t* address = nullptr;  // in the loaded module
    std::vector<std::uint8_t> saved;
  };
  std::vector<Range> ranges_;
};

}  // namespace vidport::host
