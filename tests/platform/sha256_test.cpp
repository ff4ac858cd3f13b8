// SHA-256 names the ROM a POST snapshot was made from: the digests of FIPS 180-4's examples, and
// of the installed ROM as sha256sum printed it into the reference data.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "platform/sha256.h"
#include "reference_trace.h"

namespace vidport::platform {
namespace {

std::string digest_of(const std::string& text) { return to_hex(sha256(text.data(), text.size())); }

TEST(Sha256, KnownDigests) {
  EXPECT_EQ(digest_of(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(digest_of("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding needs a second block.
  EXPECT_EQ(digest_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(digest_of(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Negative control: one bit more is another digest.
  EXPECT_NE(digest_of("abd"), digest_of("abc"));
}

TEST(Sha256, InstalledRomAsSha256sumSaysIt) {
  if (std::string problem = pc::testing::check_reference_rom(); !problem.empty()) GTEST_SKIP() << problem;
  std::ifstream rom(pc::VideoBios::kDefaultRomPath, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(rom)), std::istreambuf_iterator<char>());
  std::ifstream sums(pc::testing::refs_dir() + "/ROM.sha256");
  std::string expected;
  sums >> expected;
  EXPECT_EQ(to_hex(sha256(bytes.data(), bytes.size())), expected);
}

}  // namespace
}  // namespace vidport::platform
