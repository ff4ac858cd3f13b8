#include "vidport_run.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace vidport::testing {

VidportRun vidport_run(const std::string& cli, const std::string& args, const std::filesystem::path& out) {
  std::filesystem::remove_all(out);
  const std::filesystem::path log = out.string() + ".log";
  const std::string command = cli + " run " + args + " --out " + out.string() + " > " + log.string() + " 2>&1";
  VidportRun run;
  const int status = std::system(command.c_str());
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  std::ifstream report(out / "report.json");
  if (report) run.report = nlohmann::json::parse(report, nullptr, false);
  std::ifstream text(log);
  run.output.assign(std::istreambuf_iterator<char>(text), std::istreambuf_iterator<char>());
  return run;
}

}  // namespace vidport::testing
