// Register blocks of the VGA, exercised through the I/O bus one register at a time.
#include "vga_fixture.h"

namespace vidport::devices::vga::testing {
namespace {

using Registers = VgaFixture;

// Misc Output is written at 3C2 and read back at 3CC; 3C2 reads Input Status 0 instead.
TEST_F(Registers, MiscOutputWrittenAt3C2ReadAt3CC) {
  out(0x3C2, 0x67);
  EXPECT_EQ(in(0x3CC), 0x67);
  EXPECT_EQ(in(0x3C2), 0x00);  // Input Status 0: no interrupt pending
}

// Feature Control is written at the active base's 3xA and read at 3CA; 3C3 keeps bit 0 only.
TEST_F(Registers, FeatureControlAndVideoEnable) {
  out(0x3C2, 0x01);  // colour base
  out(0x3DA, 0x03);
  EXPECT_EQ(in(0x3CA), 0x03);
  out(0x3BA, 0x00);  // inactive mono base: ignored
  EXPECT_EQ(in(0x3CA), 0x03);
  out(0x3C3, 0xFF);
  EXPECT_EQ(in(0x3C3), 0x01);
}

// Misc bit 0 moves the CRTC between 3Dx and 3Bx; the inactive base reads FFh and ignores writes.
TEST_F(Registers, MonoColourDecodeFollowsMiscBit0) {
  out(0x3C2, 0x01);
  crtc(0x0C, 0x12);
  EXPECT_EQ(read_crtc(0x0C), 0x12);
  EXPECT_EQ(in(0x3B5), 0xFF);
  EXPECT_EQ(in(0x3BA), 0xFF);
  out16(0x3B4, 0x0C, 0x99);  // ignored: mono base inactive
  EXPECT_EQ(read_crtc(0x0C), 0x12);

  out(0x3C2, 0x00);
  EXPECT_EQ(in(0x3D5), 0xFF);
  out(0x3B4, 0x0C);
  EXPECT_EQ(in(0x3B5), 0x12);  // the same register file, now at 3Bx
  out16(0x3B4, 0x0C, 0x34);
  EXPECT_EQ(in(0x3B5), 0x34);
}

// Ports that no VGA register answers read all ones, and the parallel port range is left alone.
TEST_F(Registers, UnusedPortsReadAllOnesAndParallelPortIsNotClaimed) {
  out(0x3C2, 0x01);
  EXPECT_EQ(in(0x3CB), 0xFF);
  EXPECT_EQ(in(0x3D0), 0xFF);
  EXPECT_TRUE(bus.port_claimed(0x3BB));
  EXPECT_FALSE(bus.port_claimed(0x3BC));
  EXPECT_FALSE(bus.port_claimed(0x3BF));
  EXPECT_TRUE(bus.port_claimed(0x3C0));
}

// A 16-bit OUT to 3C4 writes the index then the data; reserved bits read back as 0.
TEST_F(Registers, SequencerIndexDataAndWriteMasks) {
  seq(0x02, 0xFF);
  EXPECT_EQ(in(0x3C4), 0x02);
  EXPECT_EQ(in(0x3C5), 0x0F);  // map mask: 4 bits
  seq(0x01, 0xFF);
  EXPECT_EQ(in(0x3C5), 0x3D);
  seq(0x04, 0x0E);
  EXPECT_EQ(in(0x3C5), 0x0E);
  out(0x3C4, 0x07);  // no register there
  EXPECT_EQ(in(0x3C5), 0xFF);
}

// The graphics controller keeps its documented bits and reads them back.
TEST_F(Registers, GraphicsControllerIndexDataAndWriteMasks) {
  gc(0x05, 0xFF);
  EXPECT_EQ(in(0x3CE), 0x05);
  EXPECT_EQ(in(0x3CF), 0x7B);
  gc(0x08, 0xA5);
  EXPECT_EQ(in(0x3CF), 0xA5);
  gc(0x03, 0xFF);
  EXPECT_EQ(in(0x3CF), 0x1F);
  out(0x3CE, 0x09);
  EXPECT_EQ(in(0x3CF), 0xFF);
}

// CR11 bit 7 protects CR00-07, except the line compare bit 8 in CR07; clearing it lifts the protection.
TEST_F(Registers, CrtcProtectBitBlocksCr00To07ExceptLineCompareBit) {
  out(0x3C2, 0x01);
  crtc(0x00, 0x5F);
  crtc(0x07, 0x0F);
  crtc(0x11, 0x80);
  crtc(0x00, 0x11);
  crtc(0x06, 0x22);
  crtc(0x07, 0xF0);
  crtc(0x08, 0x05);  // CR08 is not protected
  EXPECT_EQ(read_crtc(0x00), 0x5F);
  EXPECT_EQ(read_crtc(0x06), 0x00);
  EXPECT_EQ(read_crtc(0x07), 0x1F);  // only bit 4 taken from F0h
  EXPECT_EQ(read_crtc(0x08), 0x05);
  crtc(0x11, 0x00);
  crtc(0x00, 0x11);
  EXPECT_EQ(read_crtc(0x00), 0x11);
}

// Attribute flip-flop: index, then data; 3C0 reads the index (with PAS), 3C1 the data; reading
// Input Status 1 returns the flip-flop to the index state.
TEST_F(Registers, AttributeFlipFlopAndIndexReadBack) {
  out(0x3C2, 0x01);
  in(0x3DA);
  out(0x3C0, 0x05);  // index 5, PAS = 0
  EXPECT_EQ(in(0x3C0), 0x05);
  out(0x3C0, 0x2A);  // data
  EXPECT_EQ(in(0x3C1), 0x2A);
  out(0x3C0, 0x26);  // index 6, PAS = 1: the flip-flop came back to index after the data
  EXPECT_EQ(in(0x3C0), 0x26);
  out(0x3C0, 0x11);  // data for 6
  in(0x3DA);
  out(0x3C0, 0x06);
  EXPECT_EQ(in(0x3C1), 0x11);
  // A read of 3DA in the data state forces the next write to be an index again.
  in(0x3DA);
  out(0x3C0, 0x13);
  EXPECT_EQ(in(0x3C0), 0x13);
  EXPECT_EQ(vga.snapshot().attribute.reg[0x06], 0x11);
}

// The BIOS sequence seen in the SeaVGABIOS traces: in 3DA, in 3C0 (save), index, value, saved index.
TEST_F(Registers, AttributeBiosSaveRestoreSequence) {
  out(0x3C2, 0x01);
  in(0x3DA);
  out(0x3C0, 0x20);  // PAS = 1 from an earlier mode set
  in(0x3DA);
  std::uint8_t saved = in(0x3C0);
  out(0x3C0, 0x10);
  out(0x3C0, 0x41);
  out(0x3C0, saved);  // an index write again: PAS restored, the flip-flop left in the data state
  VgaState s = vga.snapshot();
  EXPECT_EQ(saved, 0x20);
  EXPECT_EQ(s.attribute.reg[0x10], 0x41);
  EXPECT_EQ(s.attribute.index, 0x20);
  EXPECT_TRUE(s.attribute.data_next);
}

// Palette registers keep 6 bits; registers past 14h do not exist.
TEST_F(Registers, AttributeWriteMasks) {
  out(0x3C2, 0x01);
  attr(0x03, 0xFF);
  attr(0x10, 0xFF);
  attr(0x15, 0x77);
  VgaState s = vga.snapshot();
  EXPECT_EQ(s.attribute.reg[0x03], 0x3F);
  EXPECT_EQ(s.attribute.reg[0x10], 0xEF);
}

// Three writes to 3C9 form one entry and advance the write index; 3C8 reads it back; 3C7 reads 00h.
TEST_F(Registers, DacWriteAutoIncrement) {
  out(0x3C8, 0x10);
  for (std::uint8_t v : {0x01, 0x02, 0x03, 0x3F, 0xFF, 0x05}) out(0x3C9, v);
  EXPECT_EQ(in(0x3C8), 0x12);
  EXPECT_EQ(in(0x3C7), 0x00);
  VgaState s = vga.snapshot();
  EXPECT_EQ(s.dac.rgb[0x10 * 3 + 0], 0x01);
  EXPECT_EQ(s.dac.rgb[0x10 * 3 + 2], 0x03);
  EXPECT_EQ(s.dac.rgb[0x11 * 3 + 0], 0x3F);
  EXPECT_EQ(s.dac.rgb[0x11 * 3 + 1], 0x3F);  // 6 bits kept from FFh
  EXPECT_EQ(s.dac.rgb[0x11 * 3 + 2], 0x05);
}

// Reading: 3C7 sets the read index, 3C7 then reads 03h; three reads per entry, index advancing,
// and the index wraps from FFh to 00h.
TEST_F(Registers, DacReadAutoIncrementAndWrap) {
  dac(0xFF, 0x0A, 0x0B, 0x0C);
  dac(0x00, 0x1A, 0x1B, 0x1C);
  out(0x3C7, 0xFF);
  EXPECT_EQ(in(0x3C7), 0x03);
  std::vector<std::uint8_t> got;
  for (int i = 0; i < 6; ++i) got.push_back(in(0x3C9));
  EXPECT_EQ(got, (std::vector<std::uint8_t>{0x0A, 0x0B, 0x0C, 0x1A, 0x1B, 0x1C}));
  out(0x3C8, 0x00);
  EXPECT_EQ(in(0x3C7), 0x00);
}

// An entry is stored only when its third component arrives.
TEST_F(Registers, DacEntryCommitsOnThirdComponent) {
  dac(0x20, 0x01, 0x01, 0x01);
  out(0x3C8, 0x20);
  out(0x3C9, 0x3F);
  out(0x3C9, 0x3F);
  EXPECT_EQ(vga.snapshot().dac.rgb[0x20 * 3], 0x01);
  out(0x3C9, 0x3F);
  EXPECT_EQ(vga.snapshot().dac.rgb[0x20 * 3], 0x3F);
}

// The pixel mask at 3C6 reads back and powers on as FFh.
TEST_F(Registers, PixelMask) {
  EXPECT_EQ(in(0x3C6), 0xFF);
  out(0x3C6, 0x0F);
  EXPECT_EQ(in(0x3C6), 0x0F);
}

}  // namespace
}  // namespace vidport::devices::vga::testing
