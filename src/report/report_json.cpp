#include "report/report_json.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "findings/finding_format.h"

namespace vidport::report {

namespace {

nlohmann::json interrupt_json(const InterruptInfo& i) {
  return {{"line", i.line},           {"mode", i.mode},         {"dirql", i.dirql},
          {"delivered", i.delivered}, {"claimed", i.claimed},   {"unclaimed", i.unclaimed},
          {"masked", i.masked},       {"storm", i.storm}};
}

nlohmann::json adapter_json(const AdapterInfo& a) {
  nlohmann::json modes = nlohmann::json::array();
  for (const Mode& m : a.modes) {
    modes.push_back({{"index", m.index}, {"width", m.width}, {"height", m.height},
                     {"bits_per_pixel", m.bits_per_pixel}, {"frequency", m.frequency}, {"graphics", m.graphics}});
  }
  nlohmann::json writes = nlohmann::json::array();
  for (const RegistryWrite& w : a.registry_writes) writes.push_back({{"name", w.name}, {"type", w.type}, {"value", w.value}});
  nlohmann::json j = {{"name", a.name},
                      {"access_ranges", a.access_ranges},
                      {"interrupt", a.interrupt ? interrupt_json(*a.interrupt) : nlohmann::json(nullptr)},
                      {"interrupt_note", a.interrupt_note},
                      {"initialized", a.initialized},
                      {"reset_hw", a.reset_hw ? nlohmann::json(*a.reset_hw) : nlohmann::json(nullptr)},
                      {"modes", modes},
                      {"current_mode", a.current_mode ? nlohmann::json(*a.current_mode) : nlohmann::json(nullptr)},
                      {"registry_writes", writes},
                      {"dpcs_run", a.dpcs_run},
                      {"timer_ticks", a.timer_ticks}};
  return j;
}

}  // namespace

nlohmann::json to_json(const Report& r) {
  nlohmann::json calls = nlohmann::json::array();
  for (const InitializeCall& c : r.initialize_calls) {
    calls.push_back({{"init_data_size", c.init_data_size}, {"interface_type", c.interface_type},
                     {"status", c.status}, {"find_adapter_results", c.find_adapter_results}, {"note", c.note}});
  }
  nlohmann::json adapters = nlohmann::json::array();
  for (const AdapterInfo& a : r.adapters) adapters.push_back(adapter_json(a));
  nlohmann::json requests = nlohmann::json::array();
  for (const Request& q : r.requests) {
    requests.push_back({{"name", q.name}, {"ioctl", q.ioctl}, {"input_length", q.input_length},
                        {"output_length", q.output_length}, {"completed", q.completed}, {"status", q.status},
                        {"information", q.information}, {"note", q.note}, {"origin", q.origin}});
  }
  nlohmann::json expectations = nlohmann::json::array();
  for (const Expectation& e : r.expectations) {
    expectations.push_back({{"origin", e.origin}, {"what", e.what}, {"passed", e.passed}, {"detail", e.detail}});
  }
  nlohmann::json screenshots = nlohmann::json::array();
  for (const Screenshot& shot : r.screenshots) {
    screenshots.push_back({{"path", shot.path}, {"origin", shot.origin}, {"width", shot.width}, {"height", shot.height}});
  }
  nlohmann::json full_screen = nlohmann::json::array();
  for (const FullScreenRun& run : r.full_screen) {
    nlohmann::json null_ports = nlohmann::json::array();
    for (const NullPortCount& n : run.null_ports) null_ports.push_back({{"port", n.port}, {"accesses", n.accesses}});
    full_screen.push_back({{"program", run.program}, {"origin", run.origin}, {"stop", run.stop},
                           {"message", run.message}, {"instructions", run.instructions}, {"direct", run.direct},
                           {"emulated", run.emulated}, {"string_calls", run.string_calls},
                           {"failed_calls", run.failed_calls}, {"playbacks", run.playbacks},
                           {"playback_writes", run.playback_writes}, {"null_ports", null_ports}});
  }
  nlohmann::json found = nlohmann::json::array();
  for (const findings::Finding& f : r.findings) found.push_back(findings::to_json(f));
  nlohmann::json log = nlohmann::json::array();
  for (const LogLine& l : r.log) {
    log.push_back({{"time_ns", l.time_ns}, {"processor", l.processor}, {"source", l.source}, {"level", l.level},
                   {"text", l.text}});
  }
  const Statistics& s = r.statistics;
  return {
      {"format", "vidport-run-report"},
      {"version", kReportVersion},
      {"miniport", r.miniport},
      {"scenario", r.scenario},
      {"machine", {{"cpus", r.cpus}, {"sync_semantics", r.sync_semantics}, {"clock", r.clock},
                   {"post", r.post}, {"post_note", r.post_note}}},
      {"loaded", r.loaded},
      {"driver_entry_status", r.driver_entry_status ? nlohmann::json(*r.driver_entry_status) : nlohmann::json(nullptr)},
      {"initialize_calls", calls},
      {"adapters", adapters},
      {"requests", requests},
      {"expectations", expectations},
      {"screenshots", screenshots},
      {"full_screen", full_screen},
      {"findings", found},
      {"findings_overflow", r.findings_overflow},
      {"stop", r.stop ? findings::to_json(*r.stop) : nlohmann::json(nullptr)},
      {"log", log},
      {"log_dropped", r.log_dropped},
      {"statistics",
       {{"clock_ns", s.clock_ns},
        {"isrs_run", s.isrs_run},
        {"dpcs_run", s.dpcs_run},
        {"synchronize_calls",
         {{"low", s.synchronize_calls[0]}, {"medium", s.synchronize_calls[1]}, {"high", s.synchronize_calls[2]},
          {"invalid", s.synchronize_calls[3]}}}}},
      {"vga", {{"tears", r.vga.total()}, {"dac_tears", r.vga.dac_tears}, {"start_address_tears", r.vga.start_address_tears}}},
      {"demo", r.demo ? nlohmann::json{{"failed_step", r.demo->failed_step},
                                       {"retraces", r.demo->retraces},
                                       {"palette_updates_applied", r.demo->palette_updates_applied},
                                       {"pans_applied", r.demo->pans_applied},
                                       {"dpc_runs", r.demo->dpc_runs},
                                       {"exclusion_violations", r.demo->exclusion_violations}}
                      : nlohmann::json(nullptr)},
      {"outcome", outcome_id(r.outcome)},
      {"exit_code", r.exit_code()},
      {"problems", r.problems},
  };
}

std::string write_report_json(const Report& report, const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) return fmt::format("cannot create {}: {}", directory, ec.message());
  fs::path final_path = fs::path(directory) / "report.json";
  fs::path temp_path = fs::path(directory) / fmt::format(".report.json.{}.tmp", getpid());
  {
    std::ofstream out(temp_path, std::ios::trunc);
    if (!out) return fmt::format("cannot write {}: {}", temp_path.string(), std::strerror(errno));
    out << to_json(report).dump(2) << '\n';
    out.flush();
    if (!out) {
      fs::remove(temp_path, ec);
      return fmt::format("cannot write {}: {}", temp_path.string(), std::strerror(errno));
    }
  }
  if (std::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    fs::remove(temp_path, ec);
    return fmt::format("cannot rename {} to {}: {}", temp_path.string(), final_path.string(), reason);
  }
  return {};
}

}  // namespace vidport::report
