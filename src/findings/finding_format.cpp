#include "findings/finding_format.h"

#include <fmt/format.h>

namespace vidport::findings {

std::string format_text(const Finding& f) {
  std::string out = fmt::format("*** {}: {} ({})", f.severity == Severity::Fatal ? "STOP" : "FINDING",
                                kind_title(f.kind), kind_id(f.kind));
  if (f.count > 1) out += fmt::format("  x{}", f.count);
  out += "\n" + f.message + "\n";
  if (f.processor >= 0) {
    out += fmt::format("  processor {}   IRQL {} ({})   context {}   clock {:.6f} ms\n", f.processor,
                       f.irql, kernel::irql_name(f.irql), kernel::context_name(f.context),
                       static_cast<double>(f.time) / 1e6);
  } else {
    out += "  (not on a virtual processor: a device or clock thread)\n";
  }
  if (f.site.address != 0) out += fmt::format("  {:<14}{}\n", "call site", f.site.describe());
  if (f.other_site && f.other_site->address != 0) {
    out += fmt::format("  {:<14}{}\n", f.other_site_role.empty() ? "other site" : f.other_site_role,
                       f.other_site->describe());
  }
  return out;
}

nlohmann::json to_json(const CallSite& site) {
  nlohmann::json j;
  j["address"] = fmt::format("{:#x}", site.address);
  j["module"] = site.module;
  j["module_offset"] = fmt::format("{:#x}", site.module_offset);
  j["symbol"] = site.symbol;
  j["symbol_offset"] = fmt::format("{:#x}", site.symbol_offset);
  j["text"] = site.describe();
  return j;
}

nlohmann::json to_json(const Finding& f) {
  nlohmann::json j;
  j["kind"] = std::string(kind_id(f.kind));
  j["title"] = std::string(kind_title(f.kind));
  j["severity"] = f.severity == Severity::Fatal ? "fatal" : "error";
  j["processor"] = f.processor;
  j["irql"] = f.irql;
  j["context"] = std::string(kernel::context_name(f.context));
  j["time_ns"] = f.time;
  j["message"] = f.message;
  j["count"] = f.count;
  j["site"] = to_json(f.site);
  if (f.other_site) {
    j["other_site"] = to_json(*f.other_site);
    j["other_site_role"] = f.other_site_role;
  }
  return j;
}

}  // namespace vidport::findings
