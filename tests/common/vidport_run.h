// `vidport run ARGS --out DIR` as a user types it, for the command-line tests of vgasync and the
// full-screen path: the exit code, everything the run printed, and DIR/report.json.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace vidport::testing {

struct VidportRun {
  int exit_code = -1;      // -1 when the process did not exit normally
  nlohmann::json report;   // discarded (is_discarded()) or null when report.json is missing or bad
  std::string output;      // stdout and stderr together
};

// Runs `cli` (the vidport executable) with `run ARGS --out DIR` through the shell (ARGS is
// pasted as is) after emptying DIR; the output goes to DIR.log and is read back.
VidportRun vidport_run(const std::string& cli, const std::string& args, const std::filesystem::path& out);

}  // namespace vidport::testing
