// Runs the real vidport executable for CLI tests and reads what a user would see: the exit code,
// stdout, stderr and report.json.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vidport::testing {

struct CliResult {
  int exit_code = -1;  // the process's exit status; 128 + signal when it died of one
  std::string out;
  std::string err;
};

// Runs `vidport` with `args` (no shell quoting needed: each argument is passed as is).
CliResult run_vidport(const std::vector<std::string>& args);
// Runs any program (`argv[0]` an absolute path) the same way.
CliResult run_program(const std::vector<std::string>& argv);

// A fresh empty directory under the test's temporary folder.
std::string fresh_directory(const std::string& name);

// The built miniport `name` (e.g. "defect_storm") in the build tree.
std::string miniport_path(const std::string& name);

// A file of the source tree, e.g. "docs/report.schema.json".
std::string source_path(const std::string& relative);

// Parses `directory`/report.json; fails the test when missing or malformed.
nlohmann::json read_report(const std::string& directory);

// Validates `directory`/report.json against docs/report.schema.json with /usr/bin/python3 -m
// jsonschema; returns the validator's complaint, or "" when valid.
std::string schema_errors(const std::string& report_path);

// Writes `text` to a file `name` in a fresh directory and returns its path.
std::string write_file(const std::string& name, const std::string& text);

}  // namespace vidport::testing
