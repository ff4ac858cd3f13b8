// The VGA alone against QEMU's screenshots: the video BIOS's port writes for a mode set (the shared
// SeaVGABIOS traces, tests/data/refs/) are replayed through the bus, the reference program's
// drawing is done through the memory window, and the render must equal QEMU's picture pixel for
// pixel. This isolates the device from the processor; tests/pc runs the real ROM end to end.
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "image/image.h"
#include "vga_fixture.h"

namespace vidport::devices::vga::testing {
namespace {

std::string refs_dir() {
  const char* source = std::getenv("VIDPORT_SOURCE_DIR");
  return std::string(source ? source : ".") + "/tests/data/refs/";
}

class ReferenceReplay : public VgaFixture {
 protected:
  // Replays every port access of a trace (IN too: reads of 3DA move the attribute flip-flop).
  void replay(const std::string& name) {
    std::ifstream file(refs_dir() + name);
    ASSERT_TRUE(file) << refs_dir() + name;
    std::string line;
    while (std::getline(file, line)) {
      if (std::size_t at = line.find("INT43=C000:"); at != std::string::npos) {
        font_offset = static_cast<std::uint32_t>(std::stoul(line.substr(at + 11, 4), nullptr, 16));
      }
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string seq, instr, dir, port, bits, value;
      fields >> seq >> instr >> dir >> port >> bits >> value;
      auto p = static_cast<std::uint16_t>(std::stoul(port, nullptr, 16));
      bus::Width width = bits == "16" ? bus::Width::Word : bus::Width::Byte;
      if (dir == "OUT") {
        bus.write_port(p, width, static_cast<std::uint32_t>(std::stoul(value, nullptr, 16)));
      } else {
        bus.read_port(p, width);
      }
    }
  }
  std::uint32_t font_offset = 0;  // INT 43h (the 8x16 font) in the ROM, from the trace's final state

