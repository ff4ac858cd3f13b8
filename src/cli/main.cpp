// The vidport executable: a thin dispatcher to one file per subcommand.
#include <CLI/CLI.hpp>

#include "cli/boot_command.h"
#include "cli/core_demo_command.h"
#include "cli/run_command.h"

int main(int argc, char** argv) {
  CLI::App app{"vidport: the Windows XPDM video miniport environment on Linux, and its emulated hardware"};
  app.require_subcommand(1);
  int exit_code = 0;
  vidport::cli::add_boot_command(app, exit_code);
  vidport::cli::add_core_demo_command(app, exit_code);
  vidport::cli::add_run_command(app, exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
