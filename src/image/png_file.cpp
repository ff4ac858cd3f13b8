// PNG encoding and decoding through libpng's simplified API (png_image), which reports errors in
// its message field instead of through longjmp.
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "image/image.h"

namespace vidport::image {

namespace {

std::string system_error(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

}  // namespace

std::string write_png(const Image& image, const std::string& path) {
  if (image.width == 0 || image.height == 0 ||
      image.rgb.size() != std::size_t{image.width} * image.height * 3) {
    return "cannot write " + path + ": the image has no pixels or its size does not match its data";
  }
  // mkstemp wants a writable buffer whose name ends in six X's; the temporary file lives beside
  // the target so the final rename stays inside one file system and is atomic.
  std::string temp_name = path + ".XXXXXX";
  int fd = mkstemp(temp_name.data());
  if (fd < 0) return system_error("cannot create a temporary file for", path);
  std::FILE* file = fdopen(fd, "wb");
  if (file == nullptr) {
    std::string message = system_error("cannot open", temp_name);
    close(fd);
    std::remove(temp_name.c_str());
    return message;
  }

  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  png.width = image.width;
  png.height = image.height;
  png.format = PNG_FORMAT_RGB;
  int ok = png_image_write_to_stdio(&png, file, 0, image.rgb.data(), 0, nullptr);
  std::string message = ok ? std::string() : "cannot encode " + path + ": " + png.message;
  png_image_free(&png);
  if (std::fclose(file) != 0 && message.empty()) message = system_error("cannot write", temp_name);
  // The temporary file is created 0600; a screenshot should be as readable as any other output.
  if (message.empty() && chmod(temp_name.c_str(), 0644) != 0) message = system_error("cannot chmod", temp_name);
  if (message.empty() && std::rename(temp_name.c_str(), path.c_str()) != 0) {
    message = system_error("cannot rename the temporary file to", path);
  }
  if (!message.empty()) std::remove(temp_name.c_str());
  return message;
}

std::string read_png(const std::string& path, Image& out) {
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&png, path.c_str())) {
    std::string message = "cannot read " + path + ": " + png.message;
    png_image_free(&png);
    return message;
  }
  // Reading as RGBA makes libpng expand palette, grey and 16-bit images into one layout without
  // compositing alpha; the alpha byte is then dropped, as the contract says.
  png.format = PNG_FORMAT_RGBA;
  std::vector<std::uint8_t> rgba(PNG_IMAGE_SIZE(png));
  if (!png_image_finish_read(&png, nullptr, rgba.data(), 0, nullptr)) {
    std::string message = "cannot decode " + path + ": " + png.message;
    png_image_free(&png);
    return message;
  }
  out.width = png.width;
  out.height = png.height;
  out.rgb.resize(std::size_t{out.width} * out.height * 3);
  for (std::size_t i = 0, n = std::size_t{out.width} * out.height; i < n; ++i) {
    std::memcpy(&out.rgb[i * 3], &rgba[i * 4], 3);
  }
  return {};
}

}  // namespace vidport::image
