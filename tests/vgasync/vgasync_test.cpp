// vgasync, the sample VGA miniport, driven as a display driver drives it on the machine a
// miniport meets (POST done): its own mode tables, palette animation written by its ISR at
// vertical retrace, pans, waits completed through its DPC, the font's round trip through
// graphics mode, and the buggy twins' findings.
#include <gtest/gtest.h>

#include <devioctl.h>
#include <ntddvdeo.h>
#include <video.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

#include "kernel/machine.h"
#include "pc/machine.h"
#include "vgasync_demo.h"
#include "vgasync_rig.h"

extern "C" {
#include "vgasync.h"
}

namespace vidport::vgasync_test {
namespace {

constexpr unsigned kWidth = 320, kHeight = 200;

platform::PlatformOptions options_with(unsigned cpus) {
  platform::PlatformOptions options;
  options.machine.clock = kernel::ClockKind::Virtual;
  options.machine.processors = cpus;
  return options;
}

std::uint8_t picture_index(unsigned x, unsigned y) {
  static const std::vector<std::uint8_t> picture = demo_picture();
  return picture[y * kWidth + x];
}
std::vector<std::uint8_t> picture() { return demo_picture(); }
std::vector<std::uint8_t> animation_palette(unsigned k) { return demo_palette(k); }

// The 8-bit value a 6-bit DAC component shows as (docs/vga.md, QEMU convention).
std::uint8_t to_8bit(std::uint8_t v) { return static_cast<std::uint8_t>((v << 2) | ((v & 1) * 3)); }

// True when the 13h screenshot shows the picture through palette `rgb` (13h doubles each pixel).
bool shows_palette(const image::Image& shot, const std::vector<std::uint8_t>& rgb) {
  for (unsigned y = 0; y < kHeight; y += 25)
    for (unsigned x = 0; x < kWidth; x += 20) {
      const std::uint8_t* p = shot.pixel(2 * x, 2 * y);
      std::uint8_t i = picture_index(x, y);
      for (unsigned c = 0; c < 3; ++c)
        if (p[c] != to_8bit(rgb[i * 3 + c])) return false;
    }
  return true;
}

bool has_finding(const std::vector<findings::Finding>& all, findings::FindingKind kind) {
  return std::any_of(all.begin(), all.end(), [kind](const findings::Finding& f) { return f.kind == kind; });
}

class VgasyncCpusTest : public ::testing::TestWithParam<unsigned> {};

// Scenario: the display driver sets 13h, draws through the mapped video memory and queues eight
// palettes; it then waits one retrace at a time. After each wait the screen shows exactly the
// palette the ISR applied last, all eight get applied by the ISR, nothing tears, no findings.
TEST_P(VgasyncCpusTest, PaletteAnimationFromIsr) {
  VgasyncRig rig(options_with(GetParam()));
  ASSERT_TRUE(rig.start("vgasync")) << rig.error();
  ASSERT_TRUE(rig.set_mode(VGASYNC_MODE_13H));
  ASSERT_TRUE(rig.draw(picture()));
  constexpr unsigned kPalettes = 8;
  for (unsigned k = 0; k < kPalettes; ++k) ASSERT_EQ(rig.queue_palette(0, animation_palette(k)), NO_ERROR);

  std::set<std::uint32_t> seen;
  unsigned waits = 0;
  for (; waits < 3 * kPalettes; ++waits) {
    ASSERT_EQ(rig.wait_retraces(1), NO_ERROR);
    std::uint32_t applied = rig.stats()[kPaletteUpdatesApplied];
    ASSERT_GE(applied, 1u);
    ASSERT_LE(applied, kPalettes);
    EXPECT_TRUE(shows_palette(rig.screenshot(), animation_palette(applied - 1))) << "after " << applied;
    seen.insert(applied);
    if (applied == kPalettes) break;
  }
  std::vector<std::uint32_t> stats = rig.stats();
  EXPECT_EQ(stats[kPaletteUpdatesApplied], kPalettes);
  EXPECT_GE(seen.size(), kPalettes - 1);  // one wait per palette: at most one skipped while queueing
  EXPECT_GE(stats[kRetraces], kPalettes);
  EXPECT_EQ(stats[kWaitsCompleted], waits + 1);
  EXPECT_GE(stats[kDpcRuns], waits + 1);
  EXPECT_EQ(stats[kQueuedPalettes], 0u);
  devices::vga::TearCounts tears = rig.platform().vga().tears();
  EXPECT_GE(tears.dac_writes, kPalettes * 128 * 3);
  EXPECT_EQ(tears.total_tears(), 0u);
  EXPECT_TRUE(rig.findings().empty());
}

INSTANTIATE_TEST_SUITE_P(Cpus, VgasyncCpusTest, ::testing::Values(1u, 2u, 4u));

// Scenario: the whole demo (13h, picture, 16 palette steps one retrace apart, pan, back to text):
// every screenshot of a palette step shows that step's palette, the text screenshot equals the
// POST text screen's characters (blank), all palettes were applied by the ISR, 0 tears.
TEST(VgasyncTest, DemoEndToEnd) {
  VgasyncRig rig(options_with(2));
  ASSERT_TRUE(rig.start("vgasync")) << rig.error();
  std::vector<std::pair<std::string, image::Image>> shots;
  DemoOptions options;
  options.screenshot = [&](const std::string& name, const image::Image& shot) { shots.emplace_back(name, shot); };
  DemoResult result = run_demo(rig, options);
  ASSERT_TRUE(result.ok) << result.failed_step;
  ASSERT_EQ(shots.size(), options.palettes + 2);
  for (unsigned k = 0; k < options.palettes; ++k) {
    EXPECT_TRUE(shows_palette(shots[k].second, demo_palette(k))) << shots[k].first;
    if (k > 0) {
      EXPECT_FALSE(shots[k].second == shots[k - 1].second) << shots[k].first;
    }
  }
  EXPECT_EQ(shots.back().first, "text");
  EXPECT_EQ(shots.back().second.width, 720u);
  EXPECT_EQ(result.stats[kPaletteUpdatesApplied], options.palettes);
  EXPECT_EQ(result.stats[kPansApplied], 1u);
  EXPECT_GE(result.stats[kDpcRuns], options.palettes + 1);
  EXPECT_EQ(result.stats[kExclusionViolations], 0u);
  EXPECT_EQ(rig.platform().vga().tears().total_tears(), 0u);
  EXPECT_TRUE(rig.findings().empty());
}

// Scenario: the queue holds VGASYNC_QUEUE_DEPTH palettes; with the retrace interrupt off (12h
// mode set in progress is not needed: a fresh queue fills faster than one frame) the next one is
// refused with ERROR_BUSY and accepted again after a retrace drained one.
TEST(VgasyncTest, FullQueueIsBusy) {
  VgasyncRig rig(options_with(2));
  ASSERT_TRUE(rig.start("vgasync")) << rig.error();
  ASSERT_TRUE(rig.set_mode(VGASYNC_MODE_13H));
  ASSERT_EQ(rig.wait_retraces(1), NO_ERROR);  // just after a retrace: a whole frame to fill it
  std::vector<std::uint8_t> one_entry = {1, 2, 3};
  for (unsigned k = 0; k < VGASYNC_QUEUE_DEPTH; ++k) ASSERT_EQ(rig.queue_palette(5, one_entry), NO_ERROR);
  EXPECT_EQ(rig.queue_palette(5, one_entry), ERROR_BUSY);
  ASSERT_EQ(rig.wait_retraces(1), NO_ERROR);
  EXPECT_EQ(rig.queue_palette(5, one_entry), NO_ERROR);
}

// Scenario: a pan request moves the picture up by 25 rows at the next retrace: the new top line is
// the old line 50 (13h scans each row twice), the ISR applied it, and it did not tear.
TEST(VgasyncTest, PanAppliedAtRetrace) {
  VgasyncRig rig(options_with(2));
  ASSERT_TRUE(rig.start("vgasync")) << rig.error();
  ASSERT_TRUE(rig.set_mode(VGASYNC_MODE_13H));
  ASSERT_TRUE(rig.draw(picture()));
  ASSERT_EQ(rig.queue_palette(0, animation_palette(3)), NO_ERROR);
  ASSERT_EQ(rig.wait_retraces(1), NO_ERROR);
  image::Image before = rig.screenshot();
  constexpr std::uint32_t kRows = 25, kUnitsPerRow = kWidth / 4;  // 13h: 4 bytes per CRTC unit
  ASSERT_EQ(rig.set_pan(kRows * kUnitsPerRow), NO_ERROR);
  ASSERT_EQ(rig.wait_retraces(1), NO_ERROR);
  image::Image after = rig.screenshot();
  for (unsigned y = 0; y + 2 * kRows < before.height; y += 7)
    for (unsigned x = 0; x < before.width; x += 40)
      ASSERT_TRUE(std::equal(after.pixel(x, y), after.pixel(x, y) + 3, before.pixel(x, y + 2 * kRows)))
          << x << "," << y;
  EXPECT_FALSE(after == before);
  std::vector<std::uint32_t> stats = rig.stats();
  EXPECT_EQ(stats[kPansApplied], 1u);
  EXPECT_EQ(stats[kStartAddress], kRows * kUnitsPerRow);
  devices::vga::TearCounts tears = rig.platform().vga().tears();
  EXPECT_GE(tears.start_address_changes, 1u);
  EXPECT_EQ(tears.total_tears(), 0u);
}

// Scenario: each mode set from vgasync's own tables leaves the registers the video BIOS's INT 10h
// mode set leaves (except the cursor location and the interrupt bits vgasync uses), so screens
// drawn in them look as under the BIOS. In 03h vgasync keeps IBM's values where SeaVGABIOS differs
// in bits that change nothing on screen: SR04 bit 0 (SeaVGABIOS 03h, IBM 02h) and GR07 (Color
// Don't Care, used only by read mode 1; SeaVGABIOS 0Fh, IBM 00h).
TEST(VgasyncTest, ModeTablesMatchBios) {
  struct Case {
    std::uint32_t index;
    std::uint16_t bios;
  };
  for (Case c : {Case{VGASYNC_MODE_13H, 0x13}, Case{VGASYNC_MODE_12H, 0x12}, Case{VGASYNC_MODE_03H, 0x03}}) {
    VgasyncRig rig(options_with(1));
    ASSERT_TRUE(rig.start("vgasync")) << rig.error();
    ASSERT_TRUE(rig.set_mode(c.index));
    devices::vga::VgaState ours = rig.platform().vga().snapshot();
    pc::Machine reference;
    ASSERT_EQ(reference.start(), "");
    ASSERT_TRUE(reference.bios().int10(c.bios).halted());
    devices::vga::VgaState bios = reference.vga().snapshot();
    SCOPED_TRACE(c.bios);
    EXPECT_EQ(ours.external.misc_output, bios.external.misc_output);
    const bool text = c.bios == 0x03;
    for (unsigned i = 1; i < 5; ++i) {
      std::uint8_t mask = text && i == 4 ? 0xFE : 0xFF;
      EXPECT_EQ(ours.sequencer.reg[i] & mask, bios.sequencer.reg[i] & mask) << "SR" << i;
    }
    for (unsigned i = 0; i < 0x19; ++i) {
      if (i == 0x0E || i == 0x0F) continue;
      std::uint8_t mask = i == 0x11 ? 0xCF : 0xFF;
      EXPECT_EQ(ours.crtc.reg[i] & mask, bios.crtc.reg[i] & mask) << "CR" << i;
    }
    for (unsigned i = 0; i < 9; ++i) {
      if (text && i == 7) continue;
      EXPECT_EQ(ours.graphics.reg[i], bios.graphics.reg[i]) << "GR" << i;
    }
    for (unsigned i = 0; i < 0x15; ++i) EXPECT_EQ(ours.attribute.reg[i], bios.attribute.reg[i]) << "AR" << i;
    EXPECT_TRUE(rig.findings().empty());
  }
}

// Scenario: the font saved at initialization survives 13h: after 13h with a picture and back to
// 03h the text screen equals the BIOS text rendering POST left (taken at the same blink phase).
TEST(VgasyncTest, FontSurvivesGraphicsRoundTrip) {
  VgasyncRig rig(options_with(2));
  const devices::vga::DisplayTiming timing = rig.platform().vga().timing();
  const auto frame_of = [&](kernel::ClockTime t) { return static_cast<std::uint64_t>(t / timing.frame_ns); };
  const image::Image bios_text = rig.platform().vga().render();
  const std::uint64_t bios_frame = frame_of(rig.machine().clock().now());
  ASSERT_TRUE(rig.start("vgasync")) << rig.error();
  ASSERT_TRUE(rig.set_mode(VGASYNC_MODE_13H));
  ASSERT_TRUE(rig.draw(picture()));
  ASSERT_TRUE(rig.set_mode(VGASYNC_MODE_03H));
  // The cursor blinks every 8 frames: look in a later frame of the same phase of 32.
  std::uint64_t frame = frame_of(rig.machine().clock().now()) + 1;
  frame += (bios_frame + 32 - frame % 32) % 32;
  rig.machine().pass_time_until(static_cast<kernel::ClockTime>((frame + 0.5) * timing.frame_ns));
  image::Image text = rig.screenshot();
  EXPECT_TRUE(text == bios_text);
  // Negative control: the graphics screen before the return was not the text screen.
  ASSERT_TRUE(rig.set_mode(VGASYNC_MODE_13H));
  EXPECT_FALSE(rig.screenshot() == bios_text);
}

// Scenario: the display driver's start-up requests: three modes, 13h first and palette-driven.
TEST(VgasyncTest, ReportsItsModes) {
  VgasyncRig rig(options_with(1));
  ASSERT_TRUE(rig.start("vgasync")) << rig.error();
  host::RequestResult num = rig.request(IOCTL_VIDEO_QUERY_NUM_AVAIL_MODES, {}, sizeof(VIDEO_NUM_MODES));
  ASSERT_EQ(num.record.status, NO_ERROR);
  VIDEO_NUM_MODES counts{};
  std::memcpy(&counts, num.output.data(), sizeof(counts));
  EXPECT_EQ(counts.NumModes, 3u);
  host::RequestResult avail =
      rig.request(IOCTL_VIDEO_QUERY_AVAIL_MODES, {}, counts.NumModes * counts.ModeInformationLength);
  ASSERT_EQ(avail.record.status, NO_ERROR);
  VIDEO_MODE_INFORMATION first{};
  std::memcpy(&first, avail.output.data(), sizeof(first));
  EXPECT_EQ(first.VisScreenWidth, 320u);
  EXPECT_EQ(first.VisScreenHeight, 200u);
  EXPECT_EQ(first.BitsPerPlane, 8u);
  EXPECT_TRUE(first.AttributeFlags & VIDEO_MODE_PALETTE_DRIVEN);
  host::RequestResult current = rig.request(IOCTL_VIDEO_QUERY_CURRENT_MODE, {}, sizeof(VIDEO_MODE_INFORMATION));
  VIDEO_MODE_INFORMATION mode{};
  std::memcpy(&mode, current.output.data(), sizeof(mode));
  EXPECT_EQ(mode.ModeIndex, static_cast<ULONG>(VGASYNC_MODE_03H));  // POST's text mode
}

// Scenario: twin (c) calls VideoPortSynchronizeExecution from its ISR: at the first retrace the
// machine stops with a nested-deadlock finding. Twin (d) never acknowledges: the level line is
// re-delivered until the controller masks it as a storm. Negative control: vgasync itself runs
// the same time with no finding.
TEST(VgasyncTest, BuggyTwinsFindings) {
  const kernel::ClockTime kRun = 200'000'000;  // 200 ms: 14 retraces at 70 Hz
  {
    VgasyncRig rig(options_with(2));
    ASSERT_TRUE(rig.start("vgasync_bug_sync_from_isr")) << rig.error();
    rig.machine().pass_time_until(rig.machine().clock().now() + kRun);
    EXPECT_TRUE(rig.machine().halted());
    auto stop = rig.machine().stop_finding();
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->kind, findings::FindingKind::SyncNestedDeadlock);
  }
  {
    VgasyncRig rig(options_with(2));
    ASSERT_TRUE(rig.start("vgasync_bug_no_ack")) << rig.error();
    rig.machine().pass_time_until(rig.machine().clock().now() + kRun);
    EXPECT_TRUE(has_finding(rig.findings(), findings::FindingKind::InterruptStorm));
    EXPECT_TRUE(rig.machine().interrupts().statistics(VGASYNC_IRQ).storm);
  }
  {
    VgasyncRig rig(options_with(2));
    ASSERT_TRUE(rig.start("vgasync")) << rig.error();
    rig.machine().pass_time_until(rig.machine().clock().now() + kRun);
    EXPECT_FALSE(rig.machine().halted());
    EXPECT_TRUE(rig.findings().empty());
    EXPECT_GE(rig.stats()[kRetraces], 10u);
  }
}

// Scenario (stress): the retrace at a scaled 10,000 Hz on two processors while the display driver
// reads the DAC in a loop (769 port accesses inside a synchronize callback each time). The
// VpHighPriority variant is excluded from the ISR under the documented semantics, so the ISR never
// finds a callback running; under the `reactos` profile VpHighPriority only raises the calling
// processor to SYNCH_LEVEL and takes no interrupt lock, so the ISR runs on the other processor in
// the middle of the callback: vgasync counts it (ExclusionViolations) and, in a real driver, the
// DAC read would return entries shifted by the ISR's palette write.
TEST(VgasyncTest, HighPriorityUnderReactosIsNotExcluded) {
  // Stops at the first violation. Under reactos one comes within a few hundred requests on a
  // quiet machine; a loaded CI machine gets up to 4000 before the test calls it missing.
  auto violations_after_stress = [](kernel::SyncProfile profile, unsigned requests) {
    platform::PlatformOptions options = options_with(2);
    options.retrace_hz = 10'000;
    options.machine.profile = profile;
    VgasyncRig rig(options);
    EXPECT_TRUE(rig.start("vgasync_high")) << rig.error();
    std::uint32_t violations = 0;
    for (unsigned i = 0; i < requests && violations == 0; ++i) {
      EXPECT_EQ(rig.request(IOCTL_VGASYNC_READ_DAC, {}, VGASYNC_DAC_BYTES).record.status, NO_ERROR);
      if (i % 20 == 19) violations = rig.stats()[kExclusionViolations];
    }
    std::vector<std::uint32_t> stats = rig.stats();
    return std::make_pair(stats[kExclusionViolations], stats[kRetraces]);
  };
  auto [docs_violations, docs_retraces] = violations_after_stress(kernel::SyncProfile::Docs, 400);
  EXPECT_EQ(docs_violations, 0u);
  // The ISR ran during the loop. Few times: while one processor reads the DAC under the interrupt
  // lock back to back, the other, spinning for that lock with the retrace ISR, rarely wins it.
  EXPECT_GT(docs_retraces, 0u);
  EXPECT_GT(violations_after_stress(kernel::SyncProfile::ReactOS, 4000).first, 0u);
}

// Scenario: twins (a) and (b) are the verifier's targets: vidport cannot see their bugs yet, but
// they must keep loading and animating like vgasync.
TEST(VgasyncTest, VerifierTwinsStillRun) {
  for (const char* twin : {"vgasync_bug_unsynchronized_queue", "vgasync_bug_paged_in_sync", "vgasync_high"}) {
    SCOPED_TRACE(twin);
    VgasyncRig rig(options_with(2));
    ASSERT_TRUE(rig.start(twin)) << rig.error();
    ASSERT_TRUE(rig.set_mode(VGASYNC_MODE_13H));
    ASSERT_EQ(rig.queue_palette(0, animation_palette(1)), NO_ERROR);
    ASSERT_EQ(rig.wait_retraces(2), NO_ERROR);
    EXPECT_EQ(rig.stats()[kPaletteUpdatesApplied], 1u);
  }
}

}  // namespace
}  // namespace vidport::vgasync_test
