// The body of every exported VideoPort function: the forward to its C++ implementation, run so
// that nothing but a jump ever leaves an export toward the miniport that called it.
//
// Rules for exports (kernel/halt.h states the halt rule they keep):
// - A halt inside the call (kernel::Halt thrown by a preemption point, a spin, a bugcheck, or a
//   landing of a miniport routine the call itself ran) is caught here; once the catch block has
//   ended, the processor jumps to its innermost landing, skipping the miniport frames that
//   called this export.
// - Any other exception from vidport's own code is vidport failing to serve the call: it becomes
//   a fatal finding naming the export, and the same jump. No exception ever reaches miniport
//   frames.
// - Off a virtual processor (host threads in tests) nothing is caught that the call would not
//   have thrown anyway: a bugcheck there returns instead of throwing.
// - Cost when nothing is thrown: none (table-driven unwinding); the fast paths inline through.
#pragma once

#include <exception>
#include <utility>

#include "kernel/landing.h"
#include "kernel/processor.h"
#include "videoport/call_rules.h"

namespace vidport::videoport {

// Out of line, inside a catch block: keeps what the exception said (in thread-local storage, as
// the exception dies with the block). Returns true.
bool note_export_failure(const char* what);
// Out of line, after the catch block: records a fatal finding for the exception noted escaping
// `export_name`, halts the machine and jumps to the innermost landing (off a virtual processor
// it aborts with the message: a host bug).
[[noreturn]] void export_failed(const char* export_name);
// Out of line: the jump after a caught halt.
[[noreturn]] void export_halted();

template <class F>
[[gnu::always_inline]] inline decltype(auto) exported(const char* export_name, F&& body) noexcept {
  bool failed = false;
  try {
    return std::forward<F>(body)();
  } catch (const kernel::Halt&) {
  } catch (const std::exception& e) {
    failed = note_export_failure(e.what());
  } catch (...) {
    failed = note_export_failure("an exception of unknown type");
  }
  if (failed) export_failed(export_name);
  export_halted();
}

}  // namespace vidport::videoport

// The body of an export shim: `expr` is the forward, written with `vidport_site` for the call
// site (the miniport's return address, taken here in the shim's own frame).
#define VIDPORT_EXPORT_BODY(expr)                   \
  const std::uintptr_t vidport_site = VIDPORT_CALL_SITE(); \
  return ::vidport::videoport::exported(__func__, [&] { return expr; })
