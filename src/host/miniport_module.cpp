#include "host/miniport_module.h"

#include <dlfcn.h>

#include <fmt/format.h>

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
  return std::unique_ptr<MiniportModule>(
      new MiniportModule(path, handle, reinterpret_cast<DriverEntryRoutine>(entry)));
}

MiniportModule::~MiniportModule() { dlclose(handle_); }

}  // namespace vidport::host
