// The VideoPort driver of one run, as a miniport sees it: what VideoPortInitialize registered,
// the adapters HwVidFindAdapter found (with their configuration, claims and registry), and the
// log that VideoPortDebugPrint and VideoPortLogError write to.
//
// Rules for the port driver:
// - One port driver is active at a time (the process hosts one miniport); the host creates it
//   before DriverEntry runs and destroys it after the machine stopped running miniport code.
//   VideoPort entry points that need the driver find it with active().
// - initialize() runs on a virtual processor at PASSIVE_LEVEL (inside DriverEntry). Every call
//   into the miniport is labelled (Processor::enter_routine) so watchdog and crash reports can
//   name the routine.
// - Adapters are only added while DriverEntry runs; afterwards the list is read-only, so host
//   threads may read it without a lock. Log, registry writes and records take `mutex_`.
#pragma once

#include <video.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kernel/clock.h"
#include "kernel/halt.h"
#include "videoport/access_ranges.h"
#include "videoport/adapter.h"

namespace vidport::kernel {
class Machine;
}

namespace vidport::videoport {

// REG_DWORD, REG_SZ and REG_BINARY, the value types miniports read and write.
enum class RegistryType : std::uint32_t { String = 1, Binary = 3, Dword = 4 };

struct RegistryValue {
  std::string name;  // ASCII/UTF-8; matched case-insensitively, as the registry does
  RegistryType type = RegistryType::Dword;
  std::vector<std::uint8_t> data;  // REG_SZ: UTF-16LE with its terminating NUL
};

struct LogEntry {
  kernel::ClockTime time = 0;
  int processor = -1;
  std::string source;  // "debug-print" or "log-error"
  int level = 0;       // VIDEO_DEBUG_LEVEL for debug prints
  std::string text;
};

// One VideoPortInitialize call and what it led to.
struct InitializeRecord {
  std::uint32_t init_data_size = 0;
  int interface_type = 0;
  std::uint32_t status = 0;
  std::vector<std::uint32_t> find_adapter_results;  // one per HwVidFindAdapter call
  std::string note;                                 // why it failed, when it did
};

// An adapter HwVidFindAdapter reported with NO_ERROR.
struct HostedAdapter {
  std::unique_ptr<Adapter> adapter;
  VIDEO_HW_INITIALIZATION_DATA init{};  // the first HwInitDataSize bytes; the rest zero
  VIDEO_PORT_CONFIG_INFO config{};
  void* hw_context = nullptr;
  bool interrupt_connected = false;
  std::string interrupt_note;                 // why no interrupt was connected
  std::vector<RegistryValue> registry_writes; // guarded by PortDriver::mutex_
  std::vector<std::uint8_t> registry_buffer;  // the value handed to the query callback
};

struct PortDriverConfig {
  std::vector<RegistryValue> parameters;  // every adapter's registry parameters
  std::string service_name = "miniport";  // names DriverRegistryPath
  std::uint64_t system_memory_bytes = 512ull << 20;
  unsigned max_adapters = 8;              // HwVidFindAdapter "Again" calls are cut off here
};

class PortDriver {
 public:
  PortDriver(kernel::Machine& machine, PortDriverConfig config);
  ~PortDriver();
  PortDriver(const PortDriver&) = delete;
  PortDriver& operator=(const PortDriver&) = delete;

  // The active port driver, or nullptr outside a hosted run.
  static PortDriver* active();

  kernel::Machine& machine() const { return machine_; }
  const PortDriverConfig& config() const { return config_; }
  AccessRangeClaims& claims() { return claims_; }

  // VideoPortInitialize (see vp_init_data.h for the contract).
  std::uint32_t initialize(const VIDEO_HW_INITIALIZATION_DATA* data, void* hw_context, std::uintptr_t site);

  // The hosted adapter behind `extension`, or nullptr.
  HostedAdapter* hosted(const void* extension);
  const std::vector<std::unique_ptr<HostedAdapter>>& adapters() const { return adapters_; }

  // The most log entries kept: a miniport printing in a loop cannot grow a report without bound.
  static constexpr std::size_t kMaxLogEntries = 10000;

  // Any thread, any IRQL below the log's mutex (never from a signal handler). Past
  // kMaxLogEntries, entries are only counted (log_dropped()).
  void log(std::string source, int level, std::string text);
  void record_registry_write(HostedAdapter& adapter, RegistryValue value);

  std::vector<LogEntry> log_entries() const;
  std::uint64_t log_dropped() const;
  // Every VideoPortInitialize call, including one the machine stopped inside (host side, after
  // the processors stopped running miniport code).
  std::vector<InitializeRecord> initialize_records() const;
  std::vector<RegistryValue> registry_writes(const HostedAdapter& adapter) const;

  // The registry path handed to the miniport in its configuration (UTF-16, NUL-terminated).
  const std::u16string& registry_path() const { return registry_path_; }

  // Host windows (VideoPortGetDeviceBase / MapMemory of memory space, by their first host
  // address) the miniport still has mapped; whatever is left is unmapped with the driver, so a
  // process can host run after run.
  void note_mapped(void* host);
  void note_unmapped(const void* host);

 private:
  std::mutex mapped_mutex_;
  std::vector<void*> mapped_;  // guarded by mapped_mutex_
  std::uint32_t find_adapters(const VIDEO_HW_INITIALIZATION_DATA& init, void* hw_context,
                              InitializeRecord& record);
  void connect_interrupt(HostedAdapter& hosted);

  kernel::Machine& machine_;
  PortDriverConfig config_;
  std::u16string registry_path_;
  AccessRangeClaims claims_;
  std::vector<std::unique_ptr<HostedAdapter>> adapters_;
  // What initialize() is building while the miniport runs (see initialize() for why members).
  std::unique_ptr<HostedAdapter> pending_adapter_;
  InitializeRecord pending_record_;
  bool initialize_in_flight_ = false;  // pending_record_ belongs to a call that has not returned
  mutable std::mutex mutex_;
  std::vector<LogEntry> log_;                // guarded by mutex_
  std::uint64_t log_dropped_ = 0;            // guarded by mutex_
  std::vector<InitializeRecord> records_;    // guarded by mutex_
};

// Labels the calling processor's current miniport routine for watchdog and crash reports while
// it lives (see Processor::enter_routine). A halt unwinds it like any vidport frame.
class RoutineLabel {
 public:
  explicit RoutineLabel(const char* name);
  ~RoutineLabel();
  RoutineLabel(const RoutineLabel&) = delete;
  RoutineLabel& operator=(const RoutineLabel&) = delete;

 private:
  const char* previous_;
};

// Calls one miniport routine (`call` makes the call) labelled `name`, with a landing
// (kernel/halt.h): a halt inside it continues as kernel::Halt thrown from here, unwinding the
// caller's frames. Own processor's thread; off a processor the call is made directly.
template <class F>
decltype(auto) call_routine(const char* name, F&& call) {
  RoutineLabel label(name);
  return kernel::call_miniport(std::forward<F>(call));
}

}  // namespace vidport::videoport
