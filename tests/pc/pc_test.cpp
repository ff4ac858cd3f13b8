// The PC's memory map, port decoding, interrupts, faults and instruction counting, checked with
// small hand-assembled programs on a PC whose bus has a recording device in the video window.
#include <gtest/gtest.h>

#include <vector>

#include "bus/io_bus.h"
#include "kernel/clock.h"
#include "pc/pc.h"
#include "pc/port_monitor.h"

namespace vidport::pc {
namespace {

// Stands in for video memory at A0000-BFFFF: records writes, answers reads with 0x5A per byte.
class WindowRecorder final : public bus::MemoryDevice {
 public:
  std::uint32_t read_memory(std::uint64_t, bus::Width width) override { return 0x5A5A5A5Au & bus::all_ones(width); }
  void write_memory(std::uint64_t address, bus::Width width, std::uint32_t value) override {
    writes.push_back({static_cast<std::uint32_t>(address), value});
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> writes;
};

class PcTest : public ::testing::Test {
 protected:
  static constexpr std::uint32_t kCode = 0x1000;

  PcTest() {
    bus_.map_memory(0xA0000, 0x20000, window_, bus::kByteAccess, "window");
    monitor_.attach(bus_);
    for (unsigned seg : {R_DS_INDEX, R_ES_INDEX, R_SS_INDEX}) pc_.set_segment(seg, 0);
    pc_.registers().R_ESP = 0x0F00;
  }

  RunResult run(std::vector<std::uint8_t> code) {
    code.push_back(0xF4);  // hlt
    pc_.load(kCode, code.data(), code.size());
    pc_.set_segment(R_CS_INDEX, 0);
    pc_.registers().R_EIP = kCode;
    return pc_.run();
  }