  // The number of pixels where the render and the reference differ (all of them if sizes differ).
  std::size_t differences(const std::string& reference) {
    image::Image expected;
    EXPECT_EQ(image::read_png(refs_dir() + reference, expected), "");
    image::Image actual = vga.render();
    EXPECT_EQ(actual.width, expected.width);
    EXPECT_EQ(actual.height, expected.height);
    if (actual.width != expected.width || actual.height != expected.height) return std::size_t{actual.width} * actual.height;
    std::size_t count = 0;
    for (unsigned y = 0; y < actual.height; ++y) {
      for (unsigned x = 0; x < actual.width; ++x) count += actual.rgb_at(x, y) != expected.rgb_at(x, y);
    }
    return count;
  }
};

// boot13h.asm: pixel (x, y) = x ^ y through A000; DAC 40h+i = (i, 0, 63 - i); FDh-FFh blue, green,
// red. A one-pixel change shows up as exactly one 2x2 block of differences (the negative control).
TEST_F(ReferenceReplay, Mode13MatchesQemu) {
  replay("vgabios-init.io.txt");
  replay("vgabios-mode13h.io.txt");
  for (unsigned y = 0; y < 200; ++y) {
    for (unsigned x = 0; x < 320; ++x) mem(0xA0000 + y * 320 + x, static_cast<std::uint8_t>(x ^ y));
  }
  out(0x3C8, 0x40);
  for (std::uint8_t i = 0; i < 64; ++i) {
    out(0x3C9, i);
    out(0x3C9, 0);
    out(0x3C9, static_cast<std::uint8_t>(63 - i));
  }
  out(0x3C8, 0xFD);
  for (std::uint8_t v : {0, 0, 63, 0, 63, 0, 63, 0, 0}) out(0x3C9, v);
  EXPECT_EQ(differences("qemu-mode13h.png"), 0u);
  mem(0xA0000 + 10 * 320 + 10, 0xFF);  // was 0 (10 ^ 10): now red
  EXPECT_EQ(differences("qemu-mode13h.png"), 4u);
}

// boot12h.asm: 16 set/reset bands of 30 lines, write-mode-2 stripes in rows 120-359 and byte
// columns 20-59, and a white diagonal drawn with single-bit masks after a latch-loading read.
TEST_F(ReferenceReplay, Mode12MatchesQemu) {
  replay("vgabios-init.io.txt");
  replay("vgabios-mode12h.io.txt");
  seq(0x02, 0x0F);
  gc(0x01, 0x0F);
  gc(0x08, 0xFF);
  for (unsigned band = 0, address = 0; band < 16; ++band) {
    gc(0x00, static_cast<std::uint8_t>(band));
    for (unsigned i = 0; i < 30 * 80; ++i) mem(0xA0000 + address++, 0);
  }
  gc(0x01, 0x00);
  gc(0x05, 0x02);
  for (unsigned y = 120; y < 360; ++y) {
    for (unsigned c = 20; c < 60; ++c) mem(0xA0000 + y * 80 + c, static_cast<std::uint8_t>(c & 15));
  }
  for (unsigned y = 0; y < 480; ++y) {
    std::uint32_t address = 0xA0000 + y * 80 + y / 8;
    gc(0x08, static_cast<std::uint8_t>(0x80u >> (y & 7)));
    mem(address);
    mem(address, 15);
  }
  gc(0x05, 0x00);
  gc(0x08, 0xFF);
  EXPECT_EQ(differences("qemu-mode12h.png"), 0u);
}

// boot03h.asm: cell (r, c) holds character (r * 80 + c) & FFh in attribute ((r & 7) << 4) | (c & 15),
// row 0 starts with a title in 1Fh, and the cursor is off. The font is the ROM's 8x16 font, which
// the BIOS copies into plane 2 (at the INT 43h address the trace records); it is copied here
// straight from the ROM file the traces were made with.
TEST_F(ReferenceReplay, Mode03MatchesQemu) {
  std::ifstream rom_file("/usr/share/seabios/vgabios-isavga.bin", std::ios::binary);
  if (!rom_file) GTEST_SKIP() << "Debian's seabios package is not installed";
  std::string rom((std::istreambuf_iterator<char>(rom_file)), std::istreambuf_iterator<char>());
  replay("vgabios-init.io.txt");
  replay("vgabios-mode03h.io.txt");
  const std::uint32_t font = font_offset;
  ASSERT_NE(font, 0u);
  ASSERT_GE(rom.size(), font + 256 * 16);
  seq(0x02, 0x04);
  seq(0x04, 0x06);
  gc(0x05, 0x00);
  gc(0x06, 0x04);
  for (unsigned c = 0; c < 256; ++c) {
    for (unsigned r = 0; r < 16; ++r) mem(0xA0000 + c * 32 + r, static_cast<std::uint8_t>(rom[font + c * 16 + r]));
  }
  seq(0x02, 0x03);
  seq(0x04, 0x03);
  gc(0x05, 0x10);
  gc(0x06, 0x0E);
  crtc(0x0A, 0x20);  // INT 10h AH=01h CX=2000h
  crtc(0x0B, 0x00);
  for (unsigned r = 0; r < 25; ++r) {
    for (unsigned c = 0; c < 80; ++c) {
      std::uint32_t cell = 0xB8000 + (r * 80 + c) * 2;
      mem(cell, static_cast<std::uint8_t>(r * 80 + c));
      mem(cell + 1, static_cast<std::uint8_t>(((r & 7) << 4) | (c & 15)));
    }
  }
  const std::string title = " VGA mode 03h reference ";
  for (unsigned i = 0; i < title.size(); ++i) {
    mem(0xB8000 + 2 * i, static_cast<std::uint8_t>(title[i]));
    mem(0xB8000 + 2 * i + 1, 0x1F);
  }
  EXPECT_EQ(differences("qemu-mode03h.png"), 0u);
}

}  // namespace
}  // namespace vidport::devices::vga::testing
