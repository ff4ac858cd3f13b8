// What a hosted run needs for full-screen (V86) programs: a V86Session on the machine, started
// from the RAM of the PC that ran POST, whose trapped ports go to the adapter's emulator
// routines, and the session's PC as the BIOS behind VideoPortInt10 and the Int10 interface.
//
// Rules for the full-screen host:
// - Create it on a host thread after POST (platform::PcPlatform) and before any miniport code
//   runs. It installs the session BIOS (videoport::set_real_mode_bios); the destructor removes
//   it. Destroy it before the machine.
// - attach() names the adapter whose emulator routines see trapped ports, between runs.
// - run() is for a host thread; the program runs on processor 0 (see v86_session.h).
#pragma once

#include <map>
#include <memory>
#include <string>

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
  // `post_pc` ran the video BIOS's POST on `machine`'s bus; both must outlive the FullScreen.
  FullScreen(kernel::Machine& machine, const pc::Pc& post_pc);
  ~FullScreen();
  FullScreen(const FullScreen&) = delete;
  FullScreen& operator=(const FullScreen&) = delete;

  void attach(videoport::Adapter& adapter);

  // Runs `program` to HLT or `limits` and describes the run for the report (the counts are this
  // run's only).
  report::FullScreenRun run(const pc::Program& program, const pc::RunLimits& limits);

  v86::V86Session& session() { return *session_; }

 private:
  kernel::Machine& machine_;
  std::unique_ptr<v86::V86Session> session_;
  std::unique_ptr<v86::SessionBios> bios_;
};

}  // namespace vidport::host
