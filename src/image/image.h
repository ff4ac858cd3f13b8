// An RGB picture in memory and its PNG file form: what vidport writes as a screenshot and what
// tests compare against reference screenshots.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vidport::image {

// 8-bit RGB, 3 bytes per pixel, rows top-down with no padding: rgb.size() == width * height * 3.
struct Image {
  unsigned width = 0, height = 0;
  std::vector<std::uint8_t> rgb;

  // The three bytes of pixel (x, y). The caller keeps x < width and y < height.
  const std::uint8_t* pixel(unsigned x, unsigned y) const { return &rgb[(std::size_t{y} * width + x) * 3]; }
  // The pixel as 0xRRGGBB, which reads well in test expectations.
  std::uint32_t rgb_at(unsigned x, unsigned y) const {
    const std::uint8_t* p = pixel(x, y);
    return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
  }
  bool operator==(const Image&) const = default;
};

// Writes `image` as an 8-bit RGB PNG at `path`, atomically: the data goes to a temporary file in
// the same folder, which is then renamed over `path`, so a reader never sees a partial file.
// Any thread. Returns an empty string on success, otherwise a message naming the path and the
// cause (an inconsistent image, a folder that cannot be written, a libpng failure); on failure
// `path` is left as it was and no temporary file remains.
std::string write_png(const Image& image, const std::string& path);

// Reads an 8-bit RGB or RGBA PNG (alpha is dropped; palette, grey and 16-bit images are converted
// to 8-bit RGB as well) into `out`. Any thread. Returns an empty string on success, otherwise a
// message naming the path and the cause; `out` is unspecified on failure.
std::string read_png(const std::string& path, Image& out);

}  // namespace vidport::image
