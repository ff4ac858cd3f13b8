// String I/O executed by a running full-screen program reaches the miniport as NT's VDM hands it
// over: a REP OUTSB or REP INSB on a trapped port with a string-support entry (v86_test's byte
// family at 3C4h/3C5h, trapped after IOCTL_VIDEO_ENABLE_VDM) is ONE call of the string routine
// with DataLength = the count, through the session's PC (Pc::connect_string_ports) and router.
// The negative controls run the same programs where the one-call path must not apply: the PC not
// connected, the word family (no string support), and traps off (as VideoPortInt10 runs).
#include <gtest/gtest.h>

#include <video.h>

#include <vector>

#include "pc/program.h"
#include "v86_rig.h"

namespace vidport::v86_test {
namespace {

using bus::Width;

SeenWrite b(std::uint16_t port, std::uint32_t value) { return {port, Width::Byte, value}; }
SeenWrite w(std::uint16_t port, std::uint32_t value) { return {port, Width::Word, value}; }

// The map mask values the OUTS programs send to 3C5h (sequencer index 2: harmless, no reset).
const std::vector<std::uint8_t> kMapMasks = {0x01, 0x02, 0x04, 0x08, 0x0F, 0x03, 0x0C};

// A boot image: `code` followed by `data`; `code` must end with a `mov si/di, imm16` whose
// immediate is patched to the data's address, then the string instruction and HLT.
struct ProgramBuilder {
  std::vector<std::uint8_t> code;
  std::size_t address_patch = 0;  // offset of the imm16 to patch in `code`

  pc::Program build(const std::vector<std::uint8_t>& data) const {
    std::vector<std::uint8_t> bytes = code;
    const auto data_address = static_cast<std::uint16_t>(pc::kBootAddress + bytes.size());
    bytes[address_patch] = static_cast<std::uint8_t>(data_address);
    bytes[address_patch + 1] = static_cast<std::uint8_t>(data_address >> 8);
    bytes.insert(bytes.end(), data.begin(), data.end());
    pc::Program program;
    program.kind = pc::Program::Kind::BootImage;
    program.bytes = bytes;
    return program;
  }
};

// mov dx,3C4h; mov al,2; out dx,al; inc dx; mov cx,N; mov si,data; rep outsb; hlt
ProgramBuilder rep_outsb_to_sequencer_data(std::uint16_t count) {
  return {{0xBA, 0xC4, 0x03, 0xB0, 0x02, 0xEE, 0x42, 0xB9, static_cast<std::uint8_t>(count),
           static_cast<std::uint8_t>(count >> 8), 0xBE, 0x00, 0x00, 0xF3, 0x6E, 0xF4},
          11};
}

// mov dx,3C4h; mov al,2; out dx,al; inc dx; mov al,05h; out dx,al; mov cx,N; mov di,data;
// rep insb; hlt  -- reads the map mask back N times into ES:data
ProgramBuilder rep_insb_from_sequencer_data(std::uint16_t count) {
  return {{0xBA, 0xC4, 0x03, 0xB0, 0x02, 0xEE, 0x42, 0xB0, 0x05, 0xEE, 0xB9, static_cast<std::uint8_t>(count),
           static_cast<std::uint8_t>(count >> 8), 0xBF, 0x00, 0x00, 0xF3, 0x6C, 0xF4},
          14};
}

// mov dx,3C4h; mov cx,N; mov si,data; rep outsw; hlt
ProgramBuilder rep_outsw_to_sequencer(std::uint16_t count) {
  return {{0xBA, 0xC4, 0x03, 0xB9, static_cast<std::uint8_t>(count), static_cast<std::uint8_t>(count >> 8), 0xBE,
           0x00, 0x00, 0xF3, 0x6F, 0xF4},
          7};
}

// What the hardware must see for the REP OUTSB program: the index write, then every byte in order.
std::vector<SeenWrite> sequencer_writes_of(const std::vector<std::uint8_t>& masks) {
  std::vector<SeenWrite> writes = {b(0x3C4, 0x02)};
  for (std::uint8_t mask : masks) writes.push_back(b(0x3C5, mask));
  return writes;
}

class StringProgramTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(rig.start()) << rig.error();
    ASSERT_EQ(rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status, static_cast<std::uint32_t>(NO_ERROR));
    rig.session();
    rig.hardware().take();
  }

  pc::RunResult run(const pc::Program& program) { return rig.session().run(program); }

  V86Rig rig;
};

