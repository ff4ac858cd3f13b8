// What differs between two VGA states, field by field: every register block with its index and
// flip-flop, the DAC with its indices and partial writes, the planes, the latches and the pending
// flag. Shared by the mode-set tests and the POST snapshot tests.
#pragma once

#include <string>

#include "devices/vga/vga_state.h"

namespace vidport::pc::testing {

// "" when `a` and `b` are the same VGA; otherwise the parts that differ, e.g. "planes differ; ".
std::string compare_vga_states(const devices::vga::VgaState& a, const devices::vga::VgaState& b);

}  // namespace vidport::pc::testing
