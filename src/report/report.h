// The run report: everything `vidport run` found out, as plain data. The host fills it; the
// terminal summary and report.json only format it (summary_printer.h, report_json.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "findings/finding.h"

namespace vidport::report {

// How a run ended, ordered so that the highest wins; the value is the process exit code.
enum class Outcome : int {
  Clean = 0,            // the miniport ran and nothing was found
  Findings = 1,         // findings or failed scenario expectations
  MiniportFailure = 2,  // DriverEntry, HwVidFindAdapter or HwVidInitialize failed
  CrashOrHang = 3,      // a miniport routine crashed or the watchdog ended a hang
  HostError = 4,        // bad usage, unloadable module, unreadable scenario, unwritable output
};
std::string_view outcome_id(Outcome outcome);  // "clean", "findings", ...

struct InitializeCall {
  std::uint32_t init_data_size = 0;
  int interface_type = 0;
  std::uint32_t status = 0;
  std::vector<std::uint32_t> find_adapter_results;
  std::string note;
};

struct InterruptInfo {
  unsigned line = 0;
  std::string mode;  // "level" or "latched"
  unsigned dirql = 0;
  std::uint64_t delivered = 0;
  std::uint64_t claimed = 0;
  std::uint64_t unclaimed = 0;
  bool masked = false;
  bool storm = false;
};

struct Mode {
  std::uint32_t index = 0;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint32_t bits_per_pixel = 0;  // planes x bits per plane
  std::uint32_t frequency = 0;
  bool graphics = false;
};

struct RegistryWrite {
  std::string name;
  std::string type;  // "dword" or "binary"
  std::string value; // the DWORD in decimal, or the bytes in hex
};

struct AdapterInfo {
  std::string name;
  std::vector<std::string> access_ranges;  // as AccessRange::describe()
  std::optional<InterruptInfo> interrupt;
  std::string interrupt_note;              // why none is connected
  bool initialized = false;                // HwVidInitialize returned TRUE
  std::optional<bool> reset_hw;            // HwVidResetHw's result, when it was called
  std::vector<Mode> modes;
  std::optional<std::uint32_t> current_mode;
  std::vector<RegistryWrite> registry_writes;
  std::uint64_t dpcs_run = 0;
  std::uint64_t timer_ticks = 0;
};

struct Request {
  std::string name;  // "IOCTL_VIDEO_QUERY_AVAIL_MODES" or the code in hex
  std::uint32_t ioctl = 0;
  std::uint32_t input_length = 0;
  std::uint32_t output_length = 0;
  bool completed = false;             // false: the machine stopped during the request
  std::uint32_t status = 0;
  std::uint64_t information = 0;      // bytes returned, or with ERROR_INSUFFICIENT_BUFFER the bytes needed
  std::string note;
  std::string origin;                 // "display driver" or "scenario file:line"
};

struct Expectation {
  std::string origin;  // "file:line"
  std::string what;
  bool passed = false;
  std::string detail;
};

struct Screenshot {
  std::string path;    // the PNG written: relative to report.json's directory unless absolute
  std::string origin;  // "file:line" of the scenario step
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

// One full-screen (V86) program run through the miniport's emulator routines (docs/fullscreen.md).
struct NullPortCount {
  std::uint16_t port = 0;
  std::uint64_t accesses = 0;
};
struct FullScreenRun {
  std::string program;  // path as given
  std::string origin;   // "--v86" or "file:line" of the scenario step
  std::string stop;     // "halted", "instruction-limit", "time-limit" or "fault"
  std::string message;  // why it stopped, unless halted
  std::uint64_t instructions = 0;
  std::uint64_t direct = 0;        // port accesses that went straight to the VGA
  std::uint64_t emulated = 0;      // emulator routine calls for single accesses
  std::uint64_t string_calls = 0;  // string routine calls for a whole REP INS/OUTS
  std::uint64_t failed_calls = 0;  // routine calls that returned an error
  std::uint64_t playbacks = 0;        // routine calls that wrote ports from a synchronize callback
  std::uint64_t playback_writes = 0;  // the port writes those callbacks made
  std::vector<NullPortCount> null_ports;  // ports outside the VGA the program touched
};

struct LogLine {
  std::uint64_t time_ns = 0;
  int processor = -1;
  std::string source;
  int level = 0;
  std::string text;
};

struct Statistics {
  std::uint64_t clock_ns = 0;
  std::uint64_t isrs_run = 0;
  std::uint64_t dpcs_run = 0;
  std::uint64_t synchronize_calls[4] = {};  // low, medium, high, invalid priority
};

// What the VGA's oracles saw: palette (DAC) writes and start-address changes made while the beam
// was in the displayed lines — visible tears a miniport should have deferred to vertical blank.
struct VgaOracles {
  std::uint64_t dac_tears = 0;
  std::uint64_t start_address_tears = 0;
  std::uint64_t total() const { return dac_tears + start_address_tears; }
};

// The built-in vgasync demo (`vidport run` without arguments): what vgasync says it did.
struct DemoSummary {
  std::string failed_step;  // "" when every step succeeded
  std::uint32_t retraces = 0;
  std::uint32_t palette_updates_applied = 0;  // by the ISR, at vertical retrace
  std::uint32_t pans_applied = 0;
  std::uint32_t dpc_runs = 0;
  std::uint32_t exclusion_violations = 0;
};

struct Report {
  std::string miniport;        // path as given
  std::string scenario;        // path, or "" for the built-in sequence
  unsigned cpus = 0;
  std::string sync_semantics;  // "docs", "nt4" or "reactos"
  std::string clock;           // "virtual" or "real"
  // How the machine reached its POSTed state: platform::post_source_name(), and why a snapshot
  // file was not used or written ("" when nothing went wrong; docs/snapshot.md).
  std::string post = "none";
  std::string post_note;

  bool loaded = false;
  std::optional<std::int32_t> driver_entry_status;
  std::vector<InitializeCall> initialize_calls;
  std::vector<AdapterInfo> adapters;
  std::vector<Request> requests;
  std::vector<Expectation> expectations;
  std::vector<Screenshot> screenshots;
  std::vector<FullScreenRun> full_screen;
  std::vector<findings::Finding> findings;
  std::uint64_t findings_overflow = 0;    // findings past the per-kind cap, counted only
  std::optional<findings::Finding> stop;  // the crash or hang that ended the run
  std::vector<LogLine> log;
  std::uint64_t log_dropped = 0;          // miniport log lines past the cap, counted only
  Statistics statistics;
  VgaOracles vga;
  std::optional<DemoSummary> demo;

  Outcome outcome = Outcome::Clean;
  std::vector<std::string> problems;  // why the outcome is not clean, one sentence each

  // Raises the outcome to `outcome` (highest wins) and records why.
  void fail(Outcome outcome, std::string problem);
  int exit_code() const { return static_cast<int>(outcome); }
};

}  // namespace vidport::report
