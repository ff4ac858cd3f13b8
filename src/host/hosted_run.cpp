#include "host/hosted_run.h"

#include <video.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "devices/testdev/pulse_device.h"
#include "devices/vga/vga.h"
#include "host/crash_guard.h"
#include "host/full_screen.h"
#include "host/watchdog.h"
#include "image/image.h"
#include "kernel/machine.h"
#include "pc/video_bios.h"
#include "videoport/device_windows.h"

namespace vidport::host {

namespace {

// The VGA's programming oracle caught writes no validator should have let through: one finding
// per register and value, with the oracle's count.
void report_programming_faults(kernel::Machine& machine, const devices::vga::ProgrammingOracle& oracle) {
  for (unsigned i = 0; i < oracle.distinct(); ++i) {
    const devices::vga::ProgrammingFault& fault = oracle.faults()[i];
    const std::string reg = fault.reg == devices::vga::kMiscOutputRegister ? std::string("Misc Output")
                                                                            : fmt::format("SR{:02X}", fault.reg);
    findings::Finding finding;
    finding.kind = findings::FindingKind::DeviceInvalidProgramming;
    finding.time = fault.first_time;
    finding.count = fault.count;
    finding.detail = (std::uint64_t{fault.reg} << 8) | fault.value;
    finding.message = fmt::format("VGA: {} <- {:02X}h through port {:X}h: {}", reg, fault.value, fault.port,
                                  devices::vga::fault_reason(fault.kind));
    machine.report(std::move(finding));
  }
  if (oracle.overflow() > 0) {
    findings::Finding finding;
    finding.kind = findings::FindingKind::DeviceInvalidProgramming;
    finding.count = oracle.overflow();
    finding.detail = ~std::uint64_t{0};
    finding.message = fmt::format("VGA: invalid register writes of further values (the oracle keeps the first {})",
                                  devices::vga::ProgrammingOracle::kKeptFaults);
    machine.report(std::move(finding));
  }
}

kernel::MachineConfig machine_config(const RunOptions& options) {
  kernel::MachineConfig config;
  config.processors = options.cpus;
  config.clock = options.virtual_clock ? kernel::ClockKind::Virtual : kernel::ClockKind::Real;
  config.profile = options.profile;
  return config;
}

std::string registry_value_text(const videoport::RegistryValue& value) {
  if (value.type == videoport::RegistryType::Dword && value.data.size() == 4) {
    std::uint32_t dword;
    std::memcpy(&dword, value.data.data(), 4);
    return std::to_string(dword);
  }
  std::string hex;
  for (std::uint8_t b : value.data) hex += fmt::format("{:02x}", b);
  return hex;
}

}  // namespace

HostedRun::HostedRun(RunOptions options) : options_(std::move(options)) {
  report_.miniport = options_.miniport;
  report_.scenario = options_.scenario;
  report_.cpus = options_.cpus;
  report_.sync_semantics = std::string(kernel::profile_name(options_.profile));
  report_.clock = options_.virtual_clock ? "virtual" : "real";
}

HostedRun::~HostedRun() {
  watchdog_.reset();
  dispatchers_.clear();
  full_screen_.reset();
  port_driver_.reset();
}

bool HostedRun::halted() const { return platform_ && platform_->machine().halted(); }

bool HostedRun::load() {
  auto loaded = MiniportModule::load(options_.miniport);
  if (auto* error = std::get_if<std::string>(&loaded)) {
    report_.fail(report::Outcome::HostError, *error);
    return false;
  }
  module_ = std::move(std::get<std::unique_ptr<MiniportModule>>(loaded));
  report_.loaded = true;
  install_crash_guard();
  // The machine and its VGA, after the video BIOS's POST when full-screen programs may run.
  platform::PlatformOptions platform_options;
  platform_options.machine = machine_config(options_);
  platform_options.post = options_.full_screen;
  platform_options.use_snapshots = options_.use_snapshots;
  auto created = platform::PcPlatform::create(platform_options);
  if (auto* error = std::get_if<std::string>(&created)) {
    report_.fail(report::Outcome::HostError, *error);
    return false;
  }
  platform_ = std::move(std::get<std::unique_ptr<platform::PcPlatform>>(created));
  report_.post = platform::post_source_name(platform_->post_source());
  report_.post_note = platform_->post_note();
  report_.cpus = platform_->machine().processor_count();
  // What a miniport finds at the option-ROM area (VideoPortGetDeviceBase of C0000h): the video
  // BIOS as POST left it, as a PC's shadow RAM holds it, or nothing on a machine without POST.
  // The physical RAM outlives runs in this process, so it is set either way.
  std::vector<std::uint8_t> rom_area(pc::VideoBios::kRomMaxSize, 0);
  if (platform_options.post) {
    std::memcpy(rom_area.data(), platform_->pc().memory() + pc::VideoBios::kRomBase, rom_area.size());
  }
  if (!videoport::DeviceWindows::instance().fill_ram(pc::VideoBios::kRomBase, rom_area.data(), rom_area.size())) {
    report_.fail(report::Outcome::HostError, "cannot set up the physical memory behind the option-ROM area");
    return false;
  }
  pulse_ = std::make_unique<devices::PulseDevice>(platform_->machine().clock(), platform_->machine().interrupts(),
                                                  kPulseLine, kPulseBase);
  pulse_->attach(platform_->machine().bus());
  if (options_.full_screen) full_screen_ = std::make_unique<FullScreen>(platform_->machine(), platform_->pc());
  videoport::PortDriverConfig config;
  config.parameters = options_.registry;
  port_driver_ = std::make_unique<videoport::PortDriver>(platform_->machine(), std::move(config));
  watchdog_ = std::make_unique<Watchdog>(platform_->machine(), options_.watchdog);
  return true;
}

bool HostedRun::halt_checked() {
  if (!platform_->machine().halted()) return true;
  if (halt_recorded_) return false;
  halt_recorded_ = true;
  auto stop = platform_->machine().stop_finding();
  report_.fail(report::Outcome::CrashOrHang,
               stop ? fmt::format("the machine stopped: {}", stop->message) : "the machine stopped");
  return false;
}

bool HostedRun::start() {
  if (!module_) return false;
  std::int32_t status = -1;
  module_->restore_load_state();  // a start is the first one, whatever ran before in this process
  DriverEntryRoutine entry = module_->driver_entry();
  bool completed = platform_->machine().run_on(0, [&] {
    status = videoport::call_routine("DriverEntry", [&] { return entry(nullptr, nullptr); });
  });
  if (!completed) return halt_checked();
  report_.driver_entry_status = status;
  if (status != 0) {
    report_.fail(report::Outcome::MiniportFailure,
                 fmt::format("DriverEntry failed with {:#x}", static_cast<std::uint32_t>(status)));
    return false;
  }
  const auto& adapters = port_driver_->adapters();
  if (adapters.empty()) {
    report_.fail(report::Outcome::MiniportFailure, "DriverEntry succeeded but HwVidFindAdapter found no adapter");
    return false;
  }
  if (full_screen_) full_screen_->attach(*adapters.front()->adapter);
  for (const auto& hosted : adapters) {
    dispatchers_.push_back(std::make_unique<RequestDispatcher>(platform_->machine(), *hosted));
    PVIDEO_HW_INITIALIZE initialize = hosted->init.HwInitialize;
    BOOLEAN ok = FALSE;
    completed = platform_->machine().run_on(0, [&] {
      if (initialize) ok = videoport::call_routine("HwVidInitialize", [&] { return initialize(hosted->adapter->extension()); });
    });
    if (!completed) return halt_checked();
    if (!ok) {
      report_.fail(report::Outcome::MiniportFailure,
                   fmt::format("HwVidInitialize of {} returned FALSE", hosted->adapter->name()));
      return false;
    }
    initialized_.push_back(true);
  }
  return true;
}

RequestResult HostedRun::request(std::size_t adapter, std::uint32_t code, const std::vector<std::uint8_t>& input,
                                 std::uint32_t output_length, std::string origin) {
  RequestResult result = dispatchers_.at(adapter)->issue(code, input, output_length, std::move(origin));
  report_.requests.push_back(result.record);
  return result;
}

bool HostedRun::wait_for(kernel::ClockTime duration) {
  platform_->machine().pass_time_until(platform_->machine().clock().now() + duration);
  return halt_checked();
}

bool HostedRun::wait_for_interrupts(std::size_t adapter, std::uint64_t count, kernel::ClockTime limit) {
  const auto& hosted = *port_driver_->adapters().at(adapter);
  kernel::InterruptObject* object = hosted.adapter->interrupt();
  if (object == nullptr) return false;
  unsigned line = object->line;
  std::uint64_t target = platform_->machine().interrupts().statistics(line).delivered + count;
  bool came = platform_->machine().wait_until(
      [&] { return platform_->machine().interrupts().statistics(line).delivered >= target; }, platform_->machine().clock().now() + limit);
  halt_checked();
  return came;
}

bool HostedRun::screenshot(const std::string& file, const std::string& origin) {
  std::filesystem::path path = file;
  if (path.is_relative() && !options_.output_directory.empty()) path = options_.output_directory / path;
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  image::Image frame = platform_->vga().render();
  std::string error = image::write_png(frame, path.string());
  if (!error.empty()) {
    report_.fail(report::Outcome::HostError, fmt::format("{}: {}", origin, error));
    return false;
  }
  // The report names the file as given: relative to --out, where report.json is, so that the
  // report does not depend on where the run wrote it.
  report_.screenshots.push_back(report::Screenshot{file, origin, static_cast<std::uint32_t>(frame.width),
                                                   static_cast<std::uint32_t>(frame.height)});
  return halt_checked();
}

bool HostedRun::run_full_screen(std::size_t adapter, const std::string& program, const std::string& origin) {
  if (!full_screen_) {
    report_.fail(report::Outcome::HostError, fmt::format("{}: this run has no PC for full-screen programs", origin));
    return false;
  }
  pc::Program loaded;
  if (std::string error = pc::read_program(program, loaded); !error.empty()) {
    report_.fail(report::Outcome::HostError, fmt::format("{}: {}", origin, error));
    return false;
  }
  full_screen_->attach(*port_driver_->adapters().at(adapter)->adapter);
  RequestResult enabled = request(adapter, IOCTL_VIDEO_ENABLE_VDM, {}, 0, origin);
  if (!halt_checked()) return false;
  if (enabled.record.status != NO_ERROR) {
    report_.fail(report::Outcome::Findings,
                 fmt::format("{}: the miniport refused IOCTL_VIDEO_ENABLE_VDM ({:#x}); {} did not run", origin,
                             enabled.record.status, program));
    return true;
  }
  // The program runs as one routine on processor 0: keep it inside the watchdog's patience, so a
  // program that never ends is the program's limit, not a miniport hang.
  pc::RunLimits limits;
  limits.max_seconds = std::min(limits.max_seconds, 0.8 * std::chrono::duration<double>(options_.watchdog).count());
  report::FullScreenRun record = full_screen_->run(loaded, limits);
  record.program = program;
  record.origin = origin;
  report_.full_screen.push_back(std::move(record));
  return halt_checked();
}

bool HostedRun::hardware_state(std::size_t adapter, bool save, const std::string& origin) {
  const videoport::HostedAdapter& hosted = *port_driver_->adapters().at(adapter);
  if (save) {
    hardware_state_.assign(std::max<std::size_t>(hosted.config.HardwareStateSize, sizeof(VIDEO_HARDWARE_STATE_HEADER)), 0);
  } else if (hardware_state_.empty()) {
    report_.fail(report::Outcome::HostError, fmt::format("{}: restore_hardware_state before any save", origin));
    return false;
  }
  VIDEO_HARDWARE_STATE described{};
  described.StateHeader = reinterpret_cast<PVIDEO_HARDWARE_STATE_HEADER>(hardware_state_.data());
  described.StateLength = static_cast<ULONG>(hardware_state_.size());
  std::vector<std::uint8_t> input(sizeof(described));
  std::memcpy(input.data(), &described, sizeof(described));
  request(adapter, save ? IOCTL_VIDEO_SAVE_HARDWARE_STATE : IOCTL_VIDEO_RESTORE_HARDWARE_STATE, input, 0, origin);
  return halt_checked();
}

report::Report& HostedRun::finish() {
  if (finished_) return report_;
  finished_ = true;
  if (platform_) halt_checked();
  if (platform_ && !platform_->machine().halted() && port_driver_) {
    for (const auto& hosted : port_driver_->adapters()) {
      PVIDEO_HW_RESET_HW reset = hosted->init.HwResetHw;
      if (reset == nullptr) continue;
      BOOLEAN result = FALSE;
      bool completed = platform_->machine().run_on(0, [&] {
        result = videoport::call_routine("HwVidResetHw", [&] { return reset(hosted->adapter->extension(), 80, 50); });
      });
      if (!completed) break;
      std::size_t index = static_cast<std::size_t>(&hosted - port_driver_->adapters().data());
      if (report_.adapters.size() <= index) report_.adapters.resize(index + 1);
      report_.adapters[index].reset_hw = result != FALSE;
    }
    halt_checked();
  }
  if (port_driver_) {
    for (const auto& hosted : port_driver_->adapters()) {
      if (auto* timer = hosted->adapter->timer()) timer->stop();
    }
  }
  watchdog_.reset();
  collect();
  return report_;
}

void HostedRun::collect() {
  if (!platform_) return;
  kernel::Machine& m = platform_->machine();
  for (unsigned i = 0; i < m.processor_count(); ++i) {
    kernel::Processor& p = m.processor(i);
    report_.statistics.isrs_run += p.isrs_run();
    report_.statistics.dpcs_run += p.dpcs_run();
    for (unsigned k = 0; k < 4; ++k) report_.statistics.synchronize_calls[k] += p.synchronize_calls(k);
  }
  report_.statistics.clock_ns = m.clock().now();
  if (platform_) {
    devices::vga::TearCounts tears = platform_->vga().tears();
    report_.vga.dac_tears = tears.dac_tears;
    report_.vga.start_address_tears = tears.start_address_tears;
    report_programming_faults(m, platform_->vga().programming_faults());
  }
  if (port_driver_) {
    for (const auto& record : port_driver_->initialize_records()) {
      report_.initialize_calls.push_back(report::InitializeCall{record.init_data_size, record.interface_type,
                                                                record.status, record.find_adapter_results,
                                                                record.note});
    }
    const auto& adapters = port_driver_->adapters();
    if (report_.adapters.size() < adapters.size()) report_.adapters.resize(adapters.size());
    for (std::size_t i = 0; i < adapters.size(); ++i) {
      const videoport::HostedAdapter& hosted = *adapters[i];
      report::AdapterInfo& info = report_.adapters[i];
      info.name = hosted.adapter->name();
      for (const auto& range : port_driver_->claims().claimed_by(*hosted.adapter)) {
        info.access_ranges.push_back(range.describe());
      }
      if (kernel::InterruptObject* object = hosted.adapter->interrupt()) {
        kernel::LineStatistics s = m.interrupts().statistics(object->line);
        info.interrupt = report::InterruptInfo{object->line,
                                               object->mode == kernel::InterruptMode::LevelSensitive ? "level" : "latched",
                                               object->dirql, s.delivered, s.claimed, s.unclaimed, s.masked, s.storm};
      }
      info.interrupt_note = hosted.interrupt_note;
      info.dpcs_run = hosted.adapter->dpc().runs();
      info.timer_ticks = hosted.adapter->timer() ? hosted.adapter->timer()->ticks() : 0;
      for (const auto& write : port_driver_->registry_writes(hosted)) {
        info.registry_writes.push_back(report::RegistryWrite{
            write.name, write.type == videoport::RegistryType::Dword ? "dword" : "binary", registry_value_text(write)});
      }
    }
    for (std::size_t i = 0; i < adapters.size(); ++i) {
      report_.adapters[i].initialized = i < initialized_.size() && initialized_[i];
    }
    for (const auto& entry : port_driver_->log_entries()) {
      report_.log.push_back(report::LogLine{entry.time, entry.processor, entry.source, entry.level, entry.text});
    }
    report_.log_dropped = port_driver_->log_dropped();
  }
  report_.findings = m.findings().snapshot();
  report_.findings_overflow = m.findings().overflow();
  report_.stop = m.stop_finding();
  bool non_fatal = false;
  for (const auto& f : report_.findings) non_fatal |= f.severity != findings::Severity::Fatal;
  non_fatal |= report_.findings_overflow > 0;
  if (non_fatal) report_.fail(report::Outcome::Findings, fmt::format("{} finding(s) recorded", report_.findings.size()));
  for (const auto& e : report_.expectations) {
    if (!e.passed) report_.fail(report::Outcome::Findings, fmt::format("expectation at {} failed", e.origin));
  }
}

}  // namespace vidport::host
