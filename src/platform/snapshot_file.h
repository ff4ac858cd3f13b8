// POST snapshots (post_snapshot.h) in files, so a later process of the same build restores what an
// earlier one POSTed: docs/snapshot.md.
//
// Rules for snapshot files:
// - Layout: a fixed 160-byte header (magic, format version, the build's identity, the PostKey,
//   the payload's size and checksum), then the payload: the PC's RAM, its registers and counters,
//   the VGA's state, the programming oracle, the clock time and POST's instruction count, each as
//   the bytes of its in-memory form. The header and the payload are host-endian: a file is for
//   this build on this machine, never for interchange.
// - Reading trusts nothing: a file that is missing, short, of another format, another build or
//   another key, or whose payload checksum differs, is refused with the reason; the caller then
//   POSTs afresh. The checksum (64-bit, not cryptographic) detects truncation and damage, not
//   tampering: the cache directory is the user's own.
// - Writing is atomic: the file is written under a temporary name in the same directory and
//   renamed over the target, so a concurrent reader sees the old file or the new one, and a writer
//   that is killed leaves at most a stray temporary file, never a damaged target.
// - Any thread; no shared state.
#pragma once

#include <filesystem>
#include <string>
#include <variant>

#include "platform/post_snapshot.h"

namespace vidport::platform {

// This build's identity in snapshot files: vidport's version and a fingerprint of the sources that
// decide what POST leaves and how a snapshot is laid out (generated at build time), e.g.
// "0.1+9c04e1d2a7b35f60".
const char* snapshot_build_identity();

// Why a file gave no snapshot.
struct SnapshotFileProblem {
  enum class Kind : std::uint8_t {
    Missing,   // no file: the usual first run, not worth a word
    Mismatch,  // a snapshot of another format, build or key: replaced by this build's
    Damaged,   // not a snapshot, short, or a checksum that differs
  };
  Kind kind = Kind::Missing;
  std::string message;  // one sentence naming the file, for a report's note
};

// Reads the snapshot at `path` if it was made by this build for `key`.
std::variant<PostSnapshot, SnapshotFileProblem> read_snapshot_file(const std::filesystem::path& path,
                                                                    const PostKey& key);

// Writes `snapshot` to `path` atomically (see the rules), creating the directory if needed.
// Returns "" or what failed, naming the file.
std::string write_snapshot_file(const PostSnapshot& snapshot, const std::filesystem::path& path);

}  // namespace vidport::platform
