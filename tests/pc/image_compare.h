// Test support: pixel-exact comparison of a rendered screen with a reference PNG.
#pragma once

#include <string>

#include "image/image.h"

namespace vidport::pc::testing {

// "" when `actual` equals `expected` pixel for pixel, else the size difference or the number of
// differing pixels and the first one (position and both colours).
std::string compare_images(const image::Image& expected, const image::Image& actual);

}  // namespace vidport::pc::testing
