#include "platform/snapshot_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <tuple>

#include <fmt/format.h>

namespace vidport::platform {

SnapshotStore& SnapshotStore::process() {
  static SnapshotStore store;
  return store;
}

std::shared_ptr<const PostSnapshot> SnapshotStore::find(const PostKey& key) const {
  std::lock_guard lock(mutex_);
  for (const auto& snapshot : snapshots_) {
    if (snapshot->key == key) return snapshot;
  }
  return nullptr;
}

void SnapshotStore::keep(std::shared_ptr<const PostSnapshot> snapshot) {
  std::lock_guard lock(mutex_);
  std::erase_if(snapshots_, [&](const auto& kept) { return kept->key == snapshot->key; });
  snapshots_.push_back(std::move(snapshot));
}

void SnapshotStore::clear() {
  std::lock_guard lock(mutex_);
  snapshots_.clear();
}

std::filesystem::path snapshot_directory(const std::string& option) {
  if (!option.empty()) return option;
  auto from_environment = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
  };
  if (std::string dir = from_environment("VIDPORT_SNAPSHOT_DIR"); !dir.empty()) return dir;
  if (std::string xdg = from_environment("XDG_CACHE_HOME"); !xdg.empty()) return std::filesystem::path(xdg) / "vidport";
  if (std::string home = from_environment("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".cache" / "vidport";
  }
  return {};
}

std::filesystem::path snapshot_file_path(const std::filesystem::path& directory, const PostKey& key) {
  return directory / fmt::format("post-{}-{}ns-{}hz.snap", to_hex(key.rom_sha256), key.bus_access_cost, key.retrace_hz);
}

std::variant<RomIdentity, std::string> identify_rom(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return fmt::format("cannot read the video BIOS ROM '{}'", path);
  // What says "the same file, unchanged" without reading it.
  using FileState = std::tuple<std::string, dev_t, ino_t, off_t, std::int64_t, std::int64_t>;
  const FileState state{path, st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
  static std::mutex mutex;
  static std::map<FileState, RomIdentity> known;  // guarded by mutex
  {
    std::lock_guard lock(mutex);
    if (auto it = known.find(state); it != known.end()) return it->second;
  }
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.eof() && !in.good()) return fmt::format("error reading the video BIOS ROM '{}'", path);
  const RomIdentity identity{sha256(bytes.data(), bytes.size()), bytes.size()};
  std::lock_guard lock(mutex);
  known[state] = identity;
  return identity;
}

}  // namespace vidport::platform
