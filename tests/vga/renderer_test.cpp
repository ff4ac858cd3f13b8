// What the screen shows, for small synthetic states set up through the ports. Every expected
// colour is worked out by hand: attribute -> palette register -> DAC entry -> 8-bit expansion
// (v << 2) | (v & 1) * 3, e.g. 15h -> 57h, 2Ah -> A8h, 3Fh -> FFh, 01h -> 07h.
#include "vga_fixture.h"

namespace vidport::devices::vga::testing {
namespace {

class Render : public VgaFixture {
 protected:
  explicit Render(VgaOptions options = {}) : VgaFixture(options) {}

  // Writes glyph rows into font slot `character` of map 0 (plane 2), then restores text access.
  void load_glyph(std::uint8_t character, std::initializer_list<std::uint8_t> rows) {
    seq(0x02, 0x04);
    seq(0x04, 0x06);
    gc(0x04, 0x02);
    gc(0x05, 0x00);
    gc(0x06, 0x04);
    std::uint32_t address = 0xA0000 + character * 32u;
    for (std::uint8_t row : rows) mem(address++, row);
    seq(0x02, 0x03);
    seq(0x04, 0x02);
    gc(0x04, 0x00);
    gc(0x05, 0x10);
    gc(0x06, 0x0E);
  }
  void put_char(unsigned column, unsigned row, std::uint8_t character, std::uint8_t attribute) {
    mem(0xB8000 + (row * 80 + column) * 2, character);
    mem(0xB8000 + (row * 80 + column) * 2 + 1, attribute);
  }
  // Mode 03h with a font-less screen: attribute 1Eh is yellow-ish (palette E = 3Eh) on blue
  // (palette 1 = 01h).
  void text_mode() {
    program(kMode03);
    dac(0x01, 0x00, 0x00, 0x2A);
    dac(0x3E, 0x3F, 0x3F, 0x15);
    crtc(0x0A, 0x20);  // cursor off unless a test turns it on
  }
  static constexpr std::uint32_t kBlue = 0x0000A8, kYellow = 0xFFFF57, kBlack = 0x000000;
};

class RenderIbm : public Render {
 protected:
  RenderIbm() : Render(VgaOptions{.render = RenderConventions::Ibm}) {}
};

// One glyph in 9x16 text: set bits in the foreground, clear bits and the 9th column in the
// background; output is 720x400 (80 x 9 by 400 lines).
TEST_F(Render, TextGlyphWithAttributes) {
  text_mode();
  load_glyph('A', {0x81, 0xFF});
  put_char(0, 0, 'A', 0x1E);
  image::Image img = vga.render();
  ASSERT_EQ(img.width, 720u);
  ASSERT_EQ(img.height, 400u);
  EXPECT_EQ(img.rgb_at(0, 0), kYellow);
  EXPECT_EQ(img.rgb_at(1, 0), kBlue);
  EXPECT_EQ(img.rgb_at(7, 0), kYellow);
  EXPECT_EQ(img.rgb_at(8, 0), kBlue);  // 9th column of 'A': background
  for (unsigned x = 0; x < 8; ++x) EXPECT_EQ(img.rgb_at(x, 1), kYellow) << x;
  EXPECT_EQ(img.rgb_at(8, 1), kBlue);
  EXPECT_EQ(img.rgb_at(3, 2), kBlue);
  EXPECT_EQ(img.rgb_at(9, 0), kBlack);  // cell (1, 0): attribute 0
}

// The character on row 1 starts at scan line 16 (max scan line 15) and column 2 at x = 18.
TEST_F(Render, TextCellPlacementFollowsCharacterHeight) {
  text_mode();
  load_glyph('B', {0x80});
  put_char(2, 1, 'B', 0x1E);
  image::Image img = vga.render();
  EXPECT_EQ(img.rgb_at(18, 16), kYellow);
  EXPECT_EQ(img.rgb_at(18, 15), kBlack);
  EXPECT_EQ(img.rgb_at(19, 16), kBlue);
}

// 8-dot characters (SR01 bit 0) make the screen 640 wide and drop the 9th column.
TEST_F(Render, EightDotText) {
  text_mode();
  seq(0x01, 0x01);
  load_glyph('A', {0x01});
  put_char(1, 0, 'A', 0x1E);
  image::Image img = vga.render();
  EXPECT_EQ(img.width, 640u);
  EXPECT_EQ(img.rgb_at(15, 0), kYellow);
  EXPECT_EQ(img.rgb_at(16, 0), kBlack);
}

// QEMU's 9th-column rule copies the 8th dot for B0h-DFh; other characters get background.
TEST_F(Render, QemuNinthColumnRule) {
  text_mode();
  for (std::uint8_t c : {0xAF, 0xB0, 0xC4, 0xDF, 0xE0}) load_glyph(c, {0x01});
  const std::uint8_t chars[] = {0xAF, 0xB0, 0xC4, 0xDF, 0xE0};
  for (unsigned i = 0; i < 5; ++i) put_char(i, 0, chars[i], 0x1E);
  image::Image img = vga.render();
  EXPECT_EQ(img.rgb_at(0 * 9 + 8, 0), kBlue);
  EXPECT_EQ(img.rgb_at(1 * 9 + 8, 0), kYellow);
  EXPECT_EQ(img.rgb_at(2 * 9 + 8, 0), kYellow);
  EXPECT_EQ(img.rgb_at(3 * 9 + 8, 0), kYellow);
  EXPECT_EQ(img.rgb_at(4 * 9 + 8, 0), kBlue);
}

// IBM's rule: only C0h-DFh, and only while AR10 bit 2 is set.
TEST_F(RenderIbm, IbmNinthColumnRule) {
  text_mode();
  for (std::uint8_t c : {0xB3, 0xC4}) load_glyph(c, {0x01});
  put_char(0, 0, 0xB3, 0x1E);
  put_char(1, 0, 0xC4, 0x1E);
  image::Image img = vga.render();
  const unsigned left = 18, top = 8;  // the border: see IbmBorderSurroundsTheDisplay
  EXPECT_EQ(img.rgb_at(left + 8, top), kBlue);
  EXPECT_EQ(img.rgb_at(left + 17, top), kYellow);
  attr(0x10, 0x08);  // line graphics off
  img = vga.render();
  EXPECT_EQ(img.rgb_at(left + 17, top), kBlue);
}

// The cursor fills its scan lines (CR0A-CR0B) of the cell at the cursor location, all 9 dots, in
// the foreground colour, during the visible half of its blink.
TEST_F(Render, CursorAndItsBlink) {
  text_mode();
  put_char(3, 0, ' ', 0x1E);
  crtc(0x0A, 0x0D);
  crtc(0x0B, 0x0E);
  crtc(0x0E, 0x00);
  crtc(0x0F, 0x03);
  image::Image img = vga.render();
  EXPECT_EQ(img.rgb_at(27, 12), kBlue);
  EXPECT_EQ(img.rgb_at(27, 13), kYellow);
  EXPECT_EQ(img.rgb_at(35, 14), kYellow);
  EXPECT_EQ(img.rgb_at(27, 15), kBlue);
  // Frames 8-15 are the cursor's dark half (it toggles every 8 frames of ~14.27 ms).
  clock.pass_until(static_cast<kernel::ClockTime>(8.5 * 1e9 * 900 * 449 / 28322000.0));
  EXPECT_EQ(vga.render().rgb_at(27, 13), kBlue);
  // Negative control: CR0A bit 5 turns it off in the visible half too.
  clock.pass_until(static_cast<kernel::ClockTime>(16.5 * 1e9 * 900 * 449 / 28322000.0));
  EXPECT_EQ(vga.render().rgb_at(27, 13), kYellow);
  crtc(0x0A, 0x2D);
  EXPECT_EQ(vga.render().rgb_at(27, 13), kBlue);
}

// Blink enabled (AR10 bit 3): attribute bit 7 blinks the character and the background uses only
// 3 bits; frames 16-31 hide the character.
TEST_F(Render, BlinkingCharacter) {
  text_mode();
  load_glyph('A', {0xFF});
  put_char(0, 0, 'A', 0x9E);  // background 9 -> 1 with blink enabled
  EXPECT_EQ(vga.render().rgb_at(0, 0), kYellow);
  EXPECT_EQ(vga.render().rgb_at(8, 0), kBlue);
  clock.pass_until(static_cast<kernel::ClockTime>(16.5 * 1e9 * 900 * 449 / 28322000.0));
  EXPECT_EQ(vga.render().rgb_at(0, 0), kBlue);
  // With blink disabled, bit 7 selects background 9 (palette 39h, DAC still black) and no blink.
  attr(0x10, 0x04);
  EXPECT_EQ(vga.render().rgb_at(0, 0), kYellow);
  EXPECT_EQ(vga.render().rgb_at(8, 0), kBlack);
}

// Character map select: attribute bit 3 picks map A (SR03 bits 5,3,2); map 1 lives at 16 KiB.
TEST_F(Render, CharacterMapSelect) {
  text_mode();
  load_glyph('A', {0xF0});
  // Put a different glyph for 'A' into map 1 (plane 2 offset 4000h).
  seq(0x02, 0x04);
  seq(0x04, 0x06);
  gc(0x05, 0x00);
  gc(0x06, 0x04);
  mem(0xA4000 + 'A' * 32, 0x0F);
  seq(0x02, 0x03);
  seq(0x04, 0x02);
  gc(0x05, 0x10);
  gc(0x06, 0x0E);
  seq(0x03, 0x04);  // map A = 1, map B = 0
  put_char(0, 0, 'A', 0x1E);  // bit 3 set: map A
  put_char(1, 0, 'A', 0x16);  // bit 3 clear: map B; foreground 6 -> palette 14h (DAC black)
  dac(0x14, 0x2A, 0x15, 0x00);
  image::Image img = vga.render();
  EXPECT_EQ(img.rgb_at(0, 0), kBlue);
  EXPECT_EQ(img.rgb_at(4, 0), kYellow);
  EXPECT_EQ(img.rgb_at(9, 0), 0xA85700u);
  EXPECT_EQ(img.rgb_at(13, 0), kBlue);
}

// 16-colour planar (12h registers): 640x480; a pixel's four plane bits form the attribute.
TEST_F(Render, PlanarPixels) {
  program(kMode12);
  dac(0x3C, 0x15, 0x2A, 0x3F);  // palette C = 3Ch
  dac(0x01, 0x00, 0x00, 0x2A);  // palette 1 = 01h
  gc(0x05, 0x02);               // write mode 2
  gc(0x08, 0x80);
  mem(0xA0000);
  mem(0xA0000, 0x0C);           // pixel (0,0) = colour 12
  gc(0x05, 0x00);
  gc(0x08, 0xFF);
  seq(0x02, 0x01);
  mem(0xA0000 + 80, 0x40);      // pixel (1,1): plane 0 only = colour 1
  seq(0x02, 0x0F);
  image::Image img = vga.render();
  ASSERT_EQ(img.width, 640u);
  ASSERT_EQ(img.height, 480u);
  EXPECT_EQ(img.rgb_at(0, 0), 0x57A8FFu);
  EXPECT_EQ(img.rgb_at(1, 0), kBlack);
  EXPECT_EQ(img.rgb_at(1, 1), kBlue);
  // Colour plane enable (AR12) without plane 0: colour 1 becomes 0, colour 12 stays.
  attr(0x12, 0x0E);
  img = vga.render();
  EXPECT_EQ(img.rgb_at(1, 1), kBlack);
  EXPECT_EQ(img.rgb_at(0, 0), 0x57A8FFu);
}

// Start address (in the CRTC's units: bytes in byte mode) scrolls; the offset register sets the
// row pitch (2 x CR13 bytes); line compare restarts memory at 0 below it; double scan repeats rows.
TEST_F(Render, StartAddressOffsetLineCompareDoubleScan) {
  program(kMode12);
  dac(0x01, 0x00, 0x00, 0x2A);
  seq(0x02, 0x01);
  mem(0xA0000 + 80 * 1, 0x80);   // memory row 1, pixel 0
  mem(0xA0000 + 80 * 12, 0x80);  // memory row 12
  seq(0x02, 0x0F);
  crtc(0x0C, 0x03);
  crtc(0x0D, 0x20);     // start address 320h = 800 = row 10
  crtc(0x18, 100);      // line compare = 100: CR07 bit 4 (writable despite protection), CR09 bit 6
  crtc(0x07, 0x2E);
  crtc(0x09, 0x00);
  image::Image img = vga.render();
  EXPECT_EQ(img.rgb_at(0, 2), kBlue);    // memory row 12 at line 2
  EXPECT_EQ(img.rgb_at(0, 1), kBlack);
  EXPECT_EQ(img.rgb_at(0, 102), kBlue);  // line 101 shows row 0, line 102 row 1
  EXPECT_EQ(img.rgb_at(0, 101), kBlack);
  EXPECT_EQ(img.rgb_at(0, 100), kBlack);
  EXPECT_EQ(vga.snapshot().crtc.line_compare(), 100u);

  crtc(0x18, 0xFF);
  crtc(0x07, 0x3E);
  crtc(0x0C, 0x00);
  crtc(0x0D, 0x00);
  crtc(0x09, 0x80);  // double scan
  img = vga.render();
  EXPECT_EQ(img.rgb_at(0, 1), kBlack);
  EXPECT_EQ(img.rgb_at(0, 2), kBlue);
  EXPECT_EQ(img.rgb_at(0, 3), kBlue);
  EXPECT_EQ(img.rgb_at(0, 4), kBlack);

  crtc(0x09, 0x00);
  crtc(0x13, 6);  // 12-byte rows: memory offset 36 starts row 3
  seq(0x02, 0x01);
  mem(0xA0000 + 12 * 3, 0x80);
  img = vga.render();
  EXPECT_EQ(img.rgb_at(0, 3), kBlue);
}

// Chain-4 256 colours (13h registers): 640x400, each pixel a 2x2 block, the byte is the DAC index,
// ANDed with the pixel mask.
TEST_F(Render, Chain4PixelThroughDacAndPixelMask) {
  program(kMode13);
  dac(0x40, 0x2A, 0x15, 0x01);
  mem(0xA0000 + 2 * 320 + 5, 0x40);
  image::Image img = vga.render();
  ASSERT_EQ(img.width, 640u);
  ASSERT_EQ(img.height, 400u);
  for (unsigned y = 4; y < 6; ++y) {
    for (unsigned x = 10; x < 12; ++x) EXPECT_EQ(img.rgb_at(x, y), 0xA85707u) << x << "," << y;
  }
  EXPECT_EQ(img.rgb_at(12, 4), kBlack);
  EXPECT_EQ(img.rgb_at(10, 6), kBlack);
  out(0x3C6, 0x3F);  // 40h & 3Fh = 0
  EXPECT_EQ(vga.render().rgb_at(10, 4), kBlack);
}

// Unchained 256 colours ("mode X": chain-4 off, byte mode): pixel x is plane x & 3 at x / 4.
TEST_F(Render, UnchainedPixel) {
  program(kMode13);
  seq(0x04, 0x06);
  crtc(0x14, 0x00);
  crtc(0x17, 0xE3);
  dac(0x40, 0x3F, 0x00, 0x00);
  seq(0x02, 0x04);
  mem(0xA0001, 0x40);  // plane 2, address 1 -> pixel x = 6
  image::Image img = vga.render();
  EXPECT_EQ(img.rgb_at(12, 0), 0xFF0000u);
  EXPECT_EQ(img.rgb_at(13, 1), 0xFF0000u);
  EXPECT_EQ(img.rgb_at(14, 0), kBlack);
  EXPECT_EQ(img.rgb_at(10, 0), kBlack);
}

// PAS = 0 and screen off both give a black picture by default; the size stays.
TEST_F(Render, BlankedScreens) {
  program(kMode13);
  dac(0x00, 0x3F, 0x3F, 0x3F);
  EXPECT_EQ(vga.render().rgb_at(0, 0), 0xFFFFFFu);
  in(0x3DA);
  out(0x3C0, 0x00);  // PAS = 0
  image::Image img = vga.render();
  EXPECT_EQ(img.width, 640u);
  EXPECT_EQ(img.rgb_at(0, 0), kBlack);
  out(0x3C0, 0x00);
  out(0x3C0, 0x20);
  seq(0x01, 0x21);
  EXPECT_EQ(vga.render().rgb_at(0, 0), kBlack);
}

// QEMU ignores pixel panning; IBM honours it (next test).
TEST_F(Render, QemuIgnoresPixelPanning) {
  program(kMode12);
  dac(0x01, 0x00, 0x00, 0x2A);
  seq(0x02, 0x01);
  mem(0xA0000, 0x10);  // pixel 3 = colour 1
  attr(0x13, 0x03);
  EXPECT_EQ(vga.render().rgb_at(3, 0), kBlue);
}

// IBM pixel panning: AR13 = 3 moves the picture 3 pixels left; below the line compare split with
// AR10 bit 5 set, panning is not applied.
TEST_F(RenderIbm, PixelPanning) {
  program(kMode12);
  dac(0x01, 0x00, 0x00, 0x2A);
  seq(0x02, 0x01);
  mem(0xA0000, 0x10);  // row 0, pixel 3
  attr(0x13, 0x03);
  const unsigned left = 16, top = 9;  // 12h's border (2 chars, 9 lines)
  image::Image img = vga.render();
  EXPECT_EQ(img.rgb_at(left + 0, top), kBlue);
  EXPECT_EQ(img.rgb_at(left + 3, top), kBlack);
  crtc(0x18, 0x00);
  crtc(0x07, 0x2E);
  crtc(0x09, 0x00);  // line compare = 0: line 1 shows memory row 0 again
  attr(0x10, 0x21);
  img = vga.render();
  EXPECT_EQ(img.rgb_at(left + 0, top), kBlue);      // line 0: panned
  EXPECT_EQ(img.rgb_at(left + 3, top + 1), kBlue);  // line 1: below the split, not panned
}

// IBM border for the 03h registers: blanking starts right at the display end (no right border),
// the horizontal blank end (22h, 6 bits) matches at char 98 of 100, so 2 chars (18 dots) of
// border on the left; vertical blank starts at 406 (6 lines below 400) and ends at 441 of 449
// (8 lines on top): 738 x 414, in the overscan colour.
TEST_F(RenderIbm, IbmBorderSurroundsTheDisplay) {
  text_mode();
  attr(0x11, 0x05);
  dac(0x05, 0x2A, 0x00, 0x2A);
  load_glyph('A', {0xFF});
  put_char(0, 0, 'A', 0x1E);
  image::Image img = vga.render();
  ASSERT_EQ(img.width, 738u);
  ASSERT_EQ(img.height, 414u);
  EXPECT_EQ(img.rgb_at(0, 0), 0xA800A8u);
  EXPECT_EQ(img.rgb_at(17, 8), 0xA800A8u);
  EXPECT_EQ(img.rgb_at(18, 8), kYellow);
  EXPECT_EQ(img.rgb_at(737, 413), 0xA800A8u);
  EXPECT_EQ(img.rgb_at(737, 407), kBlack);
  // PAS = 0 shows the overscan colour over the whole screen on IBM's card.
  in(0x3DA);
  out(0x3C0, 0x00);
  EXPECT_EQ(vga.render().rgb_at(18, 8), 0xA800A8u);
}

// The default conventions have no border: the same state renders 720x400.
TEST_F(Render, QemuHasNoBorder) {
  text_mode();
  attr(0x11, 0x05);
  dac(0x05, 0x2A, 0x00, 0x2A);
  image::Image img = vga.render();
  EXPECT_EQ(img.width, 720u);
  EXPECT_EQ(img.height, 400u);
  EXPECT_EQ(img.rgb_at(0, 0), kBlack);
}

}  // namespace
}  // namespace vidport::devices::vga::testing
