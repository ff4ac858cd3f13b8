// `vidport run`: loads a miniport, drives it as Windows would, and reports what happened.
//
//   vidport run [--miniport driver.so] [--scenario FILE] [--cpus N]
//               [--sync-semantics docs|nt4|reactos] [--clock virtual|real] [--watchdog SECONDS]
//               [--out DIR] [--v86 PROGRAM]
//
// Without --miniport it runs the bundled sample miniport. Exit codes (highest wins): 4 usage or
// host error, 3 miniport crash or hang, 2 miniport failure, 1 findings, 0 clean.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace vidport::cli {

// Adds the `run` subcommand to `app`. When the user picks it, it runs and stores its exit code in
// `exit_code`, which must outlive the parse.
void add_run_command(CLI::App& app, int& exit_code);

}  // namespace vidport::cli
