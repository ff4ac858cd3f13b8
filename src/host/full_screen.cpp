#include "host/full_screen.h"


#include "kernel/machine.h"
#include "videoport/emulator_ports.h"
#include "videoport/int10.h"

namespace vidport::host {

namespace {

std::string stop_id(pc::StopReason reason) {
  switch (reason) {
    case pc::StopReason::Halted: return "halted";
    case pc::StopReason::InstructionLimit: return "instruction-limit";
    case pc::StopReason::TimeLimit: return "time-limit";
    case pc::StopReason::Fault: return "fault";
  }
  return "fault";
}

}  // namespace

FullScreen::FullScreen(kernel::Machine& machine, const pc::Pc& post_pc)
    : machine_(machine),
      session_(std::make_unique<v86::V86Session>(machine, post_pc, nullptr)),
      bios_(std::make_unique<v86::SessionBios>(*session_)) {
  videoport::set_real_mode_bios(bios_.get());
}

FullScreen::~FullScreen() { videoport::set_real_mode_bios(nullptr); }

void FullScreen::attach(videoport::Adapter& adapter) {
  session_->router().set_emulator_ports(videoport::EmulatorPorts::of(adapter));
}

report::FullScreenRun FullScreen::run(const pc::Program& program, const pc::RunLimits& limits) {
  const v86::RouteCounts before = session_->router().counts();
  const std::map<std::uint16_t, std::uint64_t> null_before = session_->null_device().counts();
  const pc::RunResult result = session_->run(program, limits);
  const v86::RouteCounts after = session_->router().counts();
  report::FullScreenRun record;
  record.stop = stop_id(result.reason);
  record.message = result.message;
  record.instructions = result.instructions;
  record.direct = after.direct - before.direct;
  record.emulated = after.emulated - before.emulated;
  record.string_calls = after.string_calls - before.string_calls;
  record.failed_calls = after.failed_calls - before.failed_calls;
  record.playbacks = after.playbacks - before.playbacks;
  record.playback_writes = after.playback_writes - before.playback_writes;
  for (const auto& [port, count] : session_->null_device().counts()) {
    auto earlier = null_before.find(port);
    const std::uint64_t previous = earlier == null_before.end() ? 0 : earlier->second;
    if (count > previous) record.null_ports.push_back({port, count - previous});
  }
  return record;
}

}  // namespace vidport::host
