// What a hosted run needs for full-screen (V86) programs: the video BIOS's POST on the run's
// VGA, a V86Session on the machine whose trapped ports go to the adapter's emulator routines,
// and the session's PC as the BIOS behind VideoPortInt10 and the Int10 interface.
//
// Rules for the full-screen host:
// - create() runs POST on the calling host thread, before any miniport code runs (the VGA ends
//   in text mode 03h, as on a PC that booted), and installs the session BIOS
//   (videoport::set_real_mode_bios); the destructor removes it. Destroy it before the machine.
// - attach() names the adapter whose emulator routines see trapped ports, between runs.
// - run() is for a host thread; the program runs on processor 0 (see v86_session.h).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>

#include "pc/pc.h"
#include "pc/program.h"
#include "report/report.h"
#include "v86/session_bios.h"
#include "v86/v86_session.h"

namespace vidport::kernel {
class Machine;
}
namespace vidport::videoport {
class Adapter;
}

namespace vidport::host {

class FullScreen {
 public:
  // "" or an error for the user (ROM missing or invalid, a BIOS call that did not return).
  static std::variant<std::unique_ptr<FullScreen>, std::string> create(kernel::Machine& machine);
  ~FullScreen();
  FullScreen(const FullScreen&) = delete;
  FullScreen& operator=(const FullScreen&) = delete;

  void attach(videoport::Adapter& adapter);

  // Runs `program` to HLT or `limits` and describes the run for the report (the counts are this
  // run's only).
  report::FullScreenRun run(const pc::Program& program, const pc::RunLimits& limits);

  v86::V86Session& session() { return *session_; }

 private:
  explicit FullScreen(kernel::Machine& machine);

  kernel::Machine& machine_;
  std::unique_ptr<pc::Pc> post_pc_;
  std::unique_ptr<v86::V86Session> session_;
  std::unique_ptr<v86::SessionBios> bios_;
};

}  // namespace vidport::host
