// Where POST snapshots (post_snapshot.h) are kept: in this process, and in files in the cache
// directory, and what names a ROM for them. docs/snapshot.md.
//
// Rules for the store:
// - One store per process (SnapshotStore::process()); its snapshots live as long as the process
//   and are shared, read-only, by every platform that restores them. Any thread (one mutex).
// - The cache directory is the first of: the caller's option, $VIDPORT_SNAPSHOT_DIR,
//   $XDG_CACHE_HOME/vidport, $HOME/.cache/vidport (none: no files). Tests set
//   VIDPORT_SNAPSHOT_DIR, so they never read or write the user's cache.
// - A ROM is named by its content: identify_rom() hashes the file once per process and file
//   state (device, inode, size, modification time), so a platform that restores pays a stat(),
//   not a SHA-256.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "platform/post_snapshot.h"

namespace vidport::platform {

class SnapshotStore {
 public:
  static SnapshotStore& process();

  // The snapshot kept for `key`, or nullptr.
  std::shared_ptr<const PostSnapshot> find(const PostKey& key) const;
  // Keeps `snapshot` under its key (replacing one kept before).
  void keep(std::shared_ptr<const PostSnapshot> snapshot);
  // Forgets every snapshot (tests that need the next platform to POST or read its file).
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<const PostSnapshot>> snapshots_;  // guarded by mutex_; a handful at most
};

// The cache directory for `option` (see the rules); empty when there is none.
std::filesystem::path snapshot_directory(const std::string& option);

// The file in `directory` that holds the snapshot for `key`: one per ROM and options, whichever
// build made it (a new build replaces an older build's file).
std::filesystem::path snapshot_file_path(const std::filesystem::path& directory, const PostKey& key);

// The ROM at `path`, named by content for PostKey.
struct RomIdentity {
  Sha256Digest sha256{};
  std::uint64_t size = 0;
};
// Hashes the file (or remembers its hash, see the rules). Returns the identity or why the file
// cannot be read (the caller then POSTs, which reports the problem in its own words).
std::variant<RomIdentity, std::string> identify_rom(const std::string& path);

}  // namespace vidport::platform
