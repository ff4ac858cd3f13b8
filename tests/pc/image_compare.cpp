#include "image_compare.h"

#include <fmt/format.h>

namespace vidport::pc::testing {

std::string compare_images(const image::Image& expected, const image::Image& actual) {
  if (expected.width != actual.width || expected.height != actual.height) {
    return fmt::format("size {}x{} instead of {}x{}", actual.width, actual.height, expected.width, expected.height);
  }
  std::size_t differing = 0;
  std::string first;
  for (unsigned y = 0; y < expected.height; ++y) {
    for (unsigned x = 0; x < expected.width; ++x) {
      if (expected.rgb_at(x, y) == actual.rgb_at(x, y)) continue;
      if (differing++ == 0) {
        first = fmt::format("first at ({}, {}): {:06X} instead of {:06X}", x, y, actual.rgb_at(x, y), expected.rgb_at(x, y));
      }
    }
  }
  if (differing == 0) return "";
  return fmt::format("{} of {} pixels differ; {}", differing, std::size_t{expected.width} * expected.height, first);
}

}  // namespace vidport::pc::testing
