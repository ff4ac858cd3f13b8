#include "host/miniport_module.h"

#include <dlfcn.h>

#include <map>
#include <mutex>

#include <fmt/format.h>

#include "host/module_layout.h"
#include "kernel/miniport_code.h"

namespace vidport::host {

namespace {

// The state each loaded module had right after it was first loaded, by dlopen handle: a second
// MiniportModule of a module still loaded must not save the state the first one's run left.
struct LoadStates {
  std::mutex mutex;
  std::map<void*, std::shared_ptr<const WritableSegments>> by_handle;  // guarded by mutex
};

LoadStates& load_states() {
  static LoadStates states;
  return states;
}

std::shared_ptr<const WritableSegments> load_state_of(void* handle) {
  LoadStates& states = load_states();
  std::lock_guard lock(states.mutex);
  auto& state = states.by_handle[handle];
  if (!state) state = std::make_shared<const WritableSegments>(WritableSegments::save(handle));
  return state;
}

// A path without a slash would make dlopen search the library path instead of opening the file.
std::string dlopen_path(const std::string& path) { return path.find('/') == std::string::npos ? "./" + path : path; }

}  // namespace

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
  void* handle = dlopen(dlopen_path(path).c_str(), RTLD_NOW | RTLD_LOCAL);
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
      new MiniportModule(path, handle, reinterpret_cast<DriverEntryRoutine>(entry), load_state_of(handle)));
  if (std::optional<ModuleLayout> layout = layout_of(handle)) {
    module->code_ = std::move(layout->code);
    for (auto [begin, end] : module->code_) kernel::miniport_code::add(begin, end);
  }
  return module;
}

MiniportModule::~MiniportModule() {
  for (auto [begin, end] : code_) kernel::miniport_code::remove(begin, end);
  LoadStates& states = load_states();
  std::lock_guard lock(states.mutex);
  dlclose(handle_);
  // When that was the last reference, the module is gone and its handle may name another module
  // next time: forget its state. (A module the loader keeps, e.g. one marked NODELETE, keeps it.)
  if (void* still = dlopen(dlopen_path(path_).c_str(), RTLD_NOW | RTLD_NOLOAD)) {
    dlclose(still);
  } else {
    states.by_handle.erase(handle_);
  }
}

}  // namespace vidport::host
