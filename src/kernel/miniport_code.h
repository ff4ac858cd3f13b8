// Where miniport code lives: the executable segments of the loaded miniport modules, so a signal
// handler can tell whether it interrupted miniport code (which a halt jumps over) or vidport's
// own (which a halt unwinds at its next preemption point).
//
// Rules for the code map:
// - add() and remove() are called by the module loader, on a host thread, around a module's
//   lifetime; is_miniport_code() may be called from a signal handler on any thread (it only
//   loads atomics).
// - At most kMaxRanges ranges at once; past that add() returns false and the code is treated as
//   vidport's (a halt then waits for a preemption point, which the watchdog's second signal
//   forces if need be).
#pragma once

#include <cstdint>

namespace vidport::kernel::miniport_code {

inline constexpr unsigned kMaxRanges = 32;

bool add(std::uintptr_t begin, std::uintptr_t end);
void remove(std::uintptr_t begin, std::uintptr_t end);
bool is_miniport_code(std::uintptr_t pc);

}  // namespace vidport::kernel::miniport_code
