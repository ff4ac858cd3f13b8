#include "videoport/port_driver.h"

#include "videoport/device_windows.h"

#include <dlfcn.h>
#include <video.h>

#include <atomic>
#include <cassert>
#include <cstring>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/call_rules.h"

namespace vidport::videoport {

namespace {

// Export anchors: a program that hosts miniports must contain every VideoPort export, since
// miniports resolve them at load time, but a static library only contributes the objects
// something references. One function of each exports/ file pulls in that whole file; every host
// has a PortDriver, so the anchors live here. A new exports/ file needs its line.
[[gnu::used]] const void* const kExportAnchors[] = {
    reinterpret_cast<const void*>(&VideoPortInitialize),          // exports/hosting_exports.cpp
    reinterpret_cast<const void*>(&VideoPortReadPortUchar),       // exports/port_io_exports.cpp
    reinterpret_cast<const void*>(&VideoPortCreateEvent),         // exports/event_exports.cpp
    reinterpret_cast<const void*>(&VideoPortCreateSpinLock),      // exports/spin_lock_exports.cpp
    reinterpret_cast<const void*>(&VideoPortSynchronizeExecution), // exports/synchronize_exports.cpp
    reinterpret_cast<const void*>(&VideoPortSetTrappedEmulatorPorts), // exports/emulator_exports.cpp
    reinterpret_cast<const void*>(&VideoPortInt10) // exports/int10_exports.cpp
};

std::atomic<PortDriver*> g_active{nullptr};

// The three HwInitDataSize values VideoPortInitialize accepts (semantics-decisions.md).
bool known_init_data_size(std::uint32_t size) {
  return size == SIZE_OF_NT4_VIDEO_HW_INITIALIZATION_DATA || size == SIZE_OF_W2K_VIDEO_HW_INITIALIZATION_DATA ||
         size == SIZE_OF_WXP_VIDEO_HW_INITIALIZATION_DATA;
}

// The miniport's routines are reached through trampolines that label the processor first, so a
// crash or hang inside them names the routine.
std::uint8_t interrupt_trampoline(void* extension) {
  HostedAdapter* hosted = Adapter::from_extension(extension)->hosted();
  RoutineLabel label("HwVidInterrupt");
  return hosted->init.HwInterrupt(extension);
}

void timer_trampoline(void* extension) {
  HostedAdapter* hosted = Adapter::from_extension(extension)->hosted();
  RoutineLabel label("HwVidTimer");
  hosted->init.HwTimer(extension);
}

// VIDEO_PORT_CONFIG_INFO.VideoPortGetProcAddress: any VideoPort export of this process by name.
PVOID get_proc_address(PVOID extension, PUCHAR name) {
  if (name == nullptr || std::strncmp(reinterpret_cast<const char*>(name), "VideoPort", 9) != 0) return nullptr;
  return dlsym(RTLD_DEFAULT, reinterpret_cast<const char*>(name));
}

std::u16string to_utf16(const std::string& ascii) { return std::u16string(ascii.begin(), ascii.end()); }

}  // namespace

RoutineLabel::RoutineLabel(const char* name) {
  kernel::Processor* p = kernel::current_processor();
  previous_ = p ? p->enter_routine(name) : nullptr;
}

RoutineLabel::~RoutineLabel() {
  if (kernel::Processor* p = kernel::current_processor()) p->leave_routine(previous_);
}

PortDriver::PortDriver(kernel::Machine& machine, PortDriverConfig config)
    : machine_(machine),
      config_(std::move(config)),
      registry_path_(to_utf16("\\Registry\\Machine\\System\\CurrentControlSet\\Services\\" + config_.service_name +
                              "\\Device0")) {
  PortDriver* expected = nullptr;
  bool installed = g_active.compare_exchange_strong(expected, this);
  assert(installed && "only one PortDriver may be active at a time");
  (void)installed;
}

PortDriver::~PortDriver() {
  for (void* host : mapped_) DeviceWindows::instance().unmap(host);
  if (pending_adapter_) claims_.release(*pending_adapter_->adapter);
  pending_adapter_.reset();
  for (auto& hosted : adapters_) {
    claims_.release(*hosted->adapter);
    hosted->adapter.reset();
  }
  g_active.store(nullptr);
}

void PortDriver::note_mapped(void* host) {
  std::lock_guard lock(mapped_mutex_);
  mapped_.push_back(host);
}

void PortDriver::note_unmapped(const void* host) {
  std::lock_guard lock(mapped_mutex_);
  for (auto it = mapped_.begin(); it != mapped_.end(); ++it) {
    if (*it == host) {
      mapped_.erase(it);
      return;
    }
  }
}

PortDriver* PortDriver::active() { return g_active.load(std::memory_order_acquire); }

HostedAdapter* PortDriver::hosted(const void* extension) {
  Adapter* adapter = Adapter::from_extension(extension);
  return adapter ? adapter->hosted() : nullptr;
}

std::uint32_t PortDriver::initialize(const VIDEO_HW_INITIALIZATION_DATA* data, void* hw_context, std::uintptr_t site) {
  // The record lives in the driver, not on this frame: a crash in HwVidFindAdapter unwinds the
  // frame without destructors (processor.h), and the record must survive for the report.
  pending_record_ = InitializeRecord{};
  initialize_in_flight_ = true;
  InitializeRecord& record = pending_record_;
  std::uint32_t status = NO_ERROR;
  if (data == nullptr) {
    record.note = "HwInitializationData is NULL";
    status = ERROR_INVALID_PARAMETER;
  } else if (record.init_data_size = data->HwInitDataSize; !known_init_data_size(data->HwInitDataSize)) {
    record.note = fmt::format("HwInitDataSize {} is none of the documented sizes {} (NT4), {} (Windows 2000) "
                              "and {} (Windows XP)",
                              data->HwInitDataSize, SIZE_OF_NT4_VIDEO_HW_INITIALIZATION_DATA,
                              SIZE_OF_W2K_VIDEO_HW_INITIALIZATION_DATA, SIZE_OF_WXP_VIDEO_HW_INITIALIZATION_DATA);
    status = ERROR_REVISION_MISMATCH;
  } else {
    VIDEO_HW_INITIALIZATION_DATA init{};
    std::memcpy(&init, data, data->HwInitDataSize);
    record.interface_type = init.AdapterInterfaceType;
    if (init.HwFindAdapter == nullptr || init.HwStartIO == nullptr) {
      record.note = "HwFindAdapter and HwStartIO are required";
      status = ERROR_INVALID_PARAMETER;
    } else if (init.AdapterInterfaceType == PCIBus) {
      // PCI enumeration comes with the first PCI device: until then no PCI adapter exists.
      record.note = "no PCI device on this machine matches the miniport";
      status = ERROR_DEV_NOT_EXIST;
    } else {
      status = find_adapters(init, hw_context, record);
    }
  }
  record.status = status;
  if (!record.note.empty()) log("videoport", 0, "VideoPortInitialize: " + record.note);
  std::lock_guard lock(mutex_);
  records_.push_back(std::move(record));
  initialize_in_flight_ = false;
  return status;
}

std::uint32_t PortDriver::find_adapters(const VIDEO_HW_INITIALIZATION_DATA& init, void* hw_context,
                                        InitializeRecord& record) {
  std::uint32_t last_failure = ERROR_DEV_NOT_EXIST;
  bool found = false;
  UCHAR again = TRUE;
  while (again && adapters_.size() < config_.max_adapters) {
    again = FALSE;
    // Owned by the driver while HwVidFindAdapter runs, for the same reason as pending_record_.
    pending_adapter_ = std::make_unique<HostedAdapter>();
    HostedAdapter& hosted = *pending_adapter_;
    hosted.init = init;
    hosted.hw_context = hw_context;
    hosted.adapter = std::make_unique<Adapter>(machine_, init.HwDeviceExtensionSize,
                                               fmt::format("adapter{}", adapters_.size()));
    hosted.adapter->set_hosted(&hosted);
    VIDEO_PORT_CONFIG_INFO& config = hosted.config;
    config.Length = sizeof(VIDEO_PORT_CONFIG_INFO);
    config.SystemIoBusNumber = 0;
    config.AdapterInterfaceType = init.AdapterInterfaceType;
    config.InterruptMode = Latched;
    config.VideoPortGetProcAddress = get_proc_address;
    config.DriverRegistryPath = const_cast<PWSTR>(registry_path_.c_str());
    config.SystemMemorySize = config_.system_memory_bytes;
    VP_STATUS result = call_routine("HwVidFindAdapter", [&] {
      return init.HwFindAdapter(hosted.adapter->extension(), hw_context, nullptr, &config, &again);
    });
    record.find_adapter_results.push_back(static_cast<std::uint32_t>(result));
    if (result != NO_ERROR) {
      last_failure = static_cast<std::uint32_t>(result);
      claims_.release(*hosted.adapter);
      pending_adapter_.reset();
      continue;
    }
    found = true;
    if (init.HwTimer) hosted.adapter->set_timer_routine(timer_trampoline);
    connect_interrupt(hosted);
    adapters_.push_back(std::move(pending_adapter_));
  }
  if (!found && record.note.empty()) {
    record.note = fmt::format("HwVidFindAdapter found no adapter (last status {})", last_failure);
  }
  return found ? NO_ERROR : last_failure;
}

void PortDriver::connect_interrupt(HostedAdapter& hosted) {
  const VIDEO_PORT_CONFIG_INFO& config = hosted.config;
  unsigned line = config.BusInterruptLevel ? config.BusInterruptLevel : config.BusInterruptVector;
  if (hosted.init.HwInterrupt == nullptr) {
    hosted.interrupt_note = "the miniport has no HwVidInterrupt";
    return;
  }
  if (line == 0) {
    hosted.interrupt_note = "HwVidFindAdapter left BusInterruptLevel and BusInterruptVector zero";
    return;
  }
  auto mode = config.InterruptMode == LevelSensitive ? kernel::InterruptMode::LevelSensitive
                                                     : kernel::InterruptMode::Latched;
  hosted.interrupt_connected =
      hosted.adapter->connect_interrupt(line, mode, config.InterruptShareable != 0, interrupt_trampoline,
                                        reinterpret_cast<std::uintptr_t>(hosted.init.HwInterrupt));
  if (!hosted.interrupt_connected) {
    hosted.interrupt_note = fmt::format("line {} could not be connected (in use and not shareable, or a "
                                        "different mode)", line);
    log("videoport", 0, fmt::format("{}: {}", hosted.adapter->name(), hosted.interrupt_note));
  }
}

void PortDriver::log(std::string source, int level, std::string text) {
  LogEntry entry;
  entry.source = std::move(source);
  entry.level = level;
  entry.text = std::move(text);
  if (kernel::Processor* p = kernel::current_processor()) entry.processor = static_cast<int>(p->index());
  entry.time = machine_.clock().now();
  std::lock_guard lock(mutex_);
  if (log_.size() == kMaxLogEntries) {
    ++log_dropped_;
    return;
  }
  log_.push_back(std::move(entry));
}

std::uint64_t PortDriver::log_dropped() const {
  std::lock_guard lock(mutex_);
  return log_dropped_;
}

void PortDriver::record_registry_write(HostedAdapter& adapter, RegistryValue value) {
  std::lock_guard lock(mutex_);
  adapter.registry_writes.push_back(std::move(value));
}

std::vector<LogEntry> PortDriver::log_entries() const {
  std::lock_guard lock(mutex_);
  return log_;
}

std::vector<InitializeRecord> PortDriver::initialize_records() const {
  std::lock_guard lock(mutex_);
  std::vector<InitializeRecord> records = records_;
  if (initialize_in_flight_) {
    records.push_back(pending_record_);
    records.back().note = "did not return: the machine stopped inside it";
  }
  return records;
}

std::vector<RegistryValue> PortDriver::registry_writes(const HostedAdapter& adapter) const {
  std::lock_guard lock(mutex_);
  return adapter.registry_writes;
}

}  // namespace vidport::videoport
