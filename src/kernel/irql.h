// Interrupt request levels, Windows x64 numbering (semantics-decisions.md), and the one table that
// says which device IRQL (DIRQL) an interrupt line gets.
#pragma once

#include <cstdint>
#include <string_view>

namespace vidport::kernel {

using Irql = std::uint8_t;

inline constexpr Irql kPassiveLevel = 0;
inline constexpr Irql kApcLevel = 1;
inline constexpr Irql kDispatchLevel = 2;
inline constexpr Irql kLowestDeviceLevel = 3;   // DIRQLs are 3..11
inline constexpr Irql kHighestDeviceLevel = 11;
inline constexpr Irql kSynchLevel = 12;
inline constexpr Irql kClockLevel = 13;
inline constexpr Irql kIpiLevel = 14;
inline constexpr Irql kHighLevel = 15;

// The DIRQL of an ISA-style interrupt line. Lines follow the 8259 pair's priority order starting
// at the slave PIC, so IRQ 9 (the VGA's line, on the EGA's IRQ 2 pin) gets the highest device
// level; each following line gets one level less, bottoming out at the lowest device level:
//
//   line   9  10  11  12  13  14  15   3   4   5   6   7   other (0,1,2,8,16..)
//   DIRQL 11  10   9   8   7   6   5   4   3   3   3   3   11 for 0,1,2,8; 3 above 15
constexpr Irql dirql_for_line(unsigned line) {
  constexpr Irql table[16] = {11, 11, 11, 4, 3, 3, 3, 3, 11, 11, 10, 9, 8, 7, 6, 5};
  return line < 16 ? table[line] : kLowestDeviceLevel;
}

constexpr std::string_view irql_name(Irql irql) {
  switch (irql) {
    case kPassiveLevel: return "PASSIVE_LEVEL";
    case kApcLevel: return "APC_LEVEL";
    case kDispatchLevel: return "DISPATCH_LEVEL";
    case kSynchLevel: return "SYNCH_LEVEL";
    case kClockLevel: return "CLOCK_LEVEL";
    case kIpiLevel: return "IPI_LEVEL";
    case kHighLevel: return "HIGH_LEVEL";
    default: return irql >= kLowestDeviceLevel && irql <= kHighestDeviceLevel ? "DIRQL" : "INVALID";
  }
}

}  // namespace vidport::kernel
