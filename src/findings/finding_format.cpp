#include "findings/finding_format.h"

#include <fmt/format.h>

namespace vidport::findings {

namespace {

// One labelled line of a side, e.g. "    at            vgasync.so+0x1234 (HwVidInterrupt+0x34)".
void append_line(std::string& out, std::string_view label, std::string_view text) {
  out += fmt::format("    {:<14}{}\n", label, text);
}

void append_side(std::string& out, const AccessSide& side, std::string_view clock) {
  if (side.processor >= 0) {
    out += fmt::format("  processor {}   IRQL {} ({})   context {}{}\n", side.processor, side.irql,
                       kernel::irql_name(side.irql), kernel::context_name(side.context), clock);
  } else {
    out += fmt::format("  not on a virtual processor (a device or clock thread){}\n", clock);
  }
  if (side.site.address != 0) append_line(out, "at", side.site.describe());
  for (const CallSite& frame : side.stack) append_line(out, "called from", frame.describe());
  if (side.access) append_line(out, "access", describe(*side.access));
  for (const HeldLock& lock : side.locks) append_line(out, "holding", describe(lock));
}

}  // namespace

std::string describe(const HeldLock& lock) {
  const bool known = lock.taken_at.address != 0;
  switch (lock.kind) {
    case HeldLock::Kind::InterruptLock:
      return fmt::format("interrupt lock of line {} (DIRQL {}){}", lock.line, lock.dirql,
                         known ? " taken at " + lock.taken_at.describe() : "");
    case HeldLock::Kind::SpinLock:
      return "VideoPort spin lock" + (known ? " taken at " + lock.taken_at.describe() : "");
    case HeldLock::Kind::DpcExclusion:  // taken_at is the DPC routine: it names the DPC
      return "self-exclusion of the DPC " + (known ? lock.taken_at.describe() : "running here");
  }
  return "?";
}

std::string describe(const AccessInfo& access) {
  return fmt::format("{}{} of {} byte{}", access.atomic ? "atomic " : "", access.write ? "write" : "read",
                     access.size, access.size == 1 ? "" : "s");
}

std::string format_text(const Finding& f) {
  std::string out = fmt::format("*** {}: {} ({})", f.severity == Severity::Fatal ? "STOP" : "FINDING",
                                kind_title(f.kind), kind_id(f.kind));
  if (f.count > 1) out += fmt::format("  x{}", f.count);
  out += "\n" + f.message + "\n";
  if (!f.memory.empty()) out += "  memory: " + f.memory + "\n";
  bool timed = f.time != 0 || f.primary.processor >= 0;
  append_side(out, f.primary, timed ? fmt::format("   clock {:.6f} ms", static_cast<double>(f.time) / 1e6) : "");
  if (f.other) {
    out += fmt::format("  {}:\n", f.other_role.empty() ? "other side" : f.other_role);
    append_side(out, *f.other, "");
  }
  return out;
}

nlohmann::json to_json(const CallSite& site) {
  if (site.address == 0) return nullptr;
  return {{"module", site.module},
          {"module_offset", fmt::format("{:#x}", site.module_offset)},
          {"symbol", site.symbol},
          {"symbol_offset", fmt::format("{:#x}", site.symbol_offset)},
          {"text", site.describe()}};
}

nlohmann::json to_json(const AccessSide& side) {
  nlohmann::json locks = nlohmann::json::array();
  for (const HeldLock& lock : side.locks) {
    nlohmann::json j = {{"kind", lock_kind_id(lock.kind)}, {"taken_at", to_json(lock.taken_at)}, {"text", describe(lock)}};
    if (lock.kind == HeldLock::Kind::InterruptLock) {
      j["line"] = lock.line;
      j["dirql"] = lock.dirql;
    }
    locks.push_back(std::move(j));
  }
  nlohmann::json stack = nlohmann::json::array();
  for (const CallSite& frame : side.stack) stack.push_back(to_json(frame));
  nlohmann::json access = nullptr;
  if (side.access) {
    access = {{"type", side.access->write ? "write" : "read"}, {"size", side.access->size},
              {"atomic", side.access->atomic}};
  }
  return {{"processor", side.processor},
          {"irql", side.irql},
          {"context", std::string(kernel::context_name(side.context))},
          {"site", to_json(side.site)},
          {"stack", stack},
          {"locks", locks},
          {"access", access}};
}

nlohmann::json to_json(const Finding& f) {
  nlohmann::json other = nullptr;
  if (f.other) {
    other = to_json(*f.other);
    other["role"] = f.other_role;
  }
  return {{"kind", std::string(kind_id(f.kind))},
          {"title", std::string(kind_title(f.kind))},
          {"severity", f.severity == Severity::Fatal ? "fatal" : "error"},
          {"time_ns", f.time},
          {"message", f.message},
          {"memory", f.memory},
          {"count", f.count},
          {"primary", to_json(f.primary)},
          {"other", other}};
}

}  // namespace vidport::findings
