#include "report/summary_printer.h"

#include <fmt/format.h>

#include "findings/finding_format.h"

namespace vidport::report {

namespace {

void append_adapter(std::string& out, const AdapterInfo& a) {
  out += fmt::format("  {}: {}{}\n", a.name, a.initialized ? "initialized" : "NOT initialized",
                     a.reset_hw ? (*a.reset_hw ? ", HwVidResetHw returned TRUE" : ", HwVidResetHw returned FALSE") : "");
  for (const std::string& range : a.access_ranges) out += fmt::format("    claims {}\n", range);
  if (a.interrupt) {
    const InterruptInfo& i = *a.interrupt;
    out += fmt::format("    interrupt line {} ({}, DIRQL {}): {} delivered, {} claimed, {} unclaimed{}{}\n", i.line,
                       i.mode, i.dirql, i.delivered, i.claimed, i.unclaimed, i.masked ? ", masked" : "",
                       i.storm ? ", STORM" : "");
  } else {
    out += fmt::format("    no interrupt: {}\n", a.interrupt_note);
  }
  out += fmt::format("    DPCs run {}, timer ticks {}\n", a.dpcs_run, a.timer_ticks);
  for (const Mode& m : a.modes) {
    out += fmt::format("    mode {}: {}x{} {} bpp {} Hz {}{}\n", m.index, m.width, m.height, m.bits_per_pixel,
                       m.frequency, m.graphics ? "graphics" : "text",
                       a.current_mode && *a.current_mode == m.index ? "  (current)" : "");
  }
  for (const RegistryWrite& w : a.registry_writes) {
    out += fmt::format("    registry write {} = {} ({})\n", w.name, w.value, w.type);
  }
}

}  // namespace

std::string format_summary(const Report& r, std::size_t log_lines) {
  std::string out;
  out += fmt::format("vidport run: {}{}\n", r.miniport, r.scenario.empty() ? "" : " with scenario " + r.scenario);
  out += fmt::format("  machine: {} processors, {} clock, sync semantics {}\n", r.cpus, r.clock, r.sync_semantics);
  if (!r.loaded) {
    out += "  module not loaded\n";
  } else if (r.driver_entry_status) {
    out += fmt::format("  DriverEntry returned {:#x}\n", static_cast<std::uint32_t>(*r.driver_entry_status));
  }
  for (const InitializeCall& c : r.initialize_calls) {
    out += fmt::format("  VideoPortInitialize(size {}, interface {}) = {}{}\n", c.init_data_size, c.interface_type,
                       c.status, c.note.empty() ? "" : ": " + c.note);
  }
  if (!r.adapters.empty()) out += "adapters:\n";
  for (const AdapterInfo& a : r.adapters) append_adapter(out, a);
  if (!r.requests.empty()) out += "requests:\n";
  for (const Request& q : r.requests) {
    out += fmt::format("  {:<40} in {:>5} out {:>5}  ", q.name, q.input_length, q.output_length);
    out += q.completed ? fmt::format("status {} information {}", q.status, q.information) : std::string("not completed");
    if (!q.note.empty()) out += "  (" + q.note + ")";
    out += '\n';
  }
  for (const Expectation& e : r.expectations) {
    out += fmt::format("  expect {} at {}: {}{}\n", e.what, e.origin, e.passed ? "passed" : "FAILED",
                       e.detail.empty() ? "" : " - " + e.detail);
  }
  for (const Screenshot& shot : r.screenshots) {
    out += fmt::format("  screenshot {}x{} at {}: {}\n", shot.width, shot.height, shot.origin, shot.path);
  }
  for (const FullScreenRun& run : r.full_screen) {
    std::uint64_t null_accesses = 0;
    for (const NullPortCount& n : run.null_ports) null_accesses += n.accesses;
    out += fmt::format("  full-screen {} at {}: {}, {} instructions; ports: {} direct, {} emulated, {} string calls, "
                       "{} to the null device; {} playbacks of {} port writes\n",
                       run.program, run.origin, run.stop, run.instructions, run.direct, run.emulated,
                       run.string_calls, null_accesses, run.playbacks, run.playback_writes);
  }

  const Statistics& s = r.statistics;
  out += fmt::format("statistics: clock {:.6f} s, ISRs run {}, DPCs run {}\n", s.clock_ns / 1e9, s.isrs_run, s.dpcs_run);
  out += fmt::format("  VideoPortSynchronizeExecution: low {}, medium {}, high {}, invalid {}\n",
                     s.synchronize_calls[0], s.synchronize_calls[1], s.synchronize_calls[2], s.synchronize_calls[3]);
  out += fmt::format("  VGA tears: {} (palette writes {}, start-address changes {} outside vertical blank)\n",
                     r.vga.total(), r.vga.dac_tears, r.vga.start_address_tears);
  if (r.demo) {
    const DemoSummary& d = *r.demo;
    out += fmt::format("demo: {} retraces, palette updates applied by the ISR {}, pans applied {}, DPCs {}, "
                       "ISR-callback overlaps {}{}\n",
                       d.retraces, d.palette_updates_applied, d.pans_applied, d.dpc_runs, d.exclusion_violations,
                       d.failed_step.empty() ? "" : "; FAILED at: " + d.failed_step);
  }
  if (!r.log.empty()) {
    out += fmt::format("miniport log ({} lines):\n", r.log.size());
    for (std::size_t i = 0; i < r.log.size() && i < log_lines; ++i) {
      out += fmt::format("  [{:.6f} cpu{}] {}: {}\n", r.log[i].time_ns / 1e9, r.log[i].processor, r.log[i].source,
                         r.log[i].text);
    }
    if (r.log.size() > log_lines) out += fmt::format("  ... {} more in report.json\n", r.log.size() - log_lines);
    if (r.log_dropped > 0) out += fmt::format("  ... and {} more not kept (the log keeps the first lines)\n", r.log_dropped);
  }
  if (r.stop) out += findings::format_text(*r.stop);
  for (const findings::Finding& f : r.findings) {
    if (f.severity == findings::Severity::Fatal) continue;  // the stop block above shows it
    out += findings::format_text(f);
  }
  if (r.findings_overflow > 0) {
    out += fmt::format("{} more finding(s) not kept: a kind keeps its first distinct findings only\n",
                       r.findings_overflow);
  }
  out += fmt::format("outcome: {} (exit code {})\n", outcome_id(r.outcome), r.exit_code());
  for (const std::string& p : r.problems) out += "  " + p + "\n";
  return out;
}

}  // namespace vidport::report
