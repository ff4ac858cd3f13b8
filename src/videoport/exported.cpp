#include "videoport/exported.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "kernel/machine.h"

namespace vidport::videoport {

namespace {
thread_local char t_failure[256];
}  // namespace

bool note_export_failure(const char* what) {
  std::snprintf(t_failure, sizeof t_failure, "%s", what ? what : "");
  return true;
}

void export_failed(const char* export_name) {
  kernel::Processor* p = kernel::current_processor();
  std::string message = fmt::format("vidport failed while serving {} ({}); the machine stops here", export_name,
                                    static_cast<const char*>(t_failure));
  if (p == nullptr) {
    std::fprintf(stderr, "vidport: %s\n", message.c_str());
    std::abort();
  }
  findings::Finding finding =
      kernel::make_finding(findings::FindingKind::VidportFailure, 0, std::move(message));
  p->machine().halt(std::move(finding));
  p->jump_to_landing();
}

void export_halted() {
  kernel::Processor* p = kernel::current_processor();
  if (p == nullptr) {
    // A halt is thrown only on a processor: reaching here off one is a broken invariant.
    std::fprintf(stderr, "vidport: internal invariant broken: a halt escaped off a virtual processor\n");
    std::abort();
  }
  p->jump_to_landing();
}

}  // namespace vidport::videoport
