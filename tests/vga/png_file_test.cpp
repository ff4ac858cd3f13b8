// PNG files: what is written reads back identical, failures come back as messages, and a failed
// write leaves nothing behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "image/image.h"

namespace vidport::image {
namespace {

class PngFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/vidport-png-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    dir = templ;
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir;
};

Image gradient(unsigned w, unsigned h) {
  Image img{w, h, std::vector<std::uint8_t>(std::size_t{w} * h * 3)};
  for (unsigned y = 0; y < h; ++y) {
    for (unsigned x = 0; x < w; ++x) {
      std::uint8_t* p = &img.rgb[(std::size_t{y} * w + x) * 3];
      p[0] = static_cast<std::uint8_t>(x);
      p[1] = static_cast<std::uint8_t>(y);
      p[2] = static_cast<std::uint8_t>(x ^ y);
    }
  }
  return img;
}

// A picture written and read back is the same picture, and only the target file remains.
TEST_F(PngFile, RoundTrip) {
  Image original = gradient(37, 11);
  std::string path = (dir / "shot.png").string();
  ASSERT_EQ(write_png(original, path), "");
  Image back;
  ASSERT_EQ(read_png(path, back), "");
  EXPECT_EQ(back, original);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
}

// Overwriting replaces the old file whole.
TEST_F(PngFile, OverwriteReplaces) {
  std::string path = (dir / "shot.png").string();
  ASSERT_EQ(write_png(gradient(8, 8), path), "");
  ASSERT_EQ(write_png(gradient(3, 2), path), "");
  Image back;
  ASSERT_EQ(read_png(path, back), "");
  EXPECT_EQ(back, gradient(3, 2));
}

// A folder that does not exist is reported with the path; nothing is created.
TEST_F(PngFile, WriteIntoMissingFolderFails) {
  std::string path = (dir / "missing" / "shot.png").string();
  std::string message = write_png(gradient(2, 2), path);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
}

// An image whose data does not match its size is refused before any file is made.
TEST_F(PngFile, InconsistentImageIsRefused) {
  Image bad{4, 4, std::vector<std::uint8_t>(10)};
  EXPECT_NE(write_png(bad, (dir / "bad.png").string()), "");
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

// Reading something that is not a PNG gives a message, not a picture.
TEST_F(PngFile, ReadingANonPngFails) {
  std::string path = (dir / "text.png").string();
  std::ofstream(path) << "not a png";
  Image img;
  std::string message = read_png(path, img);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(read_png((dir / "absent.png").string(), img), "");
}

}  // namespace
}  // namespace vidport::image
