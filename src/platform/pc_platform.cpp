#include "platform/pc_platform.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "platform/snapshot_file.h"
#include "platform/snapshot_store.h"

namespace vidport::platform {

namespace {
constexpr std::uint32_t kBdaVideoMode = 0x449;  // 0040:0049, the current video mode
}  // namespace

const char* post_source_name(PostSource source) {
  switch (source) {
    case PostSource::None: return "none";
    case PostSource::Fresh: return "fresh";
    case PostSource::ProcessSnapshot: return "snapshot";
    case PostSource::FileSnapshot: return "snapshot-file";
  }
  return "none";
}

PcPlatform::PcPlatform(const PlatformOptions& options)
    : options_(options), machine_(std::make_unique<kernel::Machine>(options.machine)) {
  devices::vga::VgaOptions vga_options;
  vga_options.irq = kVgaIrq;
  vga_options.refresh_hz = options.retrace_hz;
  vga_options.render = options.render;
  vga_ = std::make_unique<devices::vga::Vga>(machine_->clock(), machine_->interrupts(), vga_options);
  // A fresh bus has nothing on it; failing to map the VGA is a bug, not a user error.
  if (!vga_->attach(machine_->bus())) {
    std::fputs("vidport: internal error: the VGA does not fit on a fresh bus\n", stderr);
    std::abort();
  }
  pc_ = std::make_unique<pc::Pc>(machine_->bus(), machine_->clock());
}

PcPlatform::~PcPlatform() {
  pc_.reset();
  vga_.reset();
  machine_.reset();
}

std::variant<std::unique_ptr<PcPlatform>, std::string> PcPlatform::create(const PlatformOptions& options) {
  std::unique_ptr<PcPlatform> platform(new PcPlatform(options));
  if (options.post) {
    if (std::string error = platform->post(); !error.empty()) return error;
  }
  return platform;
}

std::string PcPlatform::run_post() {
  pc::VideoBios bios(*pc_);
  if (std::string error = bios.post(options_.rom_path, &post_instructions_); !error.empty()) return error;
  vga_->reset_tears();
  post_source_ = PostSource::Fresh;
  return "";
}

std::string PcPlatform::post() {
  if (!options_.use_snapshots || !machine_->clock().is_virtual()) return run_post();
  auto rom = identify_rom(options_.rom_path);
  if (std::holds_alternative<std::string>(rom)) return run_post();  // POST says what is wrong with the ROM
  const RomIdentity& identity = std::get<RomIdentity>(rom);
  const PostKey key{identity.sha256, identity.size, options_.machine.bus_access_cost, options_.retrace_hz};
  const std::filesystem::path directory = snapshot_directory(options_.snapshot_directory);
  const std::filesystem::path file = directory.empty() ? directory : snapshot_file_path(directory, key);

  if (std::shared_ptr<const PostSnapshot> found = find_snapshot(key, file)) {
    restore_post(*found);
    return "";
  }
  if (std::string error = run_post(); !error.empty()) return error;
  std::optional<PostSnapshot> captured = capture_post();
  if (!captured) return "";
  captured->key = key;
  auto kept = std::make_shared<const PostSnapshot>(std::move(*captured));
  SnapshotStore::process().keep(kept);
  if (!file.empty()) {
    if (std::string error = write_snapshot_file(*kept, file); !error.empty()) {
      post_note_ += (post_note_.empty() ? "" : "; ") + error;
    } else if (!post_note_.empty()) {
      post_note_ += "; POSTed afresh and rewrote it";
    }
  }
  return "";
}

std::shared_ptr<const PostSnapshot> PcPlatform::find_snapshot(const PostKey& key, const std::filesystem::path& file) {
  if (auto kept = SnapshotStore::process().find(key)) {
    post_source_ = PostSource::ProcessSnapshot;
    return kept;
  }
  if (file.empty()) return nullptr;
  auto read = read_snapshot_file(file, key);
  if (auto* problem = std::get_if<SnapshotFileProblem>(&read)) {
    if (problem->kind != SnapshotFileProblem::Kind::Missing) post_note_ = problem->message;
    return nullptr;
  }
  auto loaded = std::make_shared<const PostSnapshot>(std::move(std::get<PostSnapshot>(read)));
  SnapshotStore::process().keep(loaded);
  post_source_ = PostSource::FileSnapshot;
  return loaded;
}

std::optional<PostSnapshot> PcPlatform::capture_post() const {
  kernel::Clock& clock = machine_->clock();
  // A clock event is a callback a snapshot cannot hold, and an asserted line would have to be
  // raised again in the same order; SeaVGABIOS's POST leaves neither (the retrace interrupt stays
  // disarmed in mode 03h), and a ROM that does gets a fresh POST every time.
  if (!clock.is_virtual() || clock.next_event_time() || machine_->interrupts().line_asserted(kVgaIrq)) {
    return std::nullopt;
  }
  PostSnapshot snapshot;
  snapshot.pc = pc_->snapshot();
  snapshot.vga = vga_->snapshot();
  snapshot.programming = vga_->programming_faults();
  snapshot.clock_time = clock.now();
  snapshot.post_instructions = post_instructions_;
  return snapshot;
}

void PcPlatform::restore_post(const PostSnapshot& snapshot) {
  kernel::Clock& clock = machine_->clock();
  const kernel::ClockTime now = clock.now();
  if (!clock.is_virtual() || now > snapshot.clock_time) {
    std::fputs("vidport: internal error: a POST snapshot restored into a platform that is not fresh\n", stderr);
    std::abort();
  }
  // Time first: the VGA reschedules its retrace from the clock's time when its registers return.
  static_cast<kernel::VirtualClock&>(clock).advance_by(snapshot.clock_time - now);
  pc_->restore(snapshot.pc);
  vga_->restore(snapshot.vga);
  vga_->set_programming_faults(snapshot.programming);
  post_instructions_ = snapshot.post_instructions;
}

std::uint8_t PcPlatform::bios_video_mode() const { return pc_->memory()[kBdaVideoMode]; }

}  // namespace vidport::platform
