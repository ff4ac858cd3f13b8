// How a module that cannot be loaded is explained, and the RAM-backed frame buffer a miniport
// and the display driver share (the idioms miniport, in process).
#include <gtest/gtest.h>

#include <video.h>

#include <cstdlib>
#include <cstring>

#include "host/hosted_run.h"
#include "host/miniport_module.h"

namespace vidport::host {
namespace {

// Scenario: the dynamic loader's words become a message naming the missing VideoPort function.
TEST(LoadError, NamesTheUnimplementedVideoPortFunction) {
  EXPECT_EQ(explain_load_error("d.so", "d.so: undefined symbol: VideoPortInt10"),
            "cannot load d.so: the miniport calls VideoPortInt10, which vidport does not implement");
  EXPECT_EQ(explain_load_error("d.so", "d.so: undefined symbol: strlcpy"),
            "cannot load d.so: the miniport needs strlcpy, which neither vidport nor the C library provides");
  EXPECT_EQ(explain_load_error("d.so", "d.so: cannot open shared object file: No such file or directory"),
            "cannot load d.so: d.so: cannot open shared object file: No such file or directory");
}

// Scenario: the idioms miniport draws its test pattern into its own mapping of the frame buffer
// at physical 0xE0000000; the display driver's mapping from IOCTL_VIDEO_MAP_VIDEO_MEMORY shows
// the same pixels, so the host can read what the miniport drew.
TEST(FrameBuffer, DisplayDriverMappingSeesWhatTheMiniportDrew) {
  RunOptions options;
  options.miniport = std::string(std::getenv("VIDPORT_BINARY_DIR")) + "/miniports/idioms.so";
  HostedRun run(options);
  ASSERT_TRUE(run.load());
  ASSERT_TRUE(run.start());
  VIDEO_MODE mode{0};
  std::vector<std::uint8_t> input(sizeof mode);
  std::memcpy(input.data(), &mode, sizeof mode);
  ASSERT_EQ(run.request(0, IOCTL_VIDEO_SET_CURRENT_MODE, input, 0, "test").record.status, 0u);
  VIDEO_MEMORY memory{};
  input.assign(sizeof memory, 0);
  RequestResult mapped = run.request(0, IOCTL_VIDEO_MAP_VIDEO_MEMORY, input, sizeof(VIDEO_MEMORY_INFORMATION), "test");
  ASSERT_EQ(mapped.record.status, 0u);
  VIDEO_MEMORY_INFORMATION info{};
  std::memcpy(&info, mapped.output.data(), sizeof info);
  ASSERT_EQ(info.FrameBufferLength, 320u * 200u);
  const auto* pixels = static_cast<const std::uint8_t*>(info.FrameBufferBase);
  int wrong = 0;
  for (unsigned y = 0; y < 200; ++y) {
    for (unsigned x = 0; x < 320; ++x) wrong += pixels[y * 320 + x] != ((x ^ y) & 0xff);
  }
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(run.finish().exit_code(), 0);
}

}  // namespace
}  // namespace vidport::host
