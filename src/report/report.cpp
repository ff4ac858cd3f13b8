#include "report/report.h"

namespace vidport::report {

std::string_view outcome_id(Outcome outcome) {
  switch (outcome) {
    case Outcome::Clean: return "clean";
    case Outcome::Findings: return "findings";
    case Outcome::MiniportFailure: return "miniport-failure";
    case Outcome::CrashOrHang: return "crash-or-hang";
    case Outcome::HostError: return "host-error";
  }
  return "?";
}

void Report::fail(Outcome o, std::string problem) {
  if (static_cast<int>(o) > static_cast<int>(outcome)) outcome = o;
  problems.push_back(std::move(problem));
}

}  // namespace vidport::report
