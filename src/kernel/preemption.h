// The one preemption-point hook. Every DDK entry point and every port/register access is a
// preemption point: there a virtual processor takes pending interrupts and DPCs, and there a
// later deterministic explorer decides which processor runs next and whether an interrupt fires.
//
// Rules for preemption points:
// - A point is taken only where the runtime holds no internal lock (mutexes of the machine,
//   controller, devices or findings). Emulated spin locks may be held: they are the miniport's.
// - When nothing needs attention a point costs one relaxed load and one predictable branch.
#pragma once

#include <cstdint>

namespace vidport::kernel {

class Processor;

enum class PointKind : std::uint8_t {
  DdkCall,         // entry to a VideoPort function
  PortAccess,      // before a port read or write
  RegisterAccess,  // before a memory-mapped register read or write
  Stall,           // inside VideoPortStallExecution
  SpinWait,        // while spinning on a spin lock another processor holds
  IrqlLowered,     // IRQL just dropped
  Idle,            // an idle or blocked processor
};

// Installed on a machine for tests and, later, the explorer. at_point runs on the processor's
// own thread before that processor delivers pending interrupts and DPCs; it may block.
class PreemptionHook {
 public:
  virtual ~PreemptionHook() = default;
  virtual void at_point(Processor& processor, PointKind kind) = 0;
};

}  // namespace vidport::kernel
