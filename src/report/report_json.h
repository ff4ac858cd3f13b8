// report.json: the run report as JSON (described by docs/report.schema.json), written
// atomically so a reader never sees half a report, even when the run ended in a crash.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace vidport::report {

// The version of report.json's layout (docs/report.schema.json), raised whenever a field changes
// meaning or shape. 2: findings have a primary and an optional second side; sites are module +
// offset + symbol without absolute addresses; screenshot paths are relative to report.json.
inline constexpr int kReportVersion = 2;

// The whole report; field names follow docs/report.schema.json. Pure.
nlohmann::json to_json(const Report& report);

// Writes `report` to `directory`/report.json through a temporary file in the same directory
// and rename(), creating the directory if needed. Returns "" on success, else a message that
// names the path and the reason.
std::string write_report_json(const Report& report, const std::string& directory);

}  // namespace vidport::report
