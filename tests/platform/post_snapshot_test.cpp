// A platform restored from a POST snapshot is the platform a fresh POST leaves: the same RAM
// (IVT, BIOS data area, the patched ROM), registers and instruction counters, every VGA register,
// the DAC, planes and latches, the programming oracle, the clock's time, no clock event, the same
// screen — and it goes on the same way (an INT 10h mode set on both leaves equal machines). The
// snapshot comes from this process or from the cache file; a file that is damaged, of another
// build or of another ROM or options gives a fresh POST, says why in the note, and is rewritten.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "image_compare.h"
#include "platform/pc_platform.h"
#include "platform/snapshot_file.h"
#include "platform/snapshot_store.h"
#include "reference_trace.h"
#include "vga_state_compare.h"

namespace vidport::platform {
namespace {

namespace fs = std::filesystem;

// Differences a run could observe between two platforms, or "".
std::string compare_platforms(PcPlatform& a, PcPlatform& b) {
  std::string out;
  const pc::PcSnapshot pa = a.pc().snapshot(), pb = b.pc().snapshot();
  const auto mismatch = std::mismatch(pa.memory.begin(), pa.memory.end(), pb.memory.begin());
  if (mismatch.first != pa.memory.end()) out += fmt::format("RAM differs from {:05X}h; ", mismatch.first - pa.memory.begin());
  const x86emu_regs_t &ra = pa.registers, &rb = pb.registers;
  const bool same_registers = std::memcmp(&ra.gen, &rb.gen, sizeof ra.gen) == 0 &&
                              std::memcmp(&ra.spc, &rb.spc, sizeof ra.spc) == 0 &&
                              std::memcmp(ra.seg, rb.seg, sizeof ra.seg) == 0 &&
                              std::memcmp(ra.crx, rb.crx, sizeof ra.crx) == 0 &&
                              std::memcmp(&ra.gdt, &rb.gdt, sizeof ra.gdt) == 0 &&
                              std::memcmp(&ra.idt, &rb.idt, sizeof ra.idt) == 0 && ra.mode == rb.mode;
  if (!same_registers) out += "processor registers differ; ";
  if (pa.time_stamp_counter != pb.time_stamp_counter || pa.instructions != pb.instructions) out += "instruction counts differ; ";
  if (pa.skipped_interrupts != pb.skipped_interrupts || pa.hardware_interrupts != pb.hardware_interrupts) {
    out += "interrupt counts differ; ";
  }
  out += pc::testing::compare_vga_states(a.vga().snapshot(), b.vga().snapshot());
  const auto oa = a.vga().programming_faults(), ob = b.vga().programming_faults();
  if (oa.distinct() != ob.distinct() || oa.overflow() != ob.overflow()) out += "programming oracles differ; ";
  if (a.machine().clock().now() != b.machine().clock().now()) {
    out += fmt::format("clock {} ns vs {} ns; ", a.machine().clock().now(), b.machine().clock().now());
  }
  if (a.machine().clock().next_event_time() != b.machine().clock().next_event_time()) out += "clock events differ; ";
  if (a.machine().interrupts().line_asserted(kVgaIrq) != b.machine().interrupts().line_asserted(kVgaIrq)) {
    out += "interrupt lines differ; ";
  }
  if (a.post_instructions() != b.post_instructions()) out += "POST instruction counts differ; ";
  if (a.bios_video_mode() != b.bios_video_mode()) out += "BIOS video modes differ; ";
  if (std::string screens = pc::testing::compare_images(a.vga().render(), b.vga().render()); !screens.empty()) {
    out += "screens differ: " + screens + "; ";
  }
  return out;
}

class PostSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string problem = pc::testing::check_reference_rom(); !problem.empty()) GTEST_SKIP() << problem;
    directory_ = fs::path(::testing::TempDir()) / fmt::format("post-snapshots-{}", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(directory_);
    SnapshotStore::process().clear();
    fresh_ = create(false);
  }
  void TearDown() override { SnapshotStore::process().clear(); }

