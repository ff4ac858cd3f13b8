// Where the PC sends a whole string port transfer (REP INS/OUTS) in one call, instead of one bus
// port access per element: a full-screen session connects its port router here, so a trapped
// port's string-support routine receives the whole REP with its count, as NT's VDM hands it over.
//
// Rules for a string port target:
// - The PC calls it once per REP chunk (pc.h: a REP larger than the PC's element budget arrives
//   as several calls, each with the elements of one chunk) and once, with count 1, for a single
//   INS/OUTS. A REP with a count of zero makes no call.
// - The elements are in the order the processor transfers them: element 0 is the one at (E)SI or
//   (E)DI when the instruction starts, the next follows in the direction EFLAGS.DF gives.
// - For OUTS the PC has read every element from memory before the call; for INS it writes them to
//   memory after the call returns. A device that watches both memory and the port sees that order,
//   not the interleaving of element-by-element execution.
#pragma once

#include <cstdint>

#include "bus/access.h"

namespace vidport::pc {

class StringPortTarget {
 public:
  virtual ~StringPortTarget() = default;
  // Transfers `count` (>= 1) elements of `width` at `port`: `direction` Write sends the elements
  // in `elements` (REP OUTS), Read fills `elements` (REP INS; the buffer starts all ones, what an
  // unclaimed port returns, so a target that leaves an element alone reads as nothing there).
  // Called on the thread that runs the PC, from inside Pc::run(); it must not run the same PC.
  virtual void transfer_string(bus::Direction direction, std::uint16_t port, bus::Width width, void* elements,
                               std::uint32_t count) = 0;
};

}  // namespace vidport::pc
