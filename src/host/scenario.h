// A scenario: what `vidport run --scenario FILE` does after the miniport started. The format is
// YAML (docs/scenario.md); yaml-cpp gives every node its line, so every error names the file,
// the line and the reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kernel/clock.h"
#include "videoport/port_driver.h"

namespace vidport::host {

struct ScenarioError {
  std::string file;
  int line = 0;  // 1-based; 0 when the file could not be read at all
  std::string reason;
  // "file:line: reason"
  std::string describe() const;
};

struct Expect {
  std::optional<std::uint32_t> status;
  std::optional<std::uint64_t> information;
  std::vector<std::uint32_t> output_ulongs;  // the output must start with these ULONGs
};

struct Step {
  enum class Kind { DisplayDriver, Ioctl, Wait, WaitInterrupts, Screenshot, FullScreen, HardwareState };
  Kind kind = Kind::Wait;
  int line = 0;
  std::size_t adapter = 0;
  // Ioctl
  std::uint32_t ioctl = 0;
  std::vector<std::uint8_t> input;
  std::uint32_t output_size = 0;
  std::optional<Expect> expect;
  // Wait: clock time; WaitInterrupts: how many, within how much clock time
  kernel::ClockTime duration = 0;
  std::uint64_t interrupts = 0;
  // Screenshot: the PNG file (relative paths are relative to --out, else to the current folder).
  // FullScreen: the program (relative paths are relative to the scenario file's folder).
  std::string file;
  // HardwareState: SAVE (true) or RESTORE (false)
  bool save = false;
};

struct Scenario {
  std::string file;
  std::vector<videoport::RegistryValue> registry;
  std::vector<Step> steps;
};

// Parses `text` (named `file` in errors). Pure.
std::variant<Scenario, ScenarioError> parse_scenario(const std::string& text, const std::string& file);
// Reads and parses `path`.
std::variant<Scenario, ScenarioError> load_scenario(const std::string& path);

// True when a step runs a full-screen program (the run then needs RunOptions::full_screen). Pure.
bool uses_full_screen(const Scenario& scenario);

// A duration such as "10ms", "250us", "2s" or "500ns" in nanoseconds; nullopt if malformed. Pure.
std::optional<kernel::ClockTime> parse_duration(const std::string& text);

}  // namespace vidport::host