  std::unique_ptr<PcPlatform> create(bool use_snapshots, kernel::ClockKind clock = kernel::ClockKind::Virtual) {
    PlatformOptions options;
    options.machine.clock = clock;
    options.machine.processors = 1;
    options.use_snapshots = use_snapshots;
    options.snapshot_directory = directory_.string();
    auto created = PcPlatform::create(options);
    if (auto* error = std::get_if<std::string>(&created)) {
      ADD_FAILURE() << *error;
      return nullptr;
    }
    return std::move(std::get<std::unique_ptr<PcPlatform>>(created));
  }
  // The key of the platforms create() makes: the installed ROM, the default bus access cost, the
  // retrace rate the registers give.
  static PostKey default_key() {
    const auto rom = std::get<RomIdentity>(identify_rom(pc::VideoBios::kDefaultRomPath));
    return PostKey{rom.sha256, rom.size, kernel::MachineConfig{}.bus_access_cost, 0};
  }
  // The one file in the cache directory (empty when there are none or several).
  fs::path file() const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(directory_)) files.push_back(entry.path());
    return files.size() == 1 ? files.front() : fs::path();
  }

  fs::path directory_;
  std::unique_ptr<PcPlatform> fresh_;  // POSTed afresh, never from a snapshot
};

TEST_F(PostSnapshotTest, RestoredInTheProcessEqualsAFreshPost) {
  ASSERT_EQ(fresh_->post_source(), PostSource::Fresh);
  auto first = create(true);  // nothing kept yet: POSTs, keeps the snapshot, writes the file
  ASSERT_EQ(first->post_source(), PostSource::Fresh);
  auto restored = create(true);
  ASSERT_EQ(restored->post_source(), PostSource::ProcessSnapshot);
  EXPECT_EQ(compare_platforms(*fresh_, *first), "");
  EXPECT_EQ(compare_platforms(*fresh_, *restored), "");
  EXPECT_EQ(restored->post_note(), "");
  EXPECT_EQ(restored->bios_video_mode(), 0x03);

  // The restored machine goes on as the POSTed one does: mode 13h through the ROM on both.
  ASSERT_TRUE(pc::VideoBios(fresh_->pc()).int10(0x0013).halted());
  EXPECT_NE(compare_platforms(*fresh_, *restored), "") << "negative control: a mode set is a difference";
  ASSERT_TRUE(pc::VideoBios(restored->pc()).int10(0x0013).halted());
  EXPECT_EQ(compare_platforms(*fresh_, *restored), "");
}

TEST_F(PostSnapshotTest, RestoredFromTheCacheFileEqualsAFreshPost) {
  ASSERT_EQ(create(true)->post_source(), PostSource::Fresh);
  ASSERT_FALSE(file().empty()) << "the first POST writes one file, nothing else";
  SnapshotStore::process().clear();  // as a new process would start
  auto restored = create(true);
  ASSERT_EQ(restored->post_source(), PostSource::FileSnapshot);
  EXPECT_EQ(restored->post_note(), "");
  EXPECT_EQ(compare_platforms(*fresh_, *restored), "");
  ASSERT_TRUE(pc::VideoBios(fresh_->pc()).int10(0x0012).halted());
  ASSERT_TRUE(pc::VideoBios(restored->pc()).int10(0x0012).halted());
  EXPECT_EQ(compare_platforms(*fresh_, *restored), "");
}

// Each way a cache file can be wrong: the platform POSTs, equals a fresh POST, notes why, and the
// rewritten file serves the next process.
struct Damage {
  const char* name;
  const char* note;  // words the note must contain
  void (*apply)(const fs::path& file, const fs::path& directory);
};

void flip_byte_at(const fs::path& file, std::streamoff offset) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(offset);
  char c = 0;
  f.get(c);
  f.seekp(offset);
  f.put(static_cast<char>(c ^ 0x01));
}

const Damage kDamages[] = {
    {"PayloadByte", "fails its checksum", [](const fs::path& f, const fs::path&) { flip_byte_at(f, 160 + 0x449); }},
    {"Truncated", "wrong length", [](const fs::path& f, const fs::path&) { fs::resize_file(f, fs::file_size(f) - 1); }},
    {"Garbage", "not a snapshot file",
     [](const fs::path& f, const fs::path&) { std::ofstream(f, std::ios::binary | std::ios::trunc) << "not at all"; }},
    {"OtherBuild", "was made by vidport", [](const fs::path& f, const fs::path&) { flip_byte_at(f, 24); }},
    {"OtherRom", "another ROM", [](const fs::path& f, const fs::path&) { flip_byte_at(f, 88); }},
};

