#include "findings/finding.h"

namespace vidport::findings {

std::string_view kind_id(FindingKind kind) {
  switch (kind) {
    case FindingKind::SyncInvalidPriority: return "sync-invalid-priority";
    case FindingKind::SyncNestedDeadlock: return "sync-nested-deadlock";
    case FindingKind::SpinLockRecursion: return "spin-lock-recursion";
    case FindingKind::IrqlViolation: return "irql-violation";
    case FindingKind::ContextViolation: return "context-violation";
    case FindingKind::InterruptStorm: return "interrupt-storm";
    case FindingKind::InvalidParameter: return "invalid-parameter";
    case FindingKind::NotOnVirtualProcessor: return "not-on-virtual-processor";
    case FindingKind::MiniportCrash: return "miniport-crash";
    case FindingKind::MiniportHang: return "miniport-hang";
    case FindingKind::DeviceWindowDereference: return "device-window-dereference";
    case FindingKind::AccessRangeConflict: return "access-range-conflict";
    case FindingKind::RequestStatusMisuse: return "request-status-misuse";
    case FindingKind::MiniportLoggedError: return "miniport-logged-error";
    case FindingKind::DeviceInvalidProgramming: return "device-invalid-programming";
    case FindingKind::VidportFailure: return "vidport-failure";
  }
  return "unknown";
}

std::string_view kind_title(FindingKind kind) {
  switch (kind) {
    case FindingKind::SyncInvalidPriority: return "SYNC_INVALID_PRIORITY";
    case FindingKind::SyncNestedDeadlock: return "SYNC_NESTED_DEADLOCK";
    case FindingKind::SpinLockRecursion: return "SPIN_LOCK_ALREADY_OWNED";
    case FindingKind::IrqlViolation: return "IRQL_NOT_ALLOWED";
    case FindingKind::ContextViolation: return "CALL_NOT_ALLOWED_IN_CONTEXT";
    case FindingKind::InterruptStorm: return "INTERRUPT_STORM";
    case FindingKind::InvalidParameter: return "INVALID_PARAMETER";
    case FindingKind::NotOnVirtualProcessor: return "NOT_ON_VIRTUAL_PROCESSOR";
    case FindingKind::MiniportCrash: return "KMODE_EXCEPTION_NOT_HANDLED";
    case FindingKind::MiniportHang: return "MINIPORT_WATCHDOG_TIMEOUT";
    case FindingKind::DeviceWindowDereference: return "DEVICE_WINDOW_DEREFERENCE";
    case FindingKind::AccessRangeConflict: return "ACCESS_RANGE_CONFLICT";
    case FindingKind::RequestStatusMisuse: return "REQUEST_STATUS_MISUSE";
    case FindingKind::MiniportLoggedError: return "MINIPORT_LOGGED_ERROR";
    case FindingKind::DeviceInvalidProgramming: return "DEVICE_INVALID_PROGRAMMING";
    case FindingKind::VidportFailure: return "VIDPORT_FAILURE";
  }
  return "UNKNOWN";
}

void resolve_sites(Finding& finding) {
  resolve_sites(finding.primary);
  if (finding.other) resolve_sites(*finding.other);
}

}  // namespace vidport::findings
