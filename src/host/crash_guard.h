// The crash guard: a fault in miniport code becomes a bugcheck-style finding instead of killing
// vidport, so the run still ends with a report.
//
// Rules for the crash guard:
// - SIGSEGV, SIGBUS, SIGILL and SIGFPE on a virtual processor's thread are caught on that
//   processor's alternate signal stack. The handler records a fatal finding naming the miniport
//   routine the processor was in (Processor::routine(), or its context when unlabelled), the
//   faulting address and the code address (module + offset, resolved later), halts the
//   machine and jumps to the processor's innermost landing (kernel/halt.h), from where vidport's
//   own frames unwind to the task boundary.
// - A fault inside a device window (device_windows.h) is reported as a plain dereference of
//   the window: the miniport should have used the register accessors.
// - The same signals on any other thread are vidport's own bugs: the default action runs (the
//   process dies with the usual signal), nothing is hidden.
// - The handler allocates (the finding's message): a fault inside the C heap could deadlock it.
//   Miniport code does not run inside malloc, so that is a host bug and acceptable.
// - install() is idempotent and process-wide; the guard is never removed.
#pragma once

namespace vidport::host {

void install_crash_guard();

}  // namespace vidport::host
