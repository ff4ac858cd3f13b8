// SHA-256 (FIPS 180-4), for naming what a POST snapshot was made from: the video BIOS ROM's
// content. Small inputs only (a 64 KiB ROM hashes in well under a millisecond); not constant time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace vidport::platform {

using Sha256Digest = std::array<std::uint8_t, 32>;

// The digest of `size` bytes at `data`. Pure; any thread.
Sha256Digest sha256(const void* data, std::size_t size);

// The digest as 64 lowercase hex digits, as sha256sum prints it. Pure.
std::string to_hex(const Sha256Digest& digest);

}  // namespace vidport::platform
