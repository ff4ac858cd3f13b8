// The emulator access entries and the I/O permission map behind VideoPortSetTrappedEmulatorPorts:
// what traps by default, how ranges apply first to last, what is refused, and the call rules.
#include <gtest/gtest.h>

#include <video.h>

#include <vector>

#include "kernel/machine.h"
#include "videoport/adapter.h"
#include "videoport/emulator_ports.h"

namespace vidport::videoport {
namespace {

using bus::Width;

NTSTATUS byte_routine(ULONG_PTR, ULONG, UCHAR, PUCHAR) { return 0; }
NTSTATUS word_routine(ULONG_PTR, ULONG, UCHAR, PUSHORT) { return 0; }

// The DDK VGA sample's families: bytes and words over 3C0h-3DFh.
std::vector<EMULATOR_ACCESS_ENTRY> vga_entries() {
  return {
      {0x3C0, 0x20, Uchar, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, FALSE, reinterpret_cast<PVOID>(&byte_routine)},
      {0x3C0, 0x10, Ushort, EMULATOR_READ_ACCESS | EMULATOR_WRITE_ACCESS, FALSE, reinterpret_cast<PVOID>(&word_routine)},
  };
}

VIDEO_ACCESS_RANGE io_range(std::uint16_t start, std::uint32_t length, bool visible) {
  VIDEO_ACCESS_RANGE range{};
  range.RangeStart.QuadPart = start;
  range.RangeLength = length;
  range.RangeInIoSpace = 1;
  range.RangeVisible = visible ? 1 : 0;
  return range;
}

// Scenario: a miniport lists its entries and installs nothing yet. Every port of an entry traps
// (the documented default), a port outside every entry does not, and a word entry's
// NumConsecutivePorts counts words (16 words cover 32 byte ports).
TEST(EmulatorPorts, EveryEmulatedPortTrapsByDefault) {
  auto entries = vga_entries();
  EmulatorPorts ports(entries.data(), static_cast<std::uint32_t>(entries.size()), 0x1234);
  EXPECT_EQ(ports.context(), 0x1234u);
  EXPECT_TRUE(ports.trapped(0x3C0, Width::Byte));
  EXPECT_TRUE(ports.trapped(0x3DF, Width::Byte));
  EXPECT_FALSE(ports.trapped(0x3BF, Width::Byte));
  EXPECT_FALSE(ports.trapped(0x3E0, Width::Byte));
  ASSERT_TRUE(ports.entry_for(0x3DE, Width::Word).has_value());
  EXPECT_FALSE(ports.entry_for(0x3C5, Width::Word).has_value()) << "odd port: no word element starts there";
  EXPECT_FALSE(ports.entry_for(0x3C4, Width::Dword).has_value());
}

// Scenario: the Minimal set of a VGA validator: everything visible, then the sequencer and Misc
// Output trapped again by later elements. The holes the later elements punch win.
TEST(EmulatorPorts, RangesApplyFirstToLast) {
  auto entries = vga_entries();
  EmulatorPorts ports(entries.data(), static_cast<std::uint32_t>(entries.size()), 0);
  VIDEO_ACCESS_RANGE minimal[] = {io_range(0x3C0, 0x20, true), io_range(0x3C4, 2, false), io_range(0x3C2, 1, false)};
  EXPECT_EQ(ports.set_trapped(3, minimal), static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_FALSE(ports.trapped(0x3C0, Width::Byte));
  EXPECT_FALSE(ports.trapped(0x3CE, Width::Word));
  EXPECT_TRUE(ports.trapped(0x3C2, Width::Byte));
  EXPECT_TRUE(ports.trapped(0x3C4, Width::Byte));
  EXPECT_TRUE(ports.trapped(0x3C5, Width::Byte));
  EXPECT_FALSE(ports.trapped(0x3C6, Width::Byte));
  // A word at 3C3h touches 3C4h: trapped because one of its bytes is.
  EXPECT_TRUE(ports.trapped(0x3C3, Width::Word));

  // The same elements in the other order leave everything visible.
  VIDEO_ACCESS_RANGE reversed[] = {io_range(0x3C4, 2, false), io_range(0x3C2, 1, false), io_range(0x3C0, 0x20, true)};
  EXPECT_EQ(ports.set_trapped(3, reversed), static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_FALSE(ports.trapped(0x3C4, Width::Byte));
  EXPECT_EQ(ports.applied_calls(), 2u);
}

// Scenario: ranges that are not emulator ports (outside every entry, memory space, empty, NULL)
// are refused with ERROR_INVALID_PARAMETER and change nothing, even when earlier elements of the
// same call were valid.
TEST(EmulatorPorts, RefusesRangesOutsideTheEntriesWithoutChangingAnything) {
  auto entries = vga_entries();
  EmulatorPorts ports(entries.data(), static_cast<std::uint32_t>(entries.size()), 0);
  VIDEO_ACCESS_RANGE outside[] = {io_range(0x3C0, 0x20, true), io_range(0x3B4, 2, true)};
  EXPECT_EQ(ports.set_trapped(2, outside), static_cast<std::uint32_t>(ERROR_INVALID_PARAMETER));
  EXPECT_TRUE(ports.trapped(0x3C0, Width::Byte)) << "the valid first element must not have been applied";
  VIDEO_ACCESS_RANGE memory = io_range(0x3C0, 0x20, true);
  memory.RangeInIoSpace = 0;
  EXPECT_EQ(ports.set_trapped(1, &memory), static_cast<std::uint32_t>(ERROR_INVALID_PARAMETER));
  VIDEO_ACCESS_RANGE empty = io_range(0x3C0, 0, true);
  EXPECT_EQ(ports.set_trapped(1, &empty), static_cast<std::uint32_t>(ERROR_INVALID_PARAMETER));
  EXPECT_EQ(ports.set_trapped(1, nullptr), static_cast<std::uint32_t>(ERROR_INVALID_PARAMETER));
  EXPECT_EQ(ports.refused_calls(), 4u);
  EXPECT_EQ(ports.applied_calls(), 0u);
  // Negative control: the same range inside the entries is accepted.
  VIDEO_ACCESS_RANGE inside = io_range(0x3C0, 0x20, true);
  EXPECT_EQ(ports.set_trapped(1, &inside), static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_FALSE(ports.trapped(0x3C0, Width::Byte));
}

// Scenario: entries a miniport got wrong (no routine, no access mode, past port FFFFh) are left
// out and counted; they trap nothing.
TEST(EmulatorPorts, LeavesOutMalformedEntries) {
  std::vector<EMULATOR_ACCESS_ENTRY> entries = {
      {0x300, 4, Uchar, EMULATOR_WRITE_ACCESS, FALSE, nullptr},
      {0x310, 4, Uchar, 0, FALSE, reinterpret_cast<PVOID>(&byte_routine)},
      {0xFFFE, 2, Ushort, EMULATOR_WRITE_ACCESS, FALSE, reinterpret_cast<PVOID>(&word_routine)},
      {0x320, 4, Uchar, EMULATOR_READ_ACCESS, FALSE, reinterpret_cast<PVOID>(&byte_routine)},
  };
  EmulatorPorts ports(entries.data(), static_cast<std::uint32_t>(entries.size()), 0);
  EXPECT_EQ(ports.rejected_entries(), 3u);
  EXPECT_EQ(ports.entries().size(), 1u);
  EXPECT_FALSE(ports.trapped(0x300, Width::Byte));
  EXPECT_FALSE(ports.trapped(0x310, Width::Byte));
  EXPECT_FALSE(ports.trapped(0xFFFE, Width::Byte));
  EXPECT_TRUE(ports.trapped(0x320, Width::Byte));
}

// Scenario: VideoPortSetTrappedEmulatorPorts on an extension VideoPort does not host answers
// ERROR_INVALID_PARAMETER; called at DISPATCH_LEVEL it is an IRQL violation (PASSIVE only).
TEST(SetTrappedEmulatorPorts, PassiveOnlyAndHostedAdaptersOnly) {
  kernel::Machine machine;
  Adapter adapter(machine, 64, "hand-built");
  VIDEO_ACCESS_RANGE range = io_range(0x3C0, 0x20, true);
  // Zeroed memory that is no device extension (readable before it, as any heap block's middle).
  std::vector<std::uint8_t> not_an_extension(128, 0);
  VP_STATUS passive = NO_ERROR;
  VP_STATUS unknown = NO_ERROR;
  ASSERT_TRUE(machine.run_on(0, [&] {
    passive = VideoPortSetTrappedEmulatorPorts(adapter.extension(), 1, &range);
    unknown = VideoPortSetTrappedEmulatorPorts(not_an_extension.data() + 64, 1, &range);
  }));
  EXPECT_EQ(passive, static_cast<VP_STATUS>(ERROR_INVALID_PARAMETER));
  EXPECT_EQ(unknown, static_cast<VP_STATUS>(ERROR_INVALID_PARAMETER));
  EXPECT_EQ(machine.findings().count(findings::FindingKind::IrqlViolation), 0u) << "negative control";
  ASSERT_TRUE(machine.run_on(0, [&] {
    kernel::Processor& p = *kernel::current_processor();
    kernel::Irql old = p.raise_irql(kernel::kDispatchLevel);
    VideoPortSetTrappedEmulatorPorts(adapter.extension(), 1, &range);
    p.lower_irql(old);
  }));
  EXPECT_EQ(machine.findings().count(findings::FindingKind::IrqlViolation), 1u);
}

}  // namespace
}  // namespace vidport::videoport
