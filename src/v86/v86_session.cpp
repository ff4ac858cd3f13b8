#include "v86/v86_session.h"

#include "kernel/machine.h"
#include "videoport/port_driver.h"

namespace vidport::v86 {

// The A0000-BFFFF window of the session's bus: the VGA's memory on the machine's bus.
class V86Session::VideoMemory final : public bus::MemoryDevice {
 public:
  explicit VideoMemory(bus::IoBus& device_bus) : device_bus_(device_bus) {}
  std::uint32_t read_memory(std::uint64_t address, bus::Width width) override {
    return device_bus_.read_memory(address, width);
  }
  void write_memory(std::uint64_t address, bus::Width width, std::uint32_t value) override {
    device_bus_.write_memory(address, width, value);
  }

 private:
  bus::IoBus& device_bus_;
};

V86Session::V86Session(kernel::Machine& machine, const pc::Pc& post_pc, videoport::EmulatorPorts* ports)
    : machine_(machine),
      router_(machine.bus(), ports, null_),
      video_memory_(std::make_unique<VideoMemory>(machine.bus())) {
  bus_.map_ports(0x0000, 0xFFFF, router_, bus::kAnyWidth, "v86-router");
  bus_.map_memory(pc::Pc::kVideoWindowBase, pc::Pc::kVideoWindowEnd - pc::Pc::kVideoWindowBase, *video_memory_,
                  bus::kAnyWidth, "v86-video-memory");
  pc_ = std::make_unique<pc::Pc>(bus_, machine.clock());
  pc_->connect_string_ports(&router_);
  pc_->connect_stop_flag(&machine.halted_flag());
  pc_->load(0, post_pc.memory(), pc::Pc::kMemorySize);
}

V86Session::~V86Session() = default;

pc::RunResult V86Session::on_processor(const std::function<pc::RunResult()>& body) {
  pc::RunResult result;
  const bool finished = machine_.run_on(0, [&] {
    videoport::RoutineLabel label("V86Session");
    // Cleared when a halt unwinds this frame too.
    struct Running {
      std::atomic<bool>& flag;
      explicit Running(std::atomic<bool>& f) : flag(f) { flag.store(true, std::memory_order_release); }
      ~Running() { flag.store(false, std::memory_order_release); }
    } running(running_);
    result = body();
    // The emulator stops by itself when the machine halts (its stop flag); the task ends as
    // every halted task does.
    if (machine_.halted()) kernel::current_processor()->unwind_to_boundary();
  });
  if (!finished) {
    result.reason = pc::StopReason::Fault;
    result.message = "the machine halted while the full-screen program ran (see the findings)";
  }
  return result;
}

pc::RunResult V86Session::run(const pc::Program& program, const pc::RunLimits& limits) {
  const std::string placed = pc::place_program(*pc_, program);
  if (!placed.empty()) {
    pc::RunResult refused;
    refused.reason = pc::StopReason::Fault;
    refused.message = placed;
    return refused;
  }
  return on_processor([&] { return pc_->run(limits); });
}

pc::RunResult V86Session::int10(const pc::RunLimits& limits) {
  return on_processor([&] { return pc_->interrupt(0x10, limits); });
}

}  // namespace vidport::v86