// Scenario: the program's REP OUTSB of 7 map masks to the trapped 3C5h is one call of the byte
// family's string routine with DataLength 7, and the hardware sees the 7 writes in order after
// the index write.
TEST_F(StringProgramTest, RepOutsbReachesTheStringRoutineAsOneCall) {
  const pc::RunResult result = run(rep_outsb_to_sequencer_data(7).build(kMapMasks));
  ASSERT_TRUE(result.halted()) << result.message;
  const V86_TEST_STATS stats = rig.stats();
  EXPECT_EQ(stats.StringCalls, 1u);
  EXPECT_EQ(stats.LongestString, 7u);
  EXPECT_EQ(rig.hardware().take(), sequencer_writes_of(kMapMasks));
  EXPECT_EQ(rig.session().router().counts().string_calls, 1u);
  EXPECT_EQ(rig.session().router().counts().emulated, 1u) << "only the OUT to 3C4h went singly";
  EXPECT_EQ(rig.session().pc().registers().R_CX, 0);
}

// Scenario: after setting the map mask to 05h, the program's REP INSB of 6 from the trapped 3C5h
// is one call of the string routine with DataLength 6 (a read while idle goes to the hardware),
// and the 6 bytes it read back, 05h each, land at the program's buffer, the byte after untouched.
TEST_F(StringProgramTest, RepInsbReachesTheStringRoutineAsOneCall) {
  const std::vector<std::uint8_t> buffer(7, 0xEE);
  const pc::Program program = rep_insb_from_sequencer_data(6).build(buffer);
  const pc::RunResult result = run(program);
  ASSERT_TRUE(result.halted()) << result.message;
  const V86_TEST_STATS stats = rig.stats();
  EXPECT_EQ(stats.StringCalls, 1u);
  EXPECT_EQ(stats.LongestString, 6u);
  const std::uint32_t data = pc::kBootAddress + static_cast<std::uint32_t>(program.bytes.size() - buffer.size());
  const std::uint8_t* memory = rig.session().pc().memory();
  EXPECT_EQ(std::vector<std::uint8_t>(memory + data, memory + data + 7),
            (std::vector<std::uint8_t>{0x05, 0x05, 0x05, 0x05, 0x05, 0x05, 0xEE}));
  EXPECT_EQ(rig.session().pc().registers().R_DI, data + 6);
}

// Negative control: the same REP OUTSB on a session whose PC is not connected to the router goes
// element by element: seven single calls (DataLength 1), no string call, the same hardware writes.
TEST_F(StringProgramTest, WithoutTheHookEachElementIsASingleCall) {
  rig.session().pc().connect_string_ports(nullptr);
  const pc::RunResult result = run(rep_outsb_to_sequencer_data(7).build(kMapMasks));
  ASSERT_TRUE(result.halted()) << result.message;
  const V86_TEST_STATS stats = rig.stats();
  EXPECT_EQ(stats.StringCalls, 0u);
  EXPECT_EQ(stats.LongestString, 1u);
  EXPECT_EQ(rig.hardware().take(), sequencer_writes_of(kMapMasks));
  EXPECT_EQ(rig.session().router().counts().string_calls, 0u);
  EXPECT_EQ(rig.session().router().counts().emulated, 8u);
}

// Negative control: REP OUTSW to 3C4h goes to the word family, which has no string support, so
// the router splits it: one word routine call per element, in order, no string call.
TEST_F(StringProgramTest, PortWithoutStringSupportGetsSingleCalls) {
  const std::vector<std::uint8_t> words = {0x02, 0x0F, 0x02, 0x03, 0x02, 0x0C};  // 0F02h, 0302h, 0C02h
  const pc::RunResult result = run(rep_outsw_to_sequencer(3).build(words));
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(rig.stats().StringCalls, 0u);
  EXPECT_EQ(rig.hardware().take(), (std::vector<SeenWrite>{w(0x3C4, 0x0F02), w(0x3C4, 0x0302), w(0x3C4, 0x0C02)}));
  EXPECT_EQ(rig.session().router().counts().string_calls, 0u);
  EXPECT_EQ(rig.session().router().counts().emulated, 3u);
}

// Scenario: with the router's traps off (how VideoPortInt10 runs the miniport's own BIOS calls)
// the REP OUTSB reaches the VGA directly, element by element, and no emulator routine runs.
TEST_F(StringProgramTest, WithTrapsOffStringsGoToTheDevice) {
  rig.session().router().set_traps_enabled(false);
  const pc::RunResult result = run(rep_outsb_to_sequencer_data(7).build(kMapMasks));
  rig.session().router().set_traps_enabled(true);
  ASSERT_TRUE(result.halted()) << result.message;
  EXPECT_EQ(rig.hardware().take(), sequencer_writes_of(kMapMasks));
  const v86::RouteCounts counts = rig.session().router().counts();
  EXPECT_EQ(counts.direct, 8u);
  EXPECT_EQ(counts.emulated, 0u);
  EXPECT_EQ(counts.string_calls, 0u);
  EXPECT_EQ(rig.stats().LongestString, 0u);
}

}  // namespace
}  // namespace vidport::v86_test
