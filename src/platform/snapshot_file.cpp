#include "platform/snapshot_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <bit>
#include <cerrno>
#include <cstring>
#include <memory>
#include <type_traits>

#include <fmt/format.h>

#include "platform/snapshot_build.h"  // generated: VIDPORT_SNAPSHOT_BUILD

namespace vidport::platform {

namespace {

static_assert(std::endian::native == std::endian::little, "snapshot files are host-endian (see the rules)");

constexpr char kMagic[16] = "vidport-POST";
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kInterruptVectors = 256;  // the counts of PcSnapshot::skipped_interrupts

struct FileHeader {
  char magic[16];
  std::uint32_t format;
  std::uint32_t header_size;
  char build[64];  // snapshot_build_identity(), NUL-padded
  std::uint8_t rom_sha256[32];
  std::uint64_t rom_size;
  std::uint64_t bus_access_cost;
  double retrace_hz;
  std::uint64_t payload_size;
  std::uint64_t payload_checksum;
};
static_assert(sizeof(FileHeader) == 160 && std::is_trivially_copyable_v<FileHeader>,
              "the header is written as its bytes, with no padding");
static_assert(std::is_trivially_copyable_v<x86emu_regs_t> && std::is_trivially_copyable_v<devices::vga::VgaState> &&
                  std::is_trivially_copyable_v<devices::vga::ProgrammingOracle>,
              "the payload's parts are written as their bytes");

// Calls part(pointer, size) for each piece of the payload, in file order. One list for the
// reader and the writer, so they cannot disagree. `Snapshot` is PostSnapshot or const PostSnapshot.
template <class Snapshot, class Part>
void for_each_part(Snapshot& s, Part&& part) {
  part(s.pc.memory.data(), s.pc.memory.size());
  part(&s.pc.registers, sizeof s.pc.registers);
  part(&s.pc.time_stamp_counter, sizeof s.pc.time_stamp_counter);
  part(&s.pc.instructions, sizeof s.pc.instructions);
  part(s.pc.skipped_interrupts.data(), s.pc.skipped_interrupts.size() * sizeof(std::uint64_t));
  part(&s.pc.hardware_interrupts, sizeof s.pc.hardware_interrupts);
  part(&s.vga, sizeof s.vga);
  part(&s.programming, sizeof s.programming);
  part(&s.clock_time, sizeof s.clock_time);
  part(&s.post_instructions, sizeof s.post_instructions);
}

// The payload's size, from the same list of parts (measured once per process).
std::uint64_t payload_size() {
  static const std::uint64_t size = [] {
    std::uint64_t total = 0;
    auto shape = std::make_unique<PostSnapshot>();
    shape->pc.memory.resize(pc::Pc::kMemorySize);
    shape->pc.skipped_interrupts.resize(kInterruptVectors);
    for_each_part(*shape, [&](const void*, std::size_t part) { total += part; });
    return total;
  }();
  return size;
}

// A 64-bit checksum of `size` bytes, 32 bytes per step in four independent lanes (a multiply and
// rotate per word), then the tail. Detects damage, not tampering.
std::uint64_t checksum(const void* data, std::size_t size, std::uint64_t seed) {
  constexpr std::uint64_t kOdd1 = 0x9E3779B97F4A7C15ull, kOdd2 = 0xC2B2AE3D27D4EB4Full;
  auto round = [](std::uint64_t lane, std::uint64_t word) { return std::rotl(lane + word * kOdd2, 29) * kOdd1; };
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  std::uint64_t lanes[4] = {seed + kOdd1, seed ^ kOdd2, seed - kOdd1, ~seed};
  std::size_t i = 0;
  for (; i + 32 <= size; i += 32) {
    std::uint64_t words[4];
    std::memcpy(words, bytes + i, 32);
    for (unsigned l = 0; l < 4; ++l) lanes[l] = round(lanes[l], words[l]);
  }
  std::uint64_t h = std::rotl(lanes[0], 1) + std::rotl(lanes[1], 7) + std::rotl(lanes[2], 12) + std::rotl(lanes[3], 18);
  for (; i < size; ++i) h = round(h, bytes[i]);
  return round(h ^ size, kOdd1);
}

std::uint64_t payload_checksum(const PostSnapshot& s) {
  std::uint64_t h = 0;
  for_each_part(s, [&](const void* data, std::size_t size) { h = checksum(data, size, h); });
  return h;
}

FileHeader header_for(const PostKey& key) {
  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.format = kFormatVersion;
  header.header_size = sizeof(FileHeader);
  std::strncpy(header.build, snapshot_build_identity(), sizeof header.build - 1);
  std::memcpy(header.rom_sha256, key.rom_sha256.data(), sizeof header.rom_sha256);
  header.rom_size = key.rom_size;
  header.bus_access_cost = key.bus_access_cost;
  header.retrace_hz = key.retrace_hz;
  header.payload_size = payload_size();
  return header;
}

// Moves exactly `size` bytes with `io` (::read or ::write), resuming after interruptions and short
// transfers; false on an error or the end of the file.
template <class Byte, class Io>
bool transfer_exactly(Io io, int fd, Byte* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = io(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool read_exactly(int fd, void* data, std::size_t size) {
  return transfer_exactly(::read, fd, static_cast<std::uint8_t*>(data), size);
}

bool write_exactly(int fd, const void* data, std::size_t size) {
  return transfer_exactly(::write, fd, static_cast<const std::uint8_t*>(data), size);
}

// Closes the descriptor when it goes.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // Closes now; false when the close reports an error (a write that did not reach the file).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

SnapshotFileProblem problem(SnapshotFileProblem::Kind kind, const std::filesystem::path& path, std::string_view why) {
  return SnapshotFileProblem{kind, fmt::format("the POST snapshot {} {}", path.string(), why)};
}

}  // namespace

const char* snapshot_build_identity() { return VIDPORT_SNAPSHOT_BUILD; }

std::variant<PostSnapshot, SnapshotFileProblem> read_snapshot_file(const std::filesystem::path& path,
                                                                    const PostKey& key) {
  using Kind = SnapshotFileProblem::Kind;
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    return errno == ENOENT ? problem(Kind::Missing, path, "does not exist")
                           : problem(Kind::Damaged, path, fmt::format("cannot be read ({})", std::strerror(errno)));
  }
  FileHeader header;
  if (!read_exactly(fd.get(), &header, sizeof header) || std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) {
    return problem(Kind::Damaged, path, "is not a snapshot file");
  }
  const FileHeader expected = header_for(key);
  if (header.format != kFormatVersion || header.header_size != sizeof header) {
    return problem(Kind::Mismatch, path, fmt::format("has format {}, not {}", header.format, kFormatVersion));
  }
  if (std::memcmp(header.build, expected.build, sizeof header.build) != 0) {
    return problem(Kind::Mismatch, path,
                   fmt::format("was made by vidport {:.64s}, not {}", header.build, snapshot_build_identity()));
  }
  if (std::memcmp(header.rom_sha256, expected.rom_sha256, sizeof header.rom_sha256) != 0 ||
      header.rom_size != expected.rom_size || header.bus_access_cost != expected.bus_access_cost ||
      std::memcmp(&header.retrace_hz, &expected.retrace_hz, sizeof header.retrace_hz) != 0) {
    return problem(Kind::Mismatch, path, "was made for another ROM or other options");
  }
  if (header.payload_size != expected.payload_size) {
    return problem(Kind::Damaged, path, "has a payload of the wrong size");
  }
  PostSnapshot snapshot;
  snapshot.key = key;
  snapshot.pc.memory.resize(pc::Pc::kMemorySize);
  snapshot.pc.skipped_interrupts.resize(kInterruptVectors);
  bool complete = true;
  for_each_part(snapshot, [&](void* data, std::size_t size) { complete = complete && read_exactly(fd.get(), data, size); });
  std::uint8_t extra;
  if (!complete || read_exactly(fd.get(), &extra, 1)) return problem(Kind::Damaged, path, "has the wrong length");
  if (payload_checksum(snapshot) != header.payload_checksum) return problem(Kind::Damaged, path, "fails its checksum");
  return snapshot;
}

std::string write_snapshot_file(const PostSnapshot& snapshot, const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message());
  if (snapshot.pc.memory.size() != pc::Pc::kMemorySize || snapshot.pc.skipped_interrupts.size() != kInterruptVectors) {
    return "a POST snapshot without the PC's memory or counts";
  }
  // A name no other writer uses: this process, and a count for writers in the same process.
  static std::atomic<unsigned> serial{0};
  const std::filesystem::path temporary =
      path.parent_path() / fmt::format(".{}.{}.{}.tmp", path.filename().string(), ::getpid(), serial++);
  FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return fmt::format("cannot write {}: {}", temporary.string(), std::strerror(errno));
  FileHeader header = header_for(snapshot.key);
  header.payload_checksum = payload_checksum(snapshot);
  bool written = write_exactly(fd.get(), &header, sizeof header);
  for_each_part(snapshot, [&](const void* data, std::size_t size) { written = written && write_exactly(fd.get(), data, size); });
  const int saved_errno = errno;
  if (!fd.close() || !written) {
    std::filesystem::remove(temporary, ec);
    return fmt::format("cannot write {}: {}", temporary.string(), std::strerror(written ? errno : saved_errno));
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    std::filesystem::remove(temporary, ec);
    return fmt::format("cannot rename {} to {}: {}", temporary.string(), path.string(), std::strerror(rename_errno));
  }
  return "";
}

}  // namespace vidport::platform
