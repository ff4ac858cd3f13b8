// A miniport module: a shared object built against include/ddk, loaded with dlopen.
//
// Rules for loading:
// - RTLD_NOW: every VideoPort function the module calls must resolve from vidport at load time,
//   so a call to one vidport does not implement fails the load, with a message naming it,
//   instead of crashing later.
// - The module must export DriverEntry (NTSTATUS DriverEntry(PVOID, PVOID)).
// - The module stays loaded until the object is destroyed; destroy it only after the machine no
//   longer runs its code.
// - The module's writable data (writable_segments.h) is saved when it is first loaded, before
//   DriverEntry; restore_load_state() puts it back, so the same process can start the same module
//   afresh any number of times. dlopen gives every MiniportModule of one file the same module
//   while any of them is alive, so they share the state saved by the first. Load and destroy
//   modules on one thread at a time (the host thread): the saved state is found by dlopen handle,
//   and a load racing with the last unload of the same file could meet the old state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "host/writable_segments.h"

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
  // Puts the module's globals back as they were right after loading. Host thread, before a start
  // (DriverEntry), while none of the module's code runs.
  void restore_load_state() const { load_state_->restore(); }
  // Bytes of writable data saved at load.
  std::size_t load_state_size() const { return load_state_->size(); }
  const std::string& path() const { return path_; }

 private:
  MiniportModule(std::string path, void* handle, DriverEntryRoutine entry,
                 std::shared_ptr<const WritableSegments> load_state)
      : path_(std::move(path)), handle_(handle), driver_entry_(entry), load_state_(std::move(load_state)) {}

  std::string path_;
  void* handle_;
  DriverEntryRoutine driver_entry_;
  std::shared_ptr<const WritableSegments> load_state_;
  // Its executable segments, registered in kernel/miniport_code.h while it is loaded.
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> code_;
};

// Turns a dlopen error into the message vidport prints: an undefined VideoPort* symbol becomes
// "calls VideoPortX, which vidport does not implement". Pure.
std::string explain_load_error(const std::string& path, const std::string& dlerror_text);

}  // namespace vidport::host
