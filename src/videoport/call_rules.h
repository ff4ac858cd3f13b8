// The documented IRQL and context rules of each VideoPort call, checked at every entry.
//
// Rules for entry points:
// - Every exported VideoPort function starts with enter(rule, site): a preemption point, then the
//   check. A violation records a finding (IrqlViolation or ContextViolation) and the call goes
//   on, unless the function itself decides it cannot (it then says so in its contract).
// - "Allowed at interrupt level" is the list HwVidInterrupt and synchronize callbacks may call
//   (semantics-decisions.md): port/register access, VideoPortQueueDpc, ZeroMemory,
//   ZeroDeviceMemory, LogError, StallExecution, Enable/DisableInterrupt, GetCurrentIrql.
// - A call from a host thread that is no virtual processor is a bug in the host or a test, not in
//   the miniport: it stops with a message naming the call.
#pragma once

#include <cstdint>

#include "kernel/irql.h"
#include "kernel/processor.h"

namespace vidport::videoport {

struct CallRule {
  const char* name;
  kernel::Irql min_irql;
  kernel::Irql max_irql;
  bool allowed_at_interrupt_level;
};

namespace rules {
using namespace kernel;
inline constexpr CallRule kSynchronizeExecution{"VideoPortSynchronizeExecution", kPassiveLevel, kHighestDeviceLevel, false};
inline constexpr CallRule kQueueDpc{"VideoPortQueueDpc", kDispatchLevel, kHighLevel, true};
inline constexpr CallRule kStartTimer{"VideoPortStartTimer", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kStopTimer{"VideoPortStopTimer", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kCreateSpinLock{"VideoPortCreateSpinLock", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kDeleteSpinLock{"VideoPortDeleteSpinLock", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kAcquireSpinLock{"VideoPortAcquireSpinLock", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kAcquireSpinLockAtDpcLevel{"VideoPortAcquireSpinLockAtDpcLevel", kDispatchLevel, kDispatchLevel, false};
inline constexpr CallRule kReleaseSpinLock{"VideoPortReleaseSpinLock", kDispatchLevel, kDispatchLevel, false};
inline constexpr CallRule kReleaseSpinLockFromDpcLevel{"VideoPortReleaseSpinLockFromDpcLevel", kDispatchLevel, kDispatchLevel, false};
inline constexpr CallRule kCreateEvent{"VideoPortCreateEvent", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kDeleteEvent{"VideoPortDeleteEvent", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kSetEvent{"VideoPortSetEvent", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kClearEvent{"VideoPortClearEvent", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kReadStateEvent{"VideoPortReadStateEvent", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kWaitForSingleObject{"VideoPortWaitForSingleObject", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kStallExecution{"VideoPortStallExecution", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kGetCurrentIrql{"VideoPortGetCurrentIrql", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kEnableInterrupt{"VideoPortEnableInterrupt", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kDisableInterrupt{"VideoPortDisableInterrupt", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kPortAccess{"VideoPortRead/WritePort", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kRegisterAccess{"VideoPortRead/WriteRegister", kPassiveLevel, kHighLevel, true};
// The hosting calls: registration, resources, memory, registry and services.
inline constexpr CallRule kInitialize{"VideoPortInitialize", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kVerifyAccessRanges{"VideoPortVerifyAccessRanges", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kGetAccessRanges{"VideoPortGetAccessRanges", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kGetDeviceBase{"VideoPortGetDeviceBase", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kFreeDeviceBase{"VideoPortFreeDeviceBase", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kMapMemory{"VideoPortMapMemory", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kUnmapMemory{"VideoPortUnmapMemory", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kGetBusData{"VideoPortGetBusData", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kSetBusData{"VideoPortSetBusData", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kGetVgaStatus{"VideoPortGetVgaStatus", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kGetDeviceData{"VideoPortGetDeviceData", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kAllocatePool{"VideoPortAllocatePool", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kFreePool{"VideoPortFreePool", kPassiveLevel, kDispatchLevel, false};
inline constexpr CallRule kAllocateBuffer{"VideoPortAllocateBuffer", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kReleaseBuffer{"VideoPortReleaseBuffer", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kAllocateContiguousMemory{"VideoPortAllocateContiguousMemory", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kZeroMemory{"VideoPortZeroMemory", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kZeroDeviceMemory{"VideoPortZeroDeviceMemory", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kMoveMemory{"VideoPortMoveMemory", kPassiveLevel, kHighLevel, false};
inline constexpr CallRule kCompareMemory{"VideoPortCompareMemory", kPassiveLevel, kHighLevel, false};
// VideoPortDebugPrint is documented for any IRQL and real ISRs log with it, so it is allowed at
// interrupt level although semantics-decisions.md's list does not name it.
inline constexpr CallRule kDebugPrint{"VideoPortDebugPrint", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kLogError{"VideoPortLogError", kPassiveLevel, kHighLevel, true};
inline constexpr CallRule kGetRegistryParameters{"VideoPortGetRegistryParameters", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kSetRegistryParameters{"VideoPortSetRegistryParameters", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kQueryServices{"VideoPortQueryServices", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kGetRomImage{"VideoPortGetRomImage", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kScanRom{"VideoPortScanRom", kPassiveLevel, kPassiveLevel, false};
// The full-screen (V86) calls.
inline constexpr CallRule kSetTrappedEmulatorPorts{"VideoPortSetTrappedEmulatorPorts", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kInt10{"VideoPortInt10", kPassiveLevel, kPassiveLevel, false};
inline constexpr CallRule kInt10Services{"Int10 interface", kPassiveLevel, kPassiveLevel, false};
}  // namespace rules

[[noreturn]] void fail_not_on_processor(const CallRule& rule, std::uintptr_t site);
void report_rule_violation(kernel::Processor& processor, const CallRule& rule, std::uintptr_t site);

inline bool violates(const kernel::Processor& p, const CallRule& rule) {
  kernel::Irql irql = p.irql();
  return irql < rule.min_irql || irql > rule.max_irql ||
         (!rule.allowed_at_interrupt_level && p.context() >= kernel::ContextKind::Isr);
}

// The entry of every VideoPort function (see the rules above).
inline kernel::Processor& enter(const CallRule& rule, std::uintptr_t site,
                                kernel::PointKind point = kernel::PointKind::DdkCall) {
  kernel::Processor* p = kernel::current_processor();
  if (__builtin_expect(p == nullptr, 0)) fail_not_on_processor(rule, site);
  p->note_progress();
  p->preemption_point(point);
  if (__builtin_expect(violates(*p, rule), 0)) report_rule_violation(*p, rule, site);
  return *p;
}

}  // namespace vidport::videoport

// The address a DDK entry point was called from: the call site findings blame.
#define VIDPORT_CALL_SITE() reinterpret_cast<std::uintptr_t>(__builtin_return_address(0))
