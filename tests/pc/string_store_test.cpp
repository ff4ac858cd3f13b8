// The PC's REP STOS shortcut into video memory (string_store.h) and its batched clock charge
// (pc.h): a run with the shortcut leaves exactly the machine a run without it leaves (planes, RAM,
// registers, clock time, instruction count), and a port read sees the clock time that charging
// every access on its own gives, worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "bus/io_bus.h"
#include "devices/vga/vga.h"
#include "kernel/clock.h"
#include "pc/interrupt_lines.h"
#include "pc/pc.h"
#include "pc/string_store.h"

namespace vidport::pc {
namespace {

// Forwards REP STOS runs to the VGA and counts them.
class CountingStore final : public RepeatedStoreTarget {
 public:
  explicit CountingStore(devices::vga::Vga& vga) : vga_(vga) {}
  void store_repeated(std::uint32_t address, bus::Width width, std::uint32_t value, std::uint32_t count,
                      bool down) override {
    ++calls;
    elements += count;
    vga_.write_memory_repeated(address, width, value, count, down);
  }
  unsigned calls = 0;
  std::uint64_t elements = 0;

 private:
  devices::vga::Vga& vga_;
};

// Records the clock time of each read of port 0x300.
class TimeProbe final : public bus::PortDevice {
 public:
  explicit TimeProbe(kernel::Clock& clock) : clock_(clock) {}
  std::uint32_t read_port(std::uint16_t, bus::Width) override {
    times.push_back(clock_.now());
    return 0;
  }
  void write_port(std::uint16_t, bus::Width, std::uint32_t) override {}
  std::vector<kernel::ClockTime> times;

