// What kind of code a virtual processor is running: the race detector and the IRQL/context rules
// ask this at every access and every DDK call.
#pragma once

#include <cstdint>
#include <string_view>

namespace vidport::kernel {

enum class ContextKind : std::uint8_t {
  Passive,              // a host request or DriverEntry-style call at PASSIVE_LEVEL
  Dpc,                  // a DPC or HwVidTimer routine at DISPATCH_LEVEL
  Isr,                  // HwVidInterrupt, at DIRQL holding its interrupt spin lock
  SynchronizeCallback,  // a HwVidSynchronizeExecutionCallback
};

constexpr std::string_view context_name(ContextKind k) {
  switch (k) {
    case ContextKind::Passive: return "passive";
    case ContextKind::Dpc: return "dpc";
    case ContextKind::Isr: return "isr";
    case ContextKind::SynchronizeCallback: return "synchronize-callback";
  }
  return "?";
}

}  // namespace vidport::kernel
