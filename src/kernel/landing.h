// A landing: where a halt that must skip miniport frames jumps to (see kernel/halt.h for the
// rule). A landing lives on the frame of the vidport function that set it; processors chain
// them, innermost first.
//
// The jump is the C library's _setjmp/_longjmp: it restores every callee-saved register, which
// the frames it skips did not get to restore (the compiler's own __builtin_setjmp keeps only
// the frame and stack pointers, and leaves the caller's registers to whatever the skipped frames
// put there), it does not touch the signal mask (the landing restores that itself), and ASan and
// TSan intercept it to keep their stack bookkeeping right. A landing is set once per call into
// the miniport, never on the synchronize fast path.
#pragma once

#include <setjmp.h>

namespace vidport::kernel {

// Thrown from a halt point to unwind vidport's frames to the task boundary (kernel/halt.h). Not
// a std::exception: nothing that catches std::exception may swallow a halt.
struct Halt final {};

struct Landing {
  Landing* outer = nullptr;
  jmp_buf buffer;
};

}  // namespace vidport::kernel

// Sets `buffer` (a Landing's) in the calling function's frame; evaluates to true when a halt
// jumped back here. A macro because a landing must be set by the frame it returns to.
#define VIDPORT_SET_LANDING(buffer) (_setjmp(buffer) != 0)
#define VIDPORT_JUMP_TO_LANDING(buffer) _longjmp(buffer, 1)