 private:
  kernel::Clock& clock_;
};

// A PC with vidport's VGA and a time probe, with or without the REP STOS shortcut.
struct VgaPc {
  static constexpr std::uint32_t kCode = 0x1000;
  explicit VgaPc(bool shortcut) {
    EXPECT_TRUE(vga.attach(bus));
    EXPECT_TRUE(bus.map_ports(0x300, 0x300, probe, bus::kByteAccess, "probe"));
    pc.connect_interrupts(&lines);
    if (shortcut) pc.connect_video_store(&store);
    for (unsigned seg : {R_DS_INDEX, R_ES_INDEX, R_SS_INDEX}) pc.set_segment(seg, 0);
    pc.registers().R_ESP = 0x0F00;
  }
  RunResult run(const std::vector<std::uint8_t>& code) {
    pc.load(kCode, code.data(), code.size());
    pc.set_segment(R_CS_INDEX, 0);
    pc.registers().R_EIP = kCode;
    return pc.run();
  }
  kernel::VirtualClock clock{100};
  bus::IoBus bus;
  InterruptLines lines;
  devices::vga::Vga vga{clock, lines};
  TimeProbe probe{clock};
  Pc pc{bus, clock};
  CountingStore store{vga};
};

// Programs the VGA for planar writes: RAM on, sequential planes, map mask 0F, bit mask FF.
const std::vector<std::uint8_t> kPlanarSetup = {
    0xBA, 0xC2, 0x03, 0xB0, 0x03, 0xEE,        // mov dx,3C2h; mov al,3; out dx,al
    0xBA, 0xC4, 0x03, 0xB8, 0x04, 0x06, 0xEF,  // mov dx,3C4h; mov ax,0604h; out dx,ax
    0xB8, 0x02, 0x0F, 0xEF,                    // mov ax,0F02h; out dx,ax
    0xBA, 0xCE, 0x03, 0xB8, 0x08, 0xFF, 0xEF,  // mov dx,3CEh; mov ax,0FF08h; out dx,ax
    0xB8, 0x00, 0xA0, 0x8E, 0xC0,              // mov ax,A000h; mov es,ax
};

std::vector<std::uint8_t> with_setup(std::initializer_list<std::uint8_t> body) {
  std::vector<std::uint8_t> code = kPlanarSetup;
  code.insert(code.end(), body);
  code.push_back(0xF4);  // hlt
  return code;
}

// REP STOS in every form the shortcut takes (word up, byte down, dword, set/reset write mode) and
// the forms it leaves to libx86emu (an index that wraps, a run past C0000, CX = 0): the same
// machine results with and without the shortcut, the shortcut took exactly the four runs it
// should, and the planes hold what the stores put there by hand.
TEST(RepStosShortcut, SameMachineAsElementByElement) {
  const std::vector<std::uint8_t> code = with_setup({
      0x31, 0xFF, 0xB9, 0x00, 0x01, 0xB8, 0x34, 0x12, 0xF3, 0xAB,  // di=0; cx=100h; ax=1234h; rep stosw
      0xFD, 0xBF, 0x01, 0x20, 0xB9, 0x80, 0x00, 0xB0, 0x5A, 0xF3, 0xAA,  // std; di=2001h; cx=80h; al=5Ah; rep stosb
      0xFC, 0xBF, 0x00, 0x30, 0xB9, 0x40, 0x00,                          // cld; di=3000h; cx=40h
      0x66, 0xB8, 0xEF, 0xBE, 0xAD, 0xDE, 0xF3, 0x66, 0xAB,              // eax=DEADBEEFh; rep stosd
      0xBA, 0xCE, 0x03, 0xB8, 0x01, 0x0F, 0xEF, 0xB8, 0x00, 0x05, 0xEF,  // GC01=0Fh, GC00=05h (set/reset)
      0xBF, 0x00, 0x40, 0xB9, 0x10, 0x00, 0xF3, 0xAA,                    // di=4000h; cx=10h; rep stosb
      0xBF, 0xFE, 0xFF, 0xB9, 0x04, 0x00, 0xF3, 0xAB,                    // di=FFFEh; cx=4; rep stosw (wraps)
      0xB8, 0xF0, 0xBF, 0x8E, 0xC0, 0xBF, 0xF8, 0x00, 0xB9, 0x08, 0x00,  // es=BFF0h; di=F8h; cx=8
      0xF3, 0xAB,                                                        // rep stosw (runs past C0000)
      0x31, 0xC9, 0xF3, 0xAB,                                            // cx=0; rep stosw
  });
  VgaPc fast(true), slow(false);
  const RunResult a = fast.run(code);
  const RunResult b = slow.run(code);
  ASSERT_TRUE(a.halted()) << a.message;
  ASSERT_TRUE(b.halted()) << b.message;

  EXPECT_EQ(fast.store.calls, 4u);
  EXPECT_EQ(fast.store.elements, 0x100u + 0x80u + 0x40u + 0x10u);
  EXPECT_EQ(slow.store.calls, 0u);

  const auto fast_vga = fast.vga.snapshot();
  const auto slow_vga = slow.vga.snapshot();
  EXPECT_EQ(fast_vga.memory.planes, slow_vga.memory.planes);
  EXPECT_TRUE(std::equal(fast.pc.memory(), fast.pc.memory() + Pc::kMemorySize, slow.pc.memory()));
  EXPECT_EQ(fast.pc.registers().R_EDI, slow.pc.registers().R_EDI);
  EXPECT_EQ(fast.pc.registers().R_ECX, slow.pc.registers().R_ECX);
  EXPECT_EQ(a.eip, b.eip);
  EXPECT_EQ(a.instructions, b.instructions);
  EXPECT_EQ(fast.clock.now(), slow.clock.now());

  const auto& planes = fast_vga.memory.planes;
  EXPECT_EQ(planes[0][0x0006], 0x34);  // 0000h-0005h were written again by the wrapped run
  EXPECT_EQ(planes[3][0x0007], 0x12);
  EXPECT_EQ(planes[2][0x01FF], 0x12);  // the last word of the first run
  EXPECT_EQ(planes[1][0x0200], 0x00);  // and nothing after it
  EXPECT_EQ(planes[0][0x2001], 0x5A);
  EXPECT_EQ(planes[0][0x1F82], 0x5A);  // 80h bytes downwards from 2001h end at 1F82h
  EXPECT_EQ(planes[0][0x1F81], 0x00);
  EXPECT_EQ(planes[1][0x3000], 0xEF);
  EXPECT_EQ(planes[1][0x30FF], 0xDE);
  EXPECT_EQ(planes[0][0x400F], 0xFF);  // set/reset 05h: planes 0 and 2 all ones, 1 and 3 zero
  EXPECT_EQ(planes[1][0x400F], 0x00);
  EXPECT_EQ(planes[2][0x4000], 0xFF);
  // The wrapped run (still set/reset) wrote FFFEh-FFFFh and then 0000h-0005h.
  EXPECT_EQ(planes[0][0xFFFE], 0xFF);
  EXPECT_EQ(planes[0][0x0005], 0xFF);
  EXPECT_EQ(planes[1][0x0000], 0x00);
  // The run past C0000 stored AX = BFF0h in RAM there.
  EXPECT_EQ(fast.pc.memory()[0xC0000], 0xF0);
  EXPECT_EQ(fast.pc.memory()[0xC0007], 0xBF);
}

// Video-memory accesses are charged in batches, yet a port read sees the time that charging each
// access on its own gives (100 ns each): 1 OUT + 256 words + the IN itself = 258 accesses before
// the first read; 2 single STOSB + the second IN = 3 more. The same with and without the shortcut.
TEST(BatchedClockCharge, PortReadsSeeEveryAccessCharged) {
  const std::vector<std::uint8_t> code = {
      0xBA, 0xC2, 0x03, 0xB0, 0x03, 0xEE,                          // mov dx,3C2h; mov al,3; out dx,al
      0xB8, 0x00, 0xA0, 0x8E, 0xC0, 0x31, 0xFF, 0xB9, 0x00, 0x01,  // es=A000h; di=0; cx=100h
      0xF3, 0xAB,                                                  // rep stosw
      0xBA, 0x00, 0x03, 0xEC,                                      // mov dx,300h; in al,dx
      0xAA, 0xAA,                                                  // stosb; stosb
      0xEC,                                                        // in al,dx
      0xF4,                                                        // hlt
  };
  for (bool shortcut : {true, false}) {
    VgaPc m(shortcut);
    const RunResult result = m.run(code);
    ASSERT_TRUE(result.halted()) << result.message;
    ASSERT_EQ(m.probe.times.size(), 2u);
    EXPECT_EQ(m.probe.times[0], 258u * 100u) << "shortcut " << shortcut;
    EXPECT_EQ(m.probe.times[1], 261u * 100u) << "shortcut " << shortcut;
    EXPECT_EQ(m.clock.now(), 261u * 100u) << "the run ends with every access charged";
  }
}

// The decoder takes REP STOSB/STOSW/STOSD with any prefixes and nothing else.
TEST(RepStosDecoder, RecognisesOnlyRepStos) {
  auto decode = [](std::vector<std::uint8_t> bytes, bool code32 = false) {
    return decode_rep_stos(bytes.data(), bytes.size(), code32);
  };
  ASSERT_TRUE(decode({0xF3, 0xAA}));
  EXPECT_EQ(decode({0xF3, 0xAA})->width, bus::Width::Byte);
  EXPECT_EQ(decode({0xF3, 0xAB})->width, bus::Width::Word);
  EXPECT_EQ(decode({0x66, 0xF3, 0xAB})->width, bus::Width::Dword);
  EXPECT_EQ(decode({0xF3, 0xAB}, true)->width, bus::Width::Dword);
  EXPECT_EQ(decode({0x26, 0x67, 0xF2, 0xAB})->length, 4u);
  EXPECT_TRUE(decode({0x67, 0xF3, 0xAB})->address32);
  EXPECT_FALSE(decode({0xAB}));              // no REP: libx86emu's
  EXPECT_FALSE(decode({0xF3, 0xA5}));        // REP MOVSW
  EXPECT_FALSE(decode({0xF0, 0xF3, 0xAB}));  // LOCK
  EXPECT_FALSE(decode({0xF3, 0x66}));        // truncated
}

}  // namespace
}  // namespace vidport::pc