class DamagedFileTest : public PostSnapshotTest, public ::testing::WithParamInterface<Damage> {};

TEST_P(DamagedFileTest, FallsBackToAFreshPostAndRewritesTheFile) {
  ASSERT_EQ(create(true)->post_source(), PostSource::Fresh);
  const fs::path snapshot = file();
  ASSERT_FALSE(snapshot.empty());
  GetParam().apply(snapshot, directory_);
  SnapshotStore::process().clear();

  auto platform = create(true);
  EXPECT_EQ(platform->post_source(), PostSource::Fresh);
  EXPECT_NE(platform->post_note().find(GetParam().note), std::string::npos) << platform->post_note();
  EXPECT_NE(platform->post_note().find("rewrote it"), std::string::npos) << platform->post_note();
  EXPECT_EQ(compare_platforms(*fresh_, *platform), "");

  SnapshotStore::process().clear();
  auto next = create(true);
  EXPECT_EQ(next->post_source(), PostSource::FileSnapshot);
  EXPECT_EQ(next->post_note(), "");
  EXPECT_EQ(file(), snapshot) << "one file, rewritten in place, no temporary left";
}

INSTANTIATE_TEST_SUITE_P(Damages, DamagedFileTest, ::testing::ValuesIn(kDamages),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(PostSnapshotTest, TheFileAnswersOnlyItsOwnKey) {
  ASSERT_EQ(create(true)->post_source(), PostSource::Fresh);
  const PostKey key = default_key();
  EXPECT_TRUE(std::holds_alternative<PostSnapshot>(read_snapshot_file(file(), key))) << "positive control";
  PostKey other = key;
  other.bus_access_cost += 1;
  auto read = read_snapshot_file(file(), other);
  ASSERT_TRUE(std::holds_alternative<SnapshotFileProblem>(read));
  EXPECT_EQ(std::get<SnapshotFileProblem>(read).kind, SnapshotFileProblem::Kind::Mismatch);
}

TEST_F(PostSnapshotTest, NoSnapshotOptionAndRealClockAlwaysPost) {
  ASSERT_EQ(create(true)->post_source(), PostSource::Fresh);  // a snapshot is kept now
  EXPECT_EQ(create(false)->post_source(), PostSource::Fresh);
  EXPECT_EQ(create(true, kernel::ClockKind::Real)->post_source(), PostSource::Fresh);
  EXPECT_EQ(create(true)->post_source(), PostSource::ProcessSnapshot) << "positive control";
}

// Writers racing on one file never show a reader a damaged file: each rename replaces a whole one.
TEST_F(PostSnapshotTest, ConcurrentWritersNeverLeaveADamagedFile) {
  ASSERT_EQ(create(true)->post_source(), PostSource::Fresh);
  const fs::path path = file();
  const PostKey key = default_key();
  auto read = read_snapshot_file(path, key);
  ASSERT_TRUE(std::holds_alternative<PostSnapshot>(read));
  const PostSnapshot snapshot = std::get<PostSnapshot>(std::move(read));
  std::atomic<int> writers_left{2};
  auto write_repeatedly = [&] {
    for (int i = 0; i < 10; ++i) EXPECT_EQ(write_snapshot_file(snapshot, path), "");
    --writers_left;
  };
  std::thread a(write_repeatedly), b(write_repeatedly);
  int whole = 0, refused = 0;
  while (writers_left.load() > 0) {
    if (std::holds_alternative<PostSnapshot>(read_snapshot_file(path, key))) {
      ++whole;
    } else {
      ++refused;
    }
  }
  a.join();
  b.join();
  EXPECT_EQ(refused, 0);
  EXPECT_GT(whole, 0);
  EXPECT_EQ(file(), path) << "no temporary file left behind";
}

}  // namespace
}  // namespace vidport::platform
