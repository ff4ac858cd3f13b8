// A miniport module: a shared object built against include/ddk, loaded with dlopen.
//
// Rules for loading:
// - RTLD_NOW: every VideoPort function the module calls must resolve from vidport at load time,
//   so a call to one vidport does not implement fails the load, with a message naming it,
//   instead of crashing later.
// - The module must export DriverEntry (NTSTATUS DriverEntry(PVOID, PVOID)).
// - The module stays loaded until the object is destroyed; destroy it only after the machine no
//   longer runs its code.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace vidport::host {

// NTSTATUS DriverEntry(PVOID DriverObject, PVOID RegistryPath).
using DriverEntryRoutine = std::int32_t (*)(void* driver_object, void* registry_path);

class MiniportModule {
 public:
  // Loads `path`. On failure returns a message the user can act on.
  static std::variant<std::unique_ptr<MiniportModule>, std::string> load(const std::string& path);
  ~MiniportModule();
  MiniportModule(const MiniportModule&) = delete;
  MiniportModule& operator=(const MiniportModule&) = delete;

  DriverEntryRoutine driver_entry() const { return driver_entry_; }
  const std::string& path() const { return path_; }

 private:
  MiniportModule(std::string path, void* handle, DriverEntryRoutine entry)
      : path_(std::move(path)), handle_(handle), driver_entry_(entry) {}

  std::string path_;
  void* handle_;
  DriverEntryRoutine driver_entry_;
  // Its executable segments, registered in kernel/miniport_code.h while it is loaded.
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> code_;
};

// Turns a dlopen error into the message vidport prints: an undefined VideoPort* symbol becomes
// "calls VideoPortX, which vidport does not implement". Pure.
std::string explain_load_error(const std::string& path, const std::string& dlerror_text);

}  // namespace vidport::host
