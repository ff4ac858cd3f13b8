#include "host/module_layout.h"

#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

#include <cstring>

namespace vidport::host {

namespace {

struct Search {
  const link_map* module = nullptr;
  ModuleLayout layout;
  bool found = false;
};

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
    if (ph.p_type == PT_LOAD && ph.p_memsz != 0) {
      if (ph.p_flags & PF_X) search.layout.code.emplace_back(begin, begin + ph.p_memsz);
      if (ph.p_flags & PF_W) search.layout.writable.emplace_back(begin, begin + ph.p_memsz);
    } else if (ph.p_type == PT_GNU_RELRO) {
      // From the page of the start to the page of the end, that last page excluded.
      search.layout.relro = {begin & ~(page - 1), (begin + ph.p_memsz) & ~(page - 1)};
    }
  }
  return 1;
}

}  // namespace

std::optional<ModuleLayout> layout_of(void* handle) {
  link_map* module = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &module) != 0 || module == nullptr) return std::nullopt;
  Search search;
  search.module = module;
  dl_iterate_phdr(&visit, &search);
  if (!search.found) return std::nullopt;
  return std::move(search.layout);
}

}  // namespace vidport::host
