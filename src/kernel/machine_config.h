// What a run of the machine is made of: processors, clock, synchronize semantics profile.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "kernel/clock.h"

namespace vidport::kernel {

// Which system's VideoPortSynchronizeExecution to reproduce (semantics-decisions.md).
enum class SyncProfile : std::uint8_t { Docs, Nt4, ReactOS };

constexpr std::string_view profile_name(SyncProfile p) {
  switch (p) {
    case SyncProfile::Docs: return "docs";
    case SyncProfile::Nt4: return "nt4";
    case SyncProfile::ReactOS: return "reactos";
  }
  return "?";
}
std::optional<SyncProfile> parse_profile(std::string_view name);

enum class ClockKind : std::uint8_t { Real, Virtual };

struct MachineConfig {
  unsigned processors = 2;
  ClockKind clock = ClockKind::Real;
  double real_clock_scale = 1.0;          // clock seconds per host second (RealClock)
  ClockTime bus_access_cost = 100;        // nanoseconds per access (VirtualClock)
  SyncProfile profile = SyncProfile::Docs;
  unsigned storm_threshold = 1000;        // consecutive deliveries that make a storm
};

}  // namespace vidport::kernel
