#include "v86_rig.h"

#include <video.h>

#include <cstring>
#include <variant>

#include "kernel/machine.h"
#include "videoport/emulator_ports.h"

namespace vidport::v86_test {

namespace {

// The test executable must contain every VideoPort export the module resolves at load time.
[[gnu::used]] const void* const kExportAnchors[] = {
    reinterpret_cast<const void*>(&VideoPortInitialize),
    reinterpret_cast<const void*>(&VideoPortReadPortUchar),
    reinterpret_cast<const void*>(&VideoPortCreateEvent),
    reinterpret_cast<const void*>(&VideoPortCreateSpinLock),
    reinterpret_cast<const void*>(&VideoPortSynchronizeExecution),
    reinterpret_cast<const void*>(&VideoPortSetTrappedEmulatorPorts),
};

}  // namespace

std::string module_path(const std::string& name) {
  // A name with a slash is a path (another miniport than v86_test, e.g. vgasync).
  return name.find('/') != std::string::npos ? name : std::string(V86_MODULE_DIR) + "/" + name + ".so";
}

void WriteRecorder::on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width, std::uint32_t value,
                                   bool claimed) {
  if (dir != bus::Direction::Write) return;
  std::lock_guard lock(mutex_);
  writes_.push_back({port, width, value});
}

std::vector<SeenWrite> WriteRecorder::take() {
  std::lock_guard lock(mutex_);
  std::vector<SeenWrite> out;
  out.swap(writes_);
  return out;
}

V86Rig::V86Rig() {
  auto created = platform::PcPlatform::create({});
  if (auto* message = std::get_if<std::string>(&created)) {
    error_ = *message;
    return;
  }
  platform_ = std::move(std::get<std::unique_ptr<platform::PcPlatform>>(created));
  // No processor touches the bus yet: POST ran on this thread and the miniport is not loaded.
  machine().bus().set_observer(&recorder_);
}

V86Rig::~V86Rig() {
  session_.reset();
  if (platform_) machine().bus().set_observer(nullptr);
  started_.reset();
  platform_.reset();
}

bool V86Rig::start(const std::string& module) {
  if (!platform_) return false;
  error_ = testing::StartedMiniport::load(module_path(module), module_);
  if (error_.empty()) error_ = started_.start(machine(), *module_);
  return error_.empty();
}

host::RequestResult V86Rig::request(std::uint32_t code, const std::vector<std::uint8_t>& input,
                                    std::uint32_t output_length) {
  return started_.request(code, input, output_length);
}

V86_TEST_STATS V86Rig::stats() {
  V86_TEST_STATS stats{};
  host::RequestResult result = request(IOCTL_V86_TEST_QUERY_STATS, {}, sizeof(V86_TEST_STATS));
  if (result.output.size() >= sizeof(stats)) std::memcpy(&stats, result.output.data(), sizeof(stats));
  return stats;
}

namespace {

std::vector<std::uint8_t> state_request(std::vector<std::uint8_t>& state) {
  VIDEO_HARDWARE_STATE described{};
  described.StateHeader = reinterpret_cast<PVIDEO_HARDWARE_STATE_HEADER>(state.data());
  described.StateLength = static_cast<ULONG>(state.size());
  std::vector<std::uint8_t> input(sizeof(described));
  std::memcpy(input.data(), &described, sizeof(described));
  return input;
}

}  // namespace

std::uint32_t V86Rig::save_state(std::vector<std::uint8_t>& state) {
  state.assign(adapter().config.HardwareStateSize, 0);
  return request(IOCTL_VIDEO_SAVE_HARDWARE_STATE, state_request(state)).record.status;
}

std::uint32_t V86Rig::restore_state(std::vector<std::uint8_t>& state) {
  return request(IOCTL_VIDEO_RESTORE_HARDWARE_STATE, state_request(state)).record.status;
}

v86::V86Session& V86Rig::session() {
  if (!session_) {
    videoport::EmulatorPorts* ports = started_.started() ? videoport::EmulatorPorts::of(*adapter().adapter) : nullptr;
    session_ = std::make_unique<v86::V86Session>(machine(), platform_->pc(), ports);
  }
  return *session_;
}

void V86Rig::on_processor(const std::function<void()>& body) { machine().run_on(0, body); }

void V86Rig::out(std::uint16_t port, bus::Width width, std::uint32_t value) {
  v86::PortRouter& router = session().router();
  on_processor([&] { router.write_port(port, width, value); });
}

std::uint32_t V86Rig::in(std::uint16_t port, bus::Width width) {
  v86::PortRouter& router = session().router();
  std::uint32_t value = 0;
  on_processor([&] { value = router.read_port(port, width); });
  return value;
}

}  // namespace vidport::v86_test
