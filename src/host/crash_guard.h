// The crash guard: a fault in miniport code becomes a bugcheck-style finding instead of killing
// vidport, so the run still ends with a report.
//
// Rules for the crash guard:
// - SIGSEGV, SIGBUS, SIGILL and SIGFPE on a virtual processor's thread are caught on that
//   processor's alternate signal stack. The handler records a fatal finding naming the miniport
//   routine the processor was in (Processor::routine(), or its context when unlabelled), the
//   faulting address in words that are the same in every process (videoport/pointer_description.h),
//   the code address as the finding's site (module + offset, resolved later) and the miniport
//   frames that called it, halts the machine and jumps to the processor's innermost landing
//   (kernel/halt.h), from where vidport's own frames unwind to the task boundary.
// - A fault inside a device window (device_windows.h) is reported as a plain dereference of
//   the window: the miniport should have used the register accessors.
// - The same signals on any other thread are vidport's own bugs: the default action runs (the
//   process dies with the usual signal), nothing is hidden.
// - The handler allocates (the finding's message), unwinds the stack and takes the pool's mutex
//   to name the faulting address: a fault inside the C heap, the loader or the pool could
//   deadlock it. Miniport code runs inside none of them, so that is a host bug and acceptable.
// - install() is idempotent and process-wide; the guard is never removed.
#pragma once

namespace vidport::host {

void install_crash_guard();

}  // namespace vidport::host
