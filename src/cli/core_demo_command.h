// `vidport core-demo`: the execution core on its own, no miniport file needed. An interrupting
// device races VideoPortSynchronizeExecution callbacks on N virtual processors, and the run prints
// what happened: interrupts delivered and claimed per processor, DPCs, synchronize calls per
// priority, and whether the ISR ever saw the state a callback was in the middle of changing.
#pragma once

#include <CLI/CLI.hpp>

namespace vidport::cli {

// Adds the `core-demo` subcommand. Exit code: 0 when the shared invariant held and nothing was
// reported, 1 when the chosen semantics let the ISR see a half-made update, 4 on bad arguments.
void add_core_demo_command(CLI::App& app, int& exit_code);

}  // namespace vidport::cli
