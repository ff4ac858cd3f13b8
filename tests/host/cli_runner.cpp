#include "cli_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

extern char** environ;

namespace vidport::testing {

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value ? value : fallback;
}

int spawn_and_wait(const std::vector<std::string>& argv, const std::string& out_path, const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> raw;
  for (const std::string& a : argv) raw.push_back(const_cast<char*>(a.c_str()));
  raw.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::string fresh_directory(const std::string& name) {
  auto base = std::filesystem::temp_directory_path() / ("vidport-host-test-" + std::to_string(getpid()));
  auto dir = base / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string miniport_path(const std::string& name) {
  return env_or("VIDPORT_BINARY_DIR", ".") + "/miniports/" + name + ".so";
}

std::string source_path(const std::string& relative) { return env_or("VIDPORT_SOURCE_DIR", ".") + "/" + relative; }

CliResult run_vidport(const std::vector<std::string>& args) {
  std::vector<std::string> argv{VIDPORT_CLI};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv);
}

CliResult run_program(const std::vector<std::string>& argv) {
  std::string dir = fresh_directory("cli-output");
  CliResult result;
  result.exit_code = spawn_and_wait(argv, dir + "/stdout", dir + "/stderr");
  result.out = slurp(dir + "/stdout");
  result.err = slurp(dir + "/stderr");
  return result;
}

nlohmann::json read_report(const std::string& directory) {
  std::string path = directory + "/report.json";
  EXPECT_TRUE(std::filesystem::exists(path)) << path << " was not written";
  nlohmann::json j = nlohmann::json::parse(slurp(path), nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << path << " is not JSON";
  return j;
}

std::string schema_errors(const std::string& report_path) {
  std::string dir = fresh_directory("schema-check");
  int rc = spawn_and_wait({"/usr/bin/python3", "-m", "jsonschema", "-i", report_path,
                           source_path("docs/report.schema.json")},
                          dir + "/out", dir + "/err");
  if (rc == 0) return "";
  std::string complaint = slurp(dir + "/out") + slurp(dir + "/err");
  return complaint.empty() ? "jsonschema failed with exit code " + std::to_string(rc) : complaint;
}

std::string write_file(const std::string& name, const std::string& text) {
  std::string path = fresh_directory("files-" + name) + "/" + name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace vidport::testing
