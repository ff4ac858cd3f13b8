#include "host/writable_segments.h"

#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace vidport::host {

namespace {

struct Search {
  const link_map* module = nullptr;
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> writable;  // [begin, end)
  std::uintptr_t relro_begin = 0, relro_end = 0;                    // read-only after relocation
  bool found = false;
};

// Copies `size` bytes without the address sanitizer's checks: a module built with ASan has poisoned
// redzones between its globals, and they are part of the segment all the same. The volatile
// accesses keep the compiler from turning the loop into a memcpy call, which the sanitizer checks.
__attribute__((no_sanitize("address"))) void copy_unchecked(std::uint8_t* to, const std::uint8_t* from,
                                                            std::size_t size) {
  volatile std::uint8_t* t = to;
  const volatile std::uint8_t* f = from;
  for (std::size_t i = 0; i < size; ++i) t[i] = f[i];
}

int visit(dl_phdr_info* info, std::size_t, void* data) {
  auto& search = *static_cast<Search*>(data);
  // The loader's own list names the module by load address and path; both must match.
  if (info->dlpi_addr != search.module->l_addr || info->dlpi_name == nullptr ||
      std::strcmp(info->dlpi_name, search.module->l_name) != 0) {
    return 0;
  }
  search.found = true;
  const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  for (unsigned i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    const std::uintptr_t begin = info->dlpi_addr + ph.p_vaddr;
    if (ph.p_type == PT_LOAD && (ph.p_flags & PF_W) != 0 && ph.p_memsz != 0) {
      search.writable.emplace_back(begin, begin + ph.p_memsz);
    } else if (ph.p_type == PT_GNU_RELRO) {
      // The loader protects whole pages: from the page of the start to the page of the end, that
      // last page excluded.
      search.relro_begin = begin & ~(page - 1);
      search.relro_end = (begin + ph.p_memsz) & ~(page - 1);
    }
  }
  return 1;
}

}  // namespace

WritableSegments WritableSegments::save(void* handle) {
  WritableSegments segments;
  Search search;
  link_map* module = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &module) != 0 || module == nullptr) return segments;
  search.module = module;
  dl_iterate_phdr(&visit, &search);
  auto keep = [&](std::uintptr_t begin, std::uintptr_t end) {
    if (begin >= end) return;
    Range range;
    range.address = reinterpret_cast<std::uint8_t*>(begin);
    range.saved.resize(end - begin);
    copy_unchecked(range.saved.data(), range.address, range.saved.size());
    segments.ranges_.push_back(std::move(range));
  };
  for (auto [begin, end] : search.writable) {
    // The segment minus the read-only part, which may cover its start, its end, or neither.
    const std::uintptr_t cut_begin = std::clamp(search.relro_begin, begin, end);
    const std::uintptr_t cut_end = std::clamp(search.relro_end, begin, end);
    if (search.relro_begin >= search.relro_end || cut_begin >= cut_end) {
      keep(begin, end);
    } else {
      keep(begin, cut_begin);
      keep(cut_end, end);
    }
  }
  return segments;
}

void WritableSegments::restore() const {
  for (const Range& range : ranges_) copy_unchecked(range.address, range.saved.data(), range.saved.size());
}

std::size_t WritableSegments::size() const {
  std::size_t total = 0;
  for (const Range& range : ranges_) total += range.saved.size();
  return total;
}

}  // namespace vidport::host
