// The crash guard: a fault in miniport code becomes a bugcheck-style finding instead of killing
// vidport, so the run still ends with a report.
//
// Rules for the crash guard:
// - SIGSEGV, SIGBUS, SIGILL and SIGFPE on a virtual processor's thread are caught on that
//   processor's alternate signal stack. The handler only records what it saw (kernel::FaultRecord:
//   the routine the processor was in, its context and IRQL, the faulting and the code address)
//   and jumps to the processor's innermost landing (kernel/halt.h). There, in an ordinary
//   context, the fatal finding is made (naming the routine, or the context when unlabelled; a
//   fault in vidport's own code says so) and the machine halts; vidport's own frames then unwind
//   to the task boundary.
// - A fault inside a device window (device_windows.h) is reported as a plain dereference of
//   the window: the miniport should have used the register accessors.
// - The same signals on any other thread are vidport's own bugs: the default action runs (the
//   process dies with the usual signal), nothing is hidden.
// - The handler neither allocates nor locks: a fault inside the C heap cannot deadlock it. It
//   captures the return addresses with backtrace(3) into a fixed array (primed at install, so no
//   allocation), which walks the unwind tables of the loaded modules: a fault inside the dynamic
//   loader itself could still deadlock there.
// - install() is idempotent and process-wide; the guard is never removed.
#pragma once

namespace vidport::host {

void install_crash_guard();

}  // namespace vidport::host
