// Scan-out in the order the hardware does it: per scan line, the CRTC's address counter walks the
// character clocks of a row; each clock fetches the four plane bytes at one address, the
// sequencer's shift registers turn them into dots, the attribute controller turns dots into DAC
// indices, and the DAC (through the pixel mask) gives the colour.
#include "devices/vga/renderer.h"

#include <array>
#include <vector>

namespace vidport::devices::vga {

namespace {

using Rgb = std::array<std::uint8_t, 3>;

std::uint8_t expand6(std::uint8_t v) {
  v &= 0x3F;
  return static_cast<std::uint8_t>((v << 2) | ((v & 1) * 3));
}

// DAC index (before the pixel mask) -> 8-bit RGB, built once per frame.
std::array<Rgb, 256> build_colours(const Dac& dac) {
  std::array<Rgb, 256> colours{};
  for (unsigned i = 0; i < 256; ++i) {
    unsigned entry = (i & dac.pixel_mask) * 3u;
    colours[i] = {expand6(dac.rgb[entry]), expand6(dac.rgb[entry + 1]), expand6(dac.rgb[entry + 2])};
  }
  return colours;
}

// byte -> eight bytes, byte j holding bit (7 - j): the planar shift register, one plane at a time.
constexpr std::array<std::uint64_t, 256> make_bit_spread() {
  std::array<std::uint64_t, 256> table{};
  for (unsigned b = 0; b < 256; ++b) {
    for (unsigned j = 0; j < 8; ++j) {
      if (b & (0x80u >> j)) table[b] |= std::uint64_t{1} << (8 * j);
    }
  }
  return table;
}
constexpr std::array<std::uint64_t, 256> kBitSpread = make_bit_spread();

// What the registers say about the shape of the picture.
struct Geometry {
  bool text = false;
  unsigned chars = 1;          // displayed character clocks per line
  unsigned dots_per_char = 8;  // 9 only for 9-dot text
  unsigned dot_width = 1;      // 2 when the dot clock is halved
  unsigned lines = 1;          // displayed scan lines
  // The overscan border, in character clocks and scan lines (RenderConventions::Ibm only).
  unsigned left = 0, right = 0, top = 0, bottom = 0;
};

// How far blanking leaves room for the border after the display (end side) and before it (start
// side, taken from the end of the previous line or frame). `blank_end` is compared on `bits` bits.
void border_extent(unsigned display, unsigned blank_start, unsigned blank_end, unsigned bits, unsigned total,
                   unsigned& after, unsigned& before) {
  after = blank_start > display ? blank_start - display : 0;
  if (display + after > total) after = total > display ? total - display : 0;
  unsigned mask = (1u << bits) - 1;
  unsigned end = blank_start + 1;
  while ((end & mask) != (blank_end & mask)) ++end;
  before = end < total ? total - end : 0;
}

Geometry derive_geometry(const VgaState& s, RenderConventions conventions) {
  Geometry g;
  const Crtc& crtc = s.crtc;
  g.text = !s.attribute.graphics();
  g.chars = crtc.horizontal_display();
  g.dots_per_char = g.text && !s.sequencer.eight_dot() ? 9 : 8;
  g.dot_width = s.sequencer.dot_clock_halved() ? 2 : 1;
  g.lines = crtc.vertical_display();
  if (conventions == RenderConventions::Ibm) {
    border_extent(g.chars, crtc.horizontal_blank_start(), crtc.horizontal_blank_end(), 6,
                  crtc.horizontal_total(), g.right, g.left);
    border_extent(g.lines, crtc.vertical_blank_start(), crtc.vertical_blank_end(), 8, crtc.vertical_total(),
                  g.bottom, g.top);
  }
  return g;
}

// The CRTC's character counter -> the plane address it fetches (byte, word or double-word
// addressing, then the CGA row-scan substitutions of CR17 bits 0 and 1).
unsigned memory_address(const Crtc& crtc, unsigned counter, unsigned row_scan) {
  counter &= 0xFFFF;
  unsigned a;
  if (crtc.dword_mode()) {
    a = (counter << 2) | (counter >> 14);
  } else if (!crtc.byte_mode()) {
    a = (counter << 1) | ((counter >> (crtc.address_wrap_ma15() ? 15 : 13)) & 1);
  } else {
    a = counter;
  }
  if (crtc.map13()) a = (a & ~0x2000u) | ((row_scan & 1u) << 13);
  if (crtc.map14()) a = (a & ~0x4000u) | ((row_scan & 2u) << 13);
  return a & 0xFFFF;
}

unsigned counter_step(const Crtc& crtc, unsigned clock) {
  if (crtc.count_by_4()) return clock / 4;
  if (crtc.count_by_2()) return clock / 2;
  return clock;
}

// Dots by which AR13 moves the picture left.
unsigned panning_dots(const VgaState& s, const Geometry& g) {
  unsigned pan = s.attribute.pixel_panning();
  if (g.dots_per_char == 9) return pan <= 8 ? (pan + 1) % 9 : 0;
  if (pan >= 8) return 0;
  return s.attribute.eight_bit_colour() ? pan & 6u : pan;
}

struct LineContext {
  const VgaState& s;
  const Geometry& g;
  RenderConventions conventions;
  BlinkPhase blink;
  std::array<std::uint8_t, 16> attribute_dac;  // 4-bit attribute -> DAC index
};

bool ninth_dot_copies_eighth(const LineContext& c, unsigned character) {
  if (c.conventions == RenderConventions::Qemu) return character >= 0xB0 && character <= 0xDF;
  return c.s.attribute.line_graphics() && character >= 0xC0 && character <= 0xDF;
}

void text_line(const LineContext& c, unsigned row_start, unsigned row_scan, unsigned clocks, std::uint8_t* out) {
  const Crtc& crtc = c.s.crtc;
  const auto& planes = c.s.memory.planes;
  const AttributeController& ac = c.s.attribute;
  bool cursor_row = !crtc.cursor_disabled() && c.blink.cursor_on && crtc.cursor_start() <= row_scan &&
                    row_scan <= crtc.cursor_end();
  unsigned cursor_at = (crtc.cursor_location() + crtc.cursor_skew()) & 0xFFFF;
  bool underline_row = ac.mono_attributes() && row_scan == crtc.underline_location();
  std::uint32_t font[2] = {c.s.sequencer.font_offset(false), c.s.sequencer.font_offset(true)};
  for (unsigned i = 0; i < clocks; ++i, out += c.g.dots_per_char) {
    unsigned counter = (row_start + counter_step(crtc, i)) & 0xFFFF;
    unsigned address = memory_address(crtc, counter, row_scan);
    unsigned character = planes[0][address];
    unsigned attribute = planes[1][address];
    unsigned fg = attribute & 0x0F, bg = attribute >> 4;
    if (ac.blink_enabled()) {
      if ((bg & 8) && !c.blink.characters_on) fg = bg & 7;
      bg &= 7;
    }
    unsigned glyph = planes[2][(font[(attribute >> 3) & 1] + character * 32 + row_scan) & 0xFFFF];
    bool solid = (cursor_row && counter == cursor_at) || (underline_row && (attribute & 0x77) == 0x01);
    if (solid) glyph = 0xFF;
    std::uint8_t fg_index = c.attribute_dac[fg], bg_index = c.attribute_dac[bg];
    for (unsigned b = 0; b < 8; ++b) out[b] = (glyph & (0x80u >> b)) ? fg_index : bg_index;
    if (c.g.dots_per_char == 9) {
      bool ninth = solid || (ninth_dot_copies_eighth(c, character) && (glyph & 1));
      out[8] = ninth ? fg_index : bg_index;
    }
  }
}

void graphics_line(const LineContext& c, unsigned row_start, unsigned row_scan, unsigned clocks, std::uint8_t* out) {
  const Crtc& crtc = c.s.crtc;
  const auto& planes = c.s.memory.planes;
  const GraphicsController& gc = c.s.graphics;
  bool eight_bit = c.s.attribute.eight_bit_colour();
  for (unsigned i = 0; i < clocks; ++i, out += 8) {
    unsigned address = memory_address(crtc, row_start + counter_step(crtc, i), row_scan);
    std::uint8_t p[4] = {planes[0][address], planes[1][address], planes[2][address], planes[3][address]};
    std::uint8_t dot[8];
    if (gc.shift_256()) {
      for (unsigned j = 0; j < 4; ++j) {
        dot[2 * j] = p[j] >> 4;
        dot[2 * j + 1] = p[j] & 0x0F;
      }
    } else if (gc.shift_interleave()) {
      for (unsigned j = 0; j < 4; ++j) {
        unsigned shift = 6 - 2 * j;
        dot[j] = static_cast<std::uint8_t>(((p[0] >> shift) & 3) | (((p[2] >> shift) & 3) << 2));
        dot[4 + j] = static_cast<std::uint8_t>(((p[1] >> shift) & 3) | (((p[3] >> shift) & 3) << 2));
      }
    } else {
      std::uint64_t packed = kBitSpread[p[0]] | (kBitSpread[p[1]] << 1) |
                             (kBitSpread[p[2]] << 2) | (kBitSpread[p[3]] << 3);
      for (unsigned j = 0; j < 8; ++j) dot[j] = static_cast<std::uint8_t>(packed >> (8 * j));
    }
    if (eight_bit) {
      // Two 4-bit dots form one 8-bit DAC index shown for both dot times; the palette registers
      // are not used.
      for (unsigned j = 0; j < 8; j += 2) out[j] = out[j + 1] = static_cast<std::uint8_t>((dot[j] << 4) | dot[j + 1]);
    } else {
      for (unsigned j = 0; j < 8; ++j) out[j] = c.attribute_dac[dot[j]];
    }
  }
}

void fill(image::Image& img, const Rgb& colour) {
  for (std::size_t i = 0; i < img.rgb.size(); i += 3) {
    img.rgb[i] = colour[0];
    img.rgb[i + 1] = colour[1];
    img.rgb[i + 2] = colour[2];
  }
}

}  // namespace

image::Image render_frame(const VgaState& s, RenderConventions conventions, BlinkPhase blink) {
  const Geometry g = derive_geometry(s, conventions);
  const unsigned char_width = g.dots_per_char * g.dot_width;
  image::Image img;
  img.width = (g.left + g.chars + g.right) * char_width;
  img.height = g.top + g.lines + g.bottom;
  img.rgb.assign(std::size_t{img.width} * img.height * 3, 0);

  const std::array<Rgb, 256> colours = build_colours(s.dac);
  bool ibm = conventions == RenderConventions::Ibm;
  if (s.sequencer.screen_off()) return img;
  if (ibm) fill(img, colours[s.attribute.overscan()]);
  if (!s.attribute.palette_address_source()) return img;

  LineContext c{s, g, conventions, blink, {}};
  for (unsigned v = 0; v < 16; ++v) c.attribute_dac[v] = s.attribute.dac_index(v);
  const Crtc& crtc = s.crtc;
  const unsigned pan = ibm ? panning_dots(s, g) : 0;
  const unsigned clocks = g.chars + (pan ? 1 : 0);
  std::vector<std::uint8_t> dots(std::size_t{clocks} * g.dots_per_char);

  unsigned row_start = crtc.start_address() + crtc.byte_panning();
  unsigned row_scan = crtc.preset_row_scan();
  bool repeat_pending = crtc.double_scan();
  bool below_split = false;
  for (unsigned y = 0; y < g.lines; ++y) {
    if (g.text) {
      text_line(c, row_start, row_scan, clocks, dots.data());
    } else {
      graphics_line(c, row_start, row_scan, clocks, dots.data());
    }
    unsigned shift = below_split && s.attribute.panning_reset_at_line_compare() ? 0 : pan;
    std::uint8_t* row = &img.rgb[(std::size_t{g.top + y} * img.width + g.left * char_width) * 3];
    for (unsigned d = 0; d < g.chars * g.dots_per_char; ++d) {
      const Rgb& colour = colours[dots[d + shift]];
      for (unsigned w = 0; w < g.dot_width; ++w, row += 3) {
        row[0] = colour[0];
        row[1] = colour[1];
        row[2] = colour[2];
      }
    }
    // Advance the CRTC to the next scan line: the split at line compare restarts memory at 0,
    // double scan shows every line twice, and a row of memory lasts max-scan-line + 1 lines.
    if (y == crtc.line_compare()) {
      row_start = 0;
      row_scan = 0;
      repeat_pending = crtc.double_scan();
      below_split = true;
      continue;
    }
    if (repeat_pending) {
      repeat_pending = false;
      continue;
    }
    repeat_pending = crtc.double_scan();
    if (row_scan >= crtc.max_scan_line()) {
      row_scan = 0;
      row_start += 2 * crtc.offset();
    } else {
      ++row_scan;
    }
  }
  return img;
}

}  // namespace vidport::devices::vga
