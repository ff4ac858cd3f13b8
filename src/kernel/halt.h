// Halts: how a processor abandons what runs on it when its machine stops (a bugcheck, a fault
// in miniport code, a hang the watchdog caught).
//
// Rules for halts (one rule, everywhere):
// - No C++ exception and no non-local jump crosses a miniport frame, with two exceptions: the
//   jump from a signal handler, and the jump from an export (an extern "C" VideoPort entry
//   point), each to the processor's innermost *landing*.
// - Every call from vidport into miniport code goes through call_miniport(), which sets a
//   landing (a jump buffer on its own frame, chained per processor). Landing there, it throws
//   `Halt`: vidport's frames between it and the task boundary unwind as C++ frames do, so
//   their destructors run and their mutexes are released.
// - Every export catches `Halt` (videoport/exported.h), leaves its catch block and jumps to the
//   innermost landing: that skips exactly the miniport frames that called the export.
// - The task boundary (Processor::serve) catches `Halt`. A processor thread also keeps a base
//   landing there, for a signal that arrives while no miniport call is in progress (a fault
//   in vidport's own code: a vidport bug, reported as such).
// - Code between an export's entry and a call back into the miniport that it makes itself (the
//   synchronize routine on both synchronize paths) owns nothing that needs a destructor: a halt
//   inside the routine crosses it with the miniport frames around it. The synchronize fast path
//   therefore sets no landing and costs nothing here.
// - The same rule holds for frames without unwind information (PE images): nothing unwinds
//   through a miniport frame, it is only jumped over.
//
// Landings are the C library's _setjmp/_longjmp (kernel/landing.h says why); signal masks are
// restored by the landing (Processor::landed).
#pragma once

#include <setjmp.h>

#include <type_traits>
#include <utility>

#include "kernel/processor.h"

namespace vidport::kernel {

// Calls `call` (a callable that calls one miniport routine) on the calling thread's processor,
// with a landing set: a halt inside the routine (a fault, the watchdog, a bugcheck inside a
// VideoPort call the routine made) lands here and continues as `Halt`, thrown from this frame.
// Off a virtual processor (host threads in tests) the call is made directly.
template <class F>
[[gnu::noinline]] decltype(auto) call_miniport(F&& call) {
  Processor* p = current_processor();
  if (p == nullptr) return std::forward<F>(call)();
  Landing landing;
  landing.outer = p->innermost_landing();
  if (VIDPORT_SET_LANDING(landing.buffer)) {
    p->landed(landing);  // restores the chain and the signal mask
    throw Halt{};
  }
  p->set_innermost_landing(&landing);
  if constexpr (std::is_void_v<decltype(std::forward<F>(call)())>) {
    std::forward<F>(call)();
    p->set_innermost_landing(landing.outer);
  } else {
    decltype(auto) result = std::forward<F>(call)();
    p->set_innermost_landing(landing.outer);
    return result;
  }
}

}  // namespace vidport::kernel
