#include "findings/call_site.h"

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

#include <fmt/format.h>

namespace vidport::findings {

namespace {

struct Symbol {
  std::uintptr_t value;  // as in the file (relative to the load base for ET_DYN)
  std::uintptr_t size;
  std::string name;
};

struct ModuleSymbols {
  bool relative = true;  // ET_DYN: symbol values are offsets from the load base
  std::vector<Symbol> functions;  // sorted by value
};

// Reads the function symbols of an ELF64 file: .symtab when present (it has static functions
// too), otherwise .dynsym.
ModuleSymbols read_symbols(const char* path) {
  ModuleSymbols out;
  int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Elf64_Ehdr))) {
    ::close(fd);
    return out;
  }
  auto size = static_cast<std::size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return out;
  const auto* base = static_cast<const unsigned char*>(map);
  const auto* eh = reinterpret_cast<const Elf64_Ehdr*>(base);
  auto in_file = [&](std::uint64_t off, std::uint64_t len) { return off <= size && len <= size - off; };
  if (std::memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 && eh->e_ident[EI_CLASS] == ELFCLASS64 &&
      in_file(eh->e_shoff, std::uint64_t{eh->e_shnum} * sizeof(Elf64_Shdr))) {
    out.relative = eh->e_type == ET_DYN;
    const auto* sections = reinterpret_cast<const Elf64_Shdr*>(base + eh->e_shoff);
    const Elf64_Shdr* table = nullptr;
    for (unsigned i = 0; i < eh->e_shnum; ++i) {
      if (sections[i].sh_type == SHT_SYMTAB) table = &sections[i];
    }
    for (unsigned i = 0; !table && i < eh->e_shnum; ++i) {
      if (sections[i].sh_type == SHT_DYNSYM) table = &sections[i];
    }
    if (table && table->sh_link < eh->e_shnum && in_file(table->sh_offset, table->sh_size)) {
      const Elf64_Shdr& strtab = sections[table->sh_link];
      if (in_file(strtab.sh_offset, strtab.sh_size)) {
        const auto* syms = reinterpret_cast<const Elf64_Sym*>(base + table->sh_offset);
        std::size_t count = table->sh_size / sizeof(Elf64_Sym);
        const char* names = reinterpret_cast<const char*>(base + strtab.sh_offset);
        for (std::size_t i = 0; i < count; ++i) {
          if (ELF64_ST_TYPE(syms[i].st_info) != STT_FUNC || syms[i].st_value == 0) continue;
          if (syms[i].st_name >= strtab.sh_size) continue;
          out.functions.push_back({syms[i].st_value, syms[i].st_size,
                                   std::string(names + syms[i].st_name,
                                               strnlen(names + syms[i].st_name, strtab.sh_size - syms[i].st_name))});
        }
        std::sort(out.functions.begin(), out.functions.end(),
                  [](const Symbol& a, const Symbol& b) { return a.value < b.value; });
      }
    }
  }
  ::munmap(map, size);
  return out;
}

std::mutex g_cache_mutex;
std::map<std::string, ModuleSymbols>& cache() {
  static std::map<std::string, ModuleSymbols> modules;
  return modules;
}

}  // namespace

std::string CallSite::describe() const {
  if (address == 0) return {};
  if (module.empty()) return "code outside every module";
  std::string text = fmt::format("{}+{:#x}", module, module_offset);
  if (!symbol.empty()) text += fmt::format(" ({}+{:#x})", symbol, symbol_offset);
  return text;
}

CallSite resolve_call_site(std::uintptr_t address) {
  CallSite site;
  site.address = address;
  if (address == 0) return site;
  Dl_info info{};
  if (::dladdr(reinterpret_cast<void*>(address), &info) == 0 || info.dli_fname == nullptr) return site;
  std::string path = info.dli_fname;
  auto slash = path.rfind('/');
  site.module = slash == std::string::npos ? path : path.substr(slash + 1);
  auto load_base = reinterpret_cast<std::uintptr_t>(info.dli_fbase);
  site.module_offset = address - load_base;

  std::lock_guard lock(g_cache_mutex);
  auto it = cache().find(path);
  if (it == cache().end()) it = cache().emplace(path, read_symbols(path.c_str())).first;
  const ModuleSymbols& mod = it->second;
  std::uintptr_t key = mod.relative ? site.module_offset : address;
  auto next = std::upper_bound(mod.functions.begin(), mod.functions.end(), key,
                               [](std::uintptr_t k, const Symbol& s) { return k < s.value; });
  if (next != mod.functions.begin()) {
    const Symbol& sym = *(next - 1);
    site.symbol = sym.name;
    site.symbol_offset = key - sym.value;
  } else if (info.dli_sname) {
    site.symbol = info.dli_sname;
    site.symbol_offset = address - reinterpret_cast<std::uintptr_t>(info.dli_saddr);
  }
  return site;
}

}  // namespace vidport::findings
