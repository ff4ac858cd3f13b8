// `vidport boot PROGRAM --screenshot OUT.png`: runs a 16-bit program on the emulated PC (the
// real SeaVGABIOS on vidport's VGA) until it halts, and saves what the VGA shows.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace vidport::cli {

struct BootOptions {
  std::string program;
  std::string screenshot;
  std::string trace;  // empty: no trace
  std::string rom;
  double time_limit_s = 10.0;
  std::uint64_t max_instructions = 1'000'000'000;
};

// Exit codes of `vidport boot`.
inline constexpr int kBootOk = 0;
inline constexpr int kBootInputError = 1;  // missing or bad program, ROM, or output path
inline constexpr int kBootDidNotHalt = 2;  // hang (a limit was reached) or CPU fault

// Adds the `boot` subcommand to `app`. When the user picks it, it runs and stores its exit code in
// `exit_code`, which must outlive the parse.
void add_boot_command(CLI::App& app, int& exit_code);

// Runs `vidport boot` with `options`: text the program wrote to port 0xE9 goes to `out`, notes
// and errors to `err`. Returns an exit code above. Never throws.
int run_boot(const BootOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vidport::cli
