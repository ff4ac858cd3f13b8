#include "host/miniport_module.h"

#include <dlfcn.h>
#include <link.h>

#include <fmt/format.h>

#include "kernel/miniport_code.h"

namespace vidport::host {

std::string explain_load_error(const std::string& path, const std::string& text) {
  static constexpr std::string_view kUndefined = "undefined symbol: ";
  auto at = text.find(kUndefined);
  if (at != std::string::npos) {
    std::string symbol = text.substr(at + kUndefined.size());
    if (auto end = symbol.find_first_of(" \t\n("); end != std::string::npos) symbol.resize(end);
    if (symbol.rfind("VideoPort", 0) == 0) {
      return fmt::format("cannot load {}: the miniport calls {}, which vidport does not implement", path, symbol);
    }
    return fmt::format("cannot load {}: the miniport needs {}, which neither vidport nor the C library provides",
                       path, symbol);
  }
  return fmt::format("cannot load {}: {}", path, text);
}

namespace {

// The executable segments of the loaded object whose load address is `base`.
std::vector<std::pair<std::uintptr_t, std::uintptr_t>> code_segments(std::uintptr_t base) {
  struct Search {
    std::uintptr_t base;
    std::vector<std::pair<std::uintptr_t, std::uintptr_t>> found;
  } search{base, {}};
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        auto& s = *static_cast<Search*>(data);
        if (info->dlpi_addr != s.base) return 0;
        for (unsigned i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X)) {
            s.found.emplace_back(info->dlpi_addr + ph.p_vaddr, info->dlpi_addr + ph.p_vaddr + ph.p_memsz);
          }
        }
        return 1;
      },
      &search);
  return search.found;
}

}  // namespace

std::variant<std::unique_ptr<MiniportModule>, std::string> MiniportModule::load(const std::string& path) {
  // A path without a slash would make dlopen search the library path instead of opening the file.
  std::string target = path.find('/') == std::string::npos ? "./" + path : path;
  void* handle = dlopen(target.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* error = dlerror();
    return explain_load_error(path, error ? error : "unknown dlopen error");
  }
  void* entry = dlsym(handle, "DriverEntry");
  if (entry == nullptr) {
    dlclose(handle);
    return fmt::format("cannot load {}: the module exports no DriverEntry (is it a miniport built against "
                       "vidport's include/ddk?)",
                       path);
  }
  auto module = std::unique_ptr<MiniportModule>(
      new MiniportModule(path, handle, reinterpret_cast<DriverEntryRoutine>(entry)));
  link_map* map = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &map) == 0 && map != nullptr) {
    module->code_ = code_segments(map->l_addr);
    for (auto [begin, end] : module->code_) kernel::miniport_code::add(begin, end);
  }
  return module;
}

MiniportModule::~MiniportModule() {
  for (auto [begin, end] : code_) kernel::miniport_code::remove(begin, end);
  dlclose(handle_);
}

}  // namespace vidport::host
