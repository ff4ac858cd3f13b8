// Test scaffolding for the VGA: a VGA on a real bus under a virtual clock, with an interrupt line
// recorder, plus helpers that program registers the way software does (through ports).
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "bus/io_bus.h"
#include "devices/vga/vga.h"
#include "kernel/clock.h"

namespace vidport::devices::vga::testing {

// Records every set_line call, in order.
class RecordingLines final : public bus::InterruptLines {
 public:
  void set_line(unsigned line, bool asserted) override { calls.emplace_back(line, asserted); }
  std::vector<std::pair<unsigned, bool>> calls;
};

// A register set as the IBM BIOS tables list it (sync-validator-vga.md §4.9).
struct ModeRegisters {
  std::uint8_t misc;
  std::array<std::uint8_t, 5> seq;
  std::array<std::uint8_t, 25> crtc;
  std::array<std::uint8_t, 9> gc;
  std::array<std::uint8_t, 21> ac;
};

inline constexpr ModeRegisters kMode03 = {
    0x67, {0x03, 0x00, 0x03, 0x00, 0x02},
    {0x5F, 0x4F, 0x50, 0x82, 0x55, 0x81, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00,
     0x00, 0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x28, 0x1F, 0x96, 0xB9, 0xA3, 0xFF},
    {0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0E, 0x00, 0xFF},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
     0x0C, 0x00, 0x0F, 0x08, 0x00}};
inline constexpr ModeRegisters kMode12 = {
    0xE3, {0x03, 0x01, 0x0F, 0x00, 0x06},
    {0x5F, 0x4F, 0x50, 0x82, 0x54, 0x80, 0x0B, 0x3E, 0x00, 0x40, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0xEA, 0x8C, 0xDF, 0x28, 0x00, 0xE7, 0x04, 0xE3, 0xFF},
    {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x0F, 0xFF},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
     0x01, 0x00, 0x0F, 0x00, 0x00}};
inline constexpr ModeRegisters kMode13 = {
    0x63, {0x03, 0x01, 0x0F, 0x00, 0x0E},
    {0x5F, 0x4F, 0x50, 0x82, 0x54, 0x80, 0xBF, 0x1F, 0x00, 0x41, 0x00, 0x00, 0x00,
     0x00, 0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x28, 0x40, 0x96, 0xB9, 0xA3, 0xFF},
    {0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x05, 0x0F, 0xFF},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
     0x41, 0x00, 0x0F, 0x00, 0x00}};

class VgaFixture : public ::testing::Test {
 protected:
  explicit VgaFixture(VgaOptions options = {}) : vga(clock, lines, options) {
    EXPECT_TRUE(vga.attach(bus));
  }

  std::uint8_t in(std::uint16_t port) { return static_cast<std::uint8_t>(bus.read_port(port, bus::Width::Byte)); }
  void out(std::uint16_t port, std::uint8_t value) { bus.write_port(port, bus::Width::Byte, value); }
  // A 16-bit OUT to an index port: index in the low byte, data in the high byte.
  void out16(std::uint16_t port, std::uint8_t index, std::uint8_t data) {
    bus.write_port(port, bus::Width::Word, std::uint32_t{data} << 8 | index);
  }
  void seq(std::uint8_t index, std::uint8_t value) { out16(0x3C4, index, value); }
  void gc(std::uint8_t index, std::uint8_t value) { out16(0x3CE, index, value); }
  void crtc(std::uint8_t index, std::uint8_t value) { out16(0x3D4, index, value); }
  std::uint8_t read_crtc(std::uint8_t index) {
    out(0x3D4, index);
    return in(0x3D5);
  }
  // The BIOS way: reset the flip-flop, write index then data, and finish with PAS = 1.
  void attr(std::uint8_t index, std::uint8_t value) {
    in(0x3DA);
    out(0x3C0, index);
    out(0x3C0, value);
    out(0x3C0, 0x20);
  }
  void dac(std::uint8_t index, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    out(0x3C8, index);
    out(0x3C9, r);
    out(0x3C9, g);
    out(0x3C9, b);
  }
  std::uint8_t mem(std::uint32_t address) { return static_cast<std::uint8_t>(bus.read_memory(address, bus::Width::Byte)); }
  void mem(std::uint32_t address, std::uint8_t value) { bus.write_memory(address, bus::Width::Byte, value); }

  // Programs a full register set through the ports, CRTC unprotected first, AC last with PAS = 1.
  void program(const ModeRegisters& m) {
    out(0x3C2, m.misc);
    for (unsigned i = 0; i < m.seq.size(); ++i) seq(static_cast<std::uint8_t>(i), m.seq[i]);
    crtc(0x11, 0x00);
    for (unsigned i = 0; i < m.crtc.size(); ++i) crtc(static_cast<std::uint8_t>(i), m.crtc[i]);
    for (unsigned i = 0; i < m.gc.size(); ++i) gc(static_cast<std::uint8_t>(i), m.gc[i]);
    in(0x3DA);
    for (unsigned i = 0; i < m.ac.size(); ++i) {
      out(0x3C0, static_cast<std::uint8_t>(i));
      out(0x3C0, m.ac[i]);
    }
    out(0x3C0, 0x20);
  }

  kernel::VirtualClock clock{100};
  RecordingLines lines;
  bus::IoBus bus;
  Vga vga;
};

}  // namespace vidport::devices::vga::testing
