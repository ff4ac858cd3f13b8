#include "cli/boot_command.h"

#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "image/image.h"
#include "pc/machine.h"
#include "pc/port_trace_writer.h"
#include "pc/program.h"
#include "pc/video_bios.h"

namespace vidport::cli {

void add_boot_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<BootOptions>();
  options->rom = pc::VideoBios::kDefaultRomPath;
  CLI::App* boot = app.add_subcommand(
      "boot",
      "Run a 16-bit program on the emulated PC (SeaVGABIOS on vidport's VGA) until it halts, and save the screen.");
  boot->add_option("PROGRAM", options->program,
                   "A flat image loaded whole at 0000:7C00 (a boot sector or bigger), or a .COM program "
                   "(by its extension) loaded at PSP:0100")
      ->required();
  boot->add_option("--screenshot", options->screenshot, "Write what the VGA shows after the HLT to this PNG file")
      ->required();
  boot->add_option("--trace", options->trace,
                   "Write every port access (one line each: seq, IN/OUT, port, bits, value) to this file");
  boot->add_option("--time-limit", options->time_limit_s,
                   "Give up after this many seconds of host time (the program hangs)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  boot->add_option("--max-instructions", options->max_instructions,
                   "Give up after this many instructions (0: no limit)")
      ->capture_default_str();
  boot->add_option("--rom", options->rom, "The video BIOS ROM to run")->capture_default_str();
  boot->footer(
      "Text the program writes to port 0xE9 is shown on stdout. Exit status: 0 the program halted and the "
      "screenshot was written; 1 a missing or bad program, ROM or output path; 2 the program did not halt "
      "(time or instruction limit, or a CPU exception).");
  boot->callback([options, &exit_code] { exit_code = run_boot(*options, std::cout, std::cerr); });
}

int run_boot(const BootOptions& options, std::ostream& out, std::ostream& err) {
  pc::Program program;
  if (std::string error = pc::read_program(options.program, program); !error.empty()) {
    err << "vidport boot: " << error << '\n';
    return kBootInputError;
  }

  pc::Machine machine;
  std::ofstream trace_file;
  std::unique_ptr<pc::PortTraceWriter> trace;
  if (!options.trace.empty()) {
    trace_file.open(options.trace, std::ios::trunc);
    if (!trace_file) {
      err << fmt::format("vidport boot: cannot write the trace file '{}'\n", options.trace);
      return kBootInputError;
    }
    trace = std::make_unique<pc::PortTraceWriter>(trace_file);
    machine.set_port_observer(trace.get());
  }

  pc::RunLimits limits;
  limits.max_seconds = options.time_limit_s;
  limits.max_instructions = options.max_instructions;
  if (trace) trace->note(fmt::format("video BIOS init: {} (far call C000:0003)", options.rom));
  if (std::string error = machine.start(options.rom, limits); !error.empty()) {
    err << "vidport boot: " << error << '\n';
    return kBootInputError;
  }
  if (trace) trace->note(fmt::format("program: {}", options.program));
  const pc::RunResult result = machine.run_program(program, limits);
  out << machine.console().program_text();
  out.flush();

  if (trace_file.is_open()) {
    trace_file.close();
    if (!trace_file) err << fmt::format("vidport boot: error writing the trace file '{}'\n", options.trace);
  }
  if (std::string summary = machine.monitor().unclaimed_summary(); !summary.empty()) {
    err << "vidport boot: note: " << summary << '\n';
  }
  if (!result.halted()) {
    err << fmt::format("vidport boot: '{}' did not halt: {}\n", options.program, result.message);
    return kBootDidNotHalt;
  }
  if (std::string error = image::write_png(machine.vga().render(), options.screenshot); !error.empty()) {
    err << fmt::format("vidport boot: cannot write the screenshot '{}': {}\n", options.screenshot, error);
    return kBootInputError;
  }
  return kBootOk;
}

}  // namespace vidport::cli
