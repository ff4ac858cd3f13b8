// What every generated export shim is made of (export_shims.cpp, generated from
// export_table.txt by tools/export_table.py).
//
// Rules for export shims:
// - A shim has the DDK's name and prototype and one statement: exported.h's VIDPORT_EXPORT_BODY
//   around the forward of every DDK argument, through ddk_arg(), plus the call site to the row's
//   C++ implementation, its result converted back to the DDK's return type. No shim holds logic;
//   a change to how every shim behaves is an edit of VIDPORT_EXPORT_BODY (exported.h) or of the
//   one line tools/export_table.py writes per shim.
// - ddk_arg() passes a DDK argument unchanged unless the C++ side names the type differently:
//   opaque handles become vidport's objects, LARGE_INTEGER values become integers.
// - The hand-written shims (VideoPortDebugPrint, VideoPortSynchronizeExecution; see the table)
//   follow the same shape by hand.
#pragma once

#include <video.h>

#include <cstdint>
#include <optional>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
#include "videoport/kernel_calls.h"

namespace vidport::videoport::exports {

// Most DDK arguments reach C++ as they are.
template <typename T>
inline T ddk_arg(T value) {
  return value;
}

// PEVENT and PSPIN_LOCK are opaque pointers in the DDK; vidport's objects stand behind them.
inline MiniportEvent* ddk_arg(PEVENT event) { return reinterpret_cast<MiniportEvent*>(event); }
inline MiniportEvent** ddk_arg(PEVENT* event) { return reinterpret_cast<MiniportEvent**>(event); }
inline MiniportSpinLock* ddk_arg(PSPIN_LOCK lock) { return reinterpret_cast<MiniportSpinLock*>(lock); }
inline MiniportSpinLock** ddk_arg(PSPIN_LOCK* lock) { return reinterpret_cast<MiniportSpinLock**>(lock); }

// A PHYSICAL_ADDRESS is a 64-bit bus address.
inline std::uint64_t ddk_arg(PHYSICAL_ADDRESS address) { return static_cast<std::uint64_t>(address.QuadPart); }

// A timeout by pointer: NULL waits forever (VideoPortWaitForSingleObject).
inline std::optional<std::int64_t> ddk_arg(PLARGE_INTEGER timeout) {
  return timeout ? std::optional<std::int64_t>(timeout->QuadPart) : std::nullopt;
}

}  // namespace vidport::videoport::exports
