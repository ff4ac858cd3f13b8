// Video memory through the bus: write modes, read modes, chain-4, odd/even and the memory map.
// Expected plane contents are worked out by hand from the rules in sync-validator-vga.md §4.7.
#include "vga_fixture.h"

namespace vidport::devices::vga::testing {
namespace {

class Memory : public VgaFixture {
 protected:
  void SetUp() override {
    out(0x3C2, 0x03);  // colour base, RAM enabled
    seq(0x04, 0x06);   // planar, sequential
    gc(0x06, 0x05);    // graphics, A0000-AFFFF
    gc(0x08, 0xFF);
    seq(0x02, 0x0F);
  }
  std::uint8_t plane(unsigned p, std::uint32_t address) { return vga.snapshot().memory.planes[p][address]; }
  // Fills the four planes at `address` with the given bytes using map mask writes.
  void put_planes(std::uint32_t address, std::array<std::uint8_t, 4> bytes) {
    for (unsigned p = 0; p < 4; ++p) {
      seq(0x02, static_cast<std::uint8_t>(1u << p));
      mem(0xA0000 + address, bytes[p]);
    }
    seq(0x02, 0x0F);
  }
};

// Write mode 0 with the map mask: only enabled planes change.
TEST_F(Memory, WriteMode0MapMask) {
  seq(0x02, 0x05);
  mem(0xA0010, 0x5A);
  EXPECT_EQ(plane(0, 0x10), 0x5A);
  EXPECT_EQ(plane(1, 0x10), 0x00);
  EXPECT_EQ(plane(2, 0x10), 0x5A);
  EXPECT_EQ(plane(3, 0x10), 0x00);
}

// Write mode 0: set/reset replaces the data on planes with enable set/reset; rotate applies to
// the CPU byte; the bit mask keeps latch bits where it is 0.
TEST_F(Memory, WriteMode0SetResetRotateBitMask) {
  put_planes(0x20, {0xF0, 0xF0, 0xF0, 0xF0});
  mem(0xA0020);       // load latches with F0h
  gc(0x00, 0x01);     // set/reset: plane 0 -> FFh, plane 1 -> 00h
  gc(0x01, 0x03);     // enabled on planes 0 and 1
  gc(0x03, 0x04);     // rotate right by 4, replace
  gc(0x08, 0x3C);     // bits 5-2 from the new data
  mem(0xA0020, 0x81); // rotated: 18h
  // plane 0: (FF & 3C) | (F0 & C3) = 3C | C0 = FC; plane 1: (00 & 3C) | C0 = C0;
  // planes 2/3: (18 & 3C) | C0 = 18 | C0 = D8.
  EXPECT_EQ(plane(0, 0x20), 0xFC);
  EXPECT_EQ(plane(1, 0x20), 0xC0);
  EXPECT_EQ(plane(2, 0x20), 0xD8);
  EXPECT_EQ(plane(3, 0x20), 0xD8);
}

// Write mode 0 logical operations AND, OR, XOR combine with the latch.
TEST_F(Memory, WriteMode0LogicalOperations) {
  put_planes(0x30, {0xCC, 0xCC, 0xCC, 0xCC});
  const std::pair<std::uint8_t, std::uint8_t> cases[] = {{0x08, 0xCC & 0xAA}, {0x10, 0xCC | 0xAA}, {0x18, 0xCC ^ 0xAA}};
  for (auto [function, expected] : cases) {
    put_planes(0x30, {0xCC, 0xCC, 0xCC, 0xCC});
    mem(0xA0030);
    gc(0x03, function);
    mem(0xA0030, 0xAA);
    EXPECT_EQ(plane(0, 0x30), expected) << "GC03=" << int(function);
    EXPECT_EQ(plane(3, 0x30), expected) << "GC03=" << int(function);
  }
}

// Write mode 1 copies the latches (loaded by a read elsewhere) to the enabled planes.
TEST_F(Memory, WriteMode1CopiesLatches) {
  put_planes(0x40, {0x11, 0x22, 0x33, 0x44});
  mem(0xA0040);
  gc(0x05, 0x01);
  seq(0x02, 0x0B);
  mem(0xA0050, 0x00);
  EXPECT_EQ(plane(0, 0x50), 0x11);
  EXPECT_EQ(plane(1, 0x50), 0x22);
  EXPECT_EQ(plane(2, 0x50), 0x00);  // not enabled
  EXPECT_EQ(plane(3, 0x50), 0x44);
}

// Write mode 2: CPU bits 3-0 become whole-byte plane values, merged under the bit mask; no rotate.
TEST_F(Memory, WriteMode2ColourPerPlane) {
  put_planes(0x60, {0x00, 0xFF, 0x00, 0xFF});
  mem(0xA0060);
  gc(0x05, 0x02);
  gc(0x03, 0x03);  // a rotate count that mode 2 must ignore
  gc(0x08, 0x0F);
  mem(0xA0060, 0x05);  // planes 0 and 2 set, 1 and 3 clear, in bits 3-0
  EXPECT_EQ(plane(0, 0x60), 0x0F);
  EXPECT_EQ(plane(1, 0x60), 0xF0);
  EXPECT_EQ(plane(2, 0x60), 0x0F);
  EXPECT_EQ(plane(3, 0x60), 0xF0);
}

// Write mode 3: the rotated CPU byte ANDed with the bit mask is the mask; data from set/reset
// whatever enable set/reset says.
TEST_F(Memory, WriteMode3MaskFromCpuDataColourFromSetReset) {
  put_planes(0x70, {0x00, 0x00, 0xFF, 0xFF});
  mem(0xA0070);
  gc(0x05, 0x03);
  gc(0x00, 0x05);  // set/reset planes 0 and 2
  gc(0x01, 0x00);  // ignored in mode 3
  gc(0x03, 0x01);  // rotate right 1
  gc(0x08, 0xF0);
  mem(0xA0070, 0xE1);  // rotated F0h; mask F0h & F0h = F0h
  EXPECT_EQ(plane(0, 0x70), 0xF0);
  EXPECT_EQ(plane(1, 0x70), 0x00);
  EXPECT_EQ(plane(2, 0x70), 0xFF);
  EXPECT_EQ(plane(3, 0x70), 0x0F);
}

// Read mode 0 returns the plane chosen by Read Map Select.
TEST_F(Memory, ReadMode0ReadMapSelect) {
  put_planes(0x80, {0x10, 0x20, 0x30, 0x40});
  for (std::uint8_t p = 0; p < 4; ++p) {
    gc(0x04, p);
    EXPECT_EQ(mem(0xA0080), 0x10 * (p + 1));
  }
}

// Read mode 1: 1 where every plane with Color Don't Care set matches Color Compare.
TEST_F(Memory, ReadMode1ColourCompare) {
  put_planes(0x90, {0xF0, 0xCC, 0xAA, 0x00});
  gc(0x05, 0x08);
  gc(0x02, 0x03);  // colour 3: planes 0 and 1 set, 2 and 3 clear
  gc(0x07, 0x0F);
  // match: p0=1, p1=1, p2=0, p3=0 -> F0 & CC & 55 & FF = 40h
  EXPECT_EQ(mem(0xA0090), 0x40);
  gc(0x07, 0x03);  // only planes 0 and 1 take part: F0 & CC = C0h
  EXPECT_EQ(mem(0xA0090), 0xC0);
  gc(0x07, 0x00);  // nobody takes part: all ones
  EXPECT_EQ(mem(0xA0090), 0xFF);
}

// Every read loads all four latches, whatever the read mode.
TEST_F(Memory, ReadLoadsAllLatches) {
  put_planes(0xA0, {0x01, 0x02, 0x03, 0x04});
  gc(0x05, 0x08);
  mem(0xA00A0);
  gc(0x05, 0x01);
  mem(0xA00B0, 0);
  EXPECT_EQ(plane(3, 0xB0), 0x04);
}

// Chain-4: address bits 1-0 pick the plane; the byte lands at address & ~3 inside it; reads
// come back from the same place.
TEST_F(Memory, Chain4Addressing) {
  seq(0x04, 0x0E);
  for (std::uint8_t i = 0; i < 8; ++i) mem(0xA0100 + i, static_cast<std::uint8_t>(0x50 + i));
  EXPECT_EQ(plane(0, 0x100), 0x50);
  EXPECT_EQ(plane(1, 0x100), 0x51);
  EXPECT_EQ(plane(3, 0x100), 0x53);
  EXPECT_EQ(plane(0, 0x104), 0x54);
  EXPECT_EQ(plane(2, 0x104), 0x56);
  EXPECT_EQ(plane(0, 0x101), 0x00);
  for (std::uint8_t i = 0; i < 8; ++i) EXPECT_EQ(mem(0xA0100 + i), 0x50 + i);
}

// Odd/even (text): even addresses reach planes 0/2, odd ones planes 1/3, at address & ~1; reads
// with GC05 bit 4 pick the plane by address bit 0.
TEST_F(Memory, OddEvenAddressing) {
  seq(0x04, 0x02);
  seq(0x02, 0x03);
  gc(0x05, 0x10);
  gc(0x06, 0x0E);  // B8000-BFFFF, chain odd/even
  mem(0xB8000, 'A');
  mem(0xB8001, 0x1F);
  mem(0xB8002, 'B');
  mem(0xB8003, 0x2E);
  EXPECT_EQ(plane(0, 0), 'A');
  EXPECT_EQ(plane(1, 0), 0x1F);
  EXPECT_EQ(plane(0, 2), 'B');
  EXPECT_EQ(plane(1, 2), 0x2E);
  EXPECT_EQ(plane(0, 1), 0x00);
  EXPECT_EQ(mem(0xB8002), 'B');
  EXPECT_EQ(mem(0xB8003), 0x2E);
}

// GC06 bits 3-2 choose the window; outside it reads give FFh and writes are dropped.
TEST_F(Memory, MemoryMapSelect) {
  struct Case { std::uint8_t gc06; std::uint32_t inside, outside; };
  for (Case c : {Case{0x01, 0xBFFFF, 0xC0000}, Case{0x05, 0xAFFFF, 0xB0000},
                 Case{0x09, 0xB0000, 0xB8000}, Case{0x0D, 0xB8000, 0xB7FFF}}) {
    gc(0x06, c.gc06);
    mem(c.outside, 0x77);
    EXPECT_EQ(mem(c.outside), 0xFF) << "GC06=" << int(c.gc06);
    mem(c.inside, 0x42);
    EXPECT_EQ(mem(c.inside), 0x42) << "GC06=" << int(c.gc06);
  }
  // B0000 (map 2) and B8000 (map 3) are both window offset 0, so plane 0 holds the last write.
  EXPECT_EQ(plane(0, 0x0000), 0x42);
}

// With Misc Output bit 1 clear the CPU cannot reach video memory.
TEST_F(Memory, RamDisabledByMisc) {
  mem(0xA0000, 0x12);
  out(0x3C2, 0x01);
  EXPECT_EQ(mem(0xA0000), 0xFF);
  mem(0xA0000, 0x34);
  out(0x3C2, 0x03);
  EXPECT_EQ(mem(0xA0000), 0x12);
}

// Wide accesses reach the card as byte accesses in address order (the VGA performs them itself).
TEST_F(Memory, WordAccessSplitsIntoBytes) {
  seq(0x04, 0x0E);
  bus.write_memory(0xA0200, bus::Width::Word, 0xBBAA);
  EXPECT_EQ(plane(0, 0x200), 0xAA);
  EXPECT_EQ(plane(1, 0x200), 0xBB);
  EXPECT_EQ(bus.read_memory(0xA0200, bus::Width::Word), 0xBBAAu);
}

// A dword read is four byte reads in address order: the latches end up holding the planes at the
// last byte's address. Planar mode, so bytes 0x300..0x303 are four in-plane addresses.
TEST_F(Memory, DwordReadLoadsLatchesFromTheLastByte) {
  put_planes(0x303, {0x11, 0x22, 0x33, 0x44});
  gc(0x04, 0x02);  // read map select: plane 2
  EXPECT_EQ(bus.read_memory(0xA0300, bus::Width::Dword), 0x33000000u);
  gc(0x05, 0x01);  // write mode 1: store the latches
  mem(0xA0400, 0x00);
  EXPECT_EQ(plane(0, 0x400), 0x11);
  EXPECT_EQ(plane(3, 0x400), 0x44);
}

// A word that straddles the start of the B8000-BFFFF window: the byte below it reads all ones and
// its write is lost; the byte inside lands at window offset 0, which odd/even sends to the even
// planes 0 and 2.
TEST_F(Memory, WordStraddlingTheWindowStart) {
  gc(0x06, 0x0C);  // B8000-BFFFF
  seq(0x04, 0x02); // odd/even
  bus.write_memory(0xB7FFF, bus::Width::Word, 0x7766);
  EXPECT_EQ(plane(0, 0x0), 0x77);
  EXPECT_EQ(plane(2, 0x0), 0x77);
  EXPECT_EQ(plane(1, 0x0), 0x00);
  EXPECT_EQ(bus.read_memory(0xB7FFF, bus::Width::Word), 0x77FFu);
}

// write_memory_repeated (the PC's REP STOS path) equals the same writes one by one, upwards and
// downwards, including latch-dependent write modes: two VGAs, same register writes, same result.
TEST_F(Memory, RepeatedWritesEqualSingleWrites) {
  kernel::VirtualClock other_clock{100};
  RecordingLines other_lines;
  bus::IoBus other_bus;
  Vga other(other_clock, other_lines);
  ASSERT_TRUE(other.attach(other_bus));
  auto both_gc = [&](std::uint8_t index, std::uint8_t value) {
    gc(index, value);
    other_bus.write_port(0x3CE, bus::Width::Word, std::uint32_t{value} << 8 | index);
  };
  other_bus.write_port(0x3C2, bus::Width::Byte, 0x03);
  other_bus.write_port(0x3C4, bus::Width::Word, 0x0604);
  other_bus.write_port(0x3CE, bus::Width::Word, 0x0506);
  other_bus.write_port(0x3CE, bus::Width::Word, 0xFF08);
  other_bus.write_port(0x3C4, bus::Width::Word, 0x0F02);

  vga.write_memory_repeated(0xA0010, bus::Width::Word, 0xC3A5, 8, false);
  for (std::uint32_t n = 0; n < 8; ++n) other_bus.write_memory(0xA0010 + 2 * n, bus::Width::Word, 0xC3A5);
  both_gc(0x03, 0x18);  // XOR with the latches
  both_gc(0x08, 0x0F);
  vga.read_memory(0xA0011, bus::Width::Byte);
  other_bus.read_memory(0xA0011, bus::Width::Byte);
  vga.write_memory_repeated(0xA0020, bus::Width::Dword, 0x0FF00FF0u, 3, true);
  for (std::uint32_t n = 0; n < 3; ++n) other_bus.write_memory(0xA0020 - 4 * n, bus::Width::Dword, 0x0FF00FF0u);

  EXPECT_EQ(vga.snapshot().memory.planes, other.snapshot().memory.planes);
  EXPECT_EQ(plane(0, 0x10), 0xA5);  // the first store, by hand
  EXPECT_EQ(plane(3, 0x11), 0xC3);
  // Byte 0Fh at 0x21 XOR latch C3h = CCh, low four bits through the bit mask, high four from the latch.
  EXPECT_EQ(plane(2, 0x21), 0xCC);
}

}  // namespace
}  // namespace vidport::devices::vga::testing