  kernel::VirtualClock clock_{100};
  bus::IoBus bus_;
  WindowRecorder window_;
  PortMonitor monitor_;
  Pc pc_{bus_, clock_};
};

// A word written to A000:0010 reaches the bus's memory window (split into bytes there, since the
// window is byte-wide), and costs one bus access of clock time; RAM below is untouched.
TEST_F(PcTest, VideoWindowGoesToTheBus) {
  // mov ax, A000h; mov es, ax; mov word [es:0010h], 1234h
  const RunResult r = run({0xB8, 0x00, 0xA0, 0x8E, 0xC0, 0x26, 0xC7, 0x06, 0x10, 0x00, 0x34, 0x12});
  ASSERT_TRUE(r.halted()) << r.message;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = {{0xA0010, 0x34}, {0xA0011, 0x12}};
  EXPECT_EQ(window_.writes, expected);
  EXPECT_EQ(clock_.now(), 100u);
}

// A word written across the start of the window puts its low byte in RAM at 9FFFF and its high
// byte on the bus at A0000; reading it back combines RAM and the device's answer.
TEST_F(PcTest, AccessStraddlingTheWindowIsSplit) {
  // mov ax, 9FFFh; mov ds, ax; mov word [000Fh], 0BEEFh; mov bx, [000Fh]
  const RunResult r = run({0xB8, 0xFF, 0x9F, 0x8E, 0xD8, 0xC7, 0x06, 0x0F, 0x00, 0xEF, 0xBE, 0x8B, 0x1E, 0x0F, 0x00});
  ASSERT_TRUE(r.halted()) << r.message;
  EXPECT_EQ(pc_.memory()[0x9FFFF], 0xEF);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = {{0xA0000, 0xBE}};
  EXPECT_EQ(window_.writes, expected);
  EXPECT_EQ(pc_.registers().R_BX, 0x5AEF);
}

// The option-ROM area C0000-CFFFF is writable RAM (the video BIOS patches itself).
TEST_F(PcTest, OptionRomAreaIsWritable) {
  // mov ax, C000h; mov ds, ax; mov byte [0003h], 77h
  const RunResult r = run({0xB8, 0x00, 0xC0, 0x8E, 0xD8, 0xC6, 0x06, 0x03, 0x00, 0x77});
  ASSERT_TRUE(r.halted()) << r.message;
  EXPECT_EQ(pc_.memory()[0xC0003], 0x77);
}

// A port nobody claims reads all ones at every width, and the monitor logs it.
TEST_F(PcTest, UnclaimedPortsReadAllOnesAndAreLogged) {
  // mov dx, 01CFh; in ax, dx; mov bx, ax; in al, 80h
  const RunResult r = run({0xBA, 0xCF, 0x01, 0xED, 0x89, 0xC3, 0xE4, 0x80});
  ASSERT_TRUE(r.halted()) << r.message;
  EXPECT_EQ(pc_.registers().R_BX, 0xFFFF);
  EXPECT_EQ(pc_.registers().R_AL, 0xFF);
  EXPECT_EQ(monitor_.unclaimed().at(0x1CF).reads, 1u);
  EXPECT_EQ(monitor_.unclaimed().at(0x80).reads, 1u);
  EXPECT_NE(monitor_.unclaimed_summary().find("01CF (1 read)"), std::string::npos) << monitor_.unclaimed_summary();
}

// A software interrupt whose vector is 0000:0000 is skipped and counted; one with a vector runs
// its handler.
TEST_F(PcTest, InterruptsWithoutAHandlerAreSkipped) {
  // The INT 60h handler at 0000:2000: mov cl, 42h; iret
  const std::uint8_t handler[] = {0xB1, 0x42, 0xCF};
  pc_.load(0x2000, handler, sizeof handler);
  const std::uint8_t vector60[] = {0x00, 0x20, 0x00, 0x00};
  pc_.load(4 * 0x60, vector60, sizeof vector60);
  // int 15h; int 60h
  const RunResult r = run({0xCD, 0x15, 0xCD, 0x60});
  ASSERT_TRUE(r.halted()) << r.message;
  EXPECT_EQ(pc_.skipped_interrupts()[0x15], 1u);
  EXPECT_EQ(pc_.skipped_interrupts()[0x60], 0u);
  EXPECT_EQ(pc_.registers().R_CL, 0x42);
}

// A CPU exception (divide by zero) without a handler stops the run as a fault that names the
// exception and where; with a handler in the IVT the handler runs, as on hardware.
TEST_F(PcTest, CpuExceptionWithoutHandlerStopsTheRun) {
  // xor cx, cx; div cx
  const RunResult r = run({0x31, 0xC9, 0xF7, 0xF1});
  EXPECT_EQ(r.reason, StopReason::Fault);
  EXPECT_NE(r.message.find("exception 00h"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("0000:1002"), std::string::npos) << r.message;

  // The divide-error handler at 0000:2000 halts with a mark in DL: mov dl, 0EEh; hlt
  const std::uint8_t handler[] = {0xB2, 0xEE, 0xF4};
  pc_.load(0x2000, handler, sizeof handler);
  const std::uint8_t vector0[] = {0x00, 0x20, 0x00, 0x00};
  pc_.load(0, vector0, sizeof vector0);
  const RunResult handled = run({0x31, 0xC9, 0xF7, 0xF1});
  ASSERT_TRUE(handled.halted()) << handled.message;
  EXPECT_EQ(pc_.registers().R_DL, 0xEE);
  EXPECT_EQ(handled.eip, 0x2003u);
}

// An invalid opcode (UD2) without a handler also stops the run as a fault.
TEST_F(PcTest, InvalidOpcodeStopsTheRun) {
  const RunResult r = run({0x90, 0x0F, 0x0B});
  EXPECT_EQ(r.reason, StopReason::Fault);
  EXPECT_NE(r.message.find("0000:1001"), std::string::npos) << r.message;
}

// Each instruction counts once, the HLT included, and the total accumulates over runs.
TEST_F(PcTest, CountsInstructions) {
  const RunResult r = run({0x90, 0x90, 0x90});  // three NOPs
  ASSERT_TRUE(r.halted()) << r.message;
  EXPECT_EQ(r.instructions, 4u);
  EXPECT_EQ(r.cs, 0u);
  EXPECT_EQ(r.eip, kCode + 4);
  run({0x90});
  EXPECT_EQ(pc_.instructions(), 6u);
}

}  // namespace
}  // namespace vidport::pc
