#include "vga_state_compare.h"

#include <fmt/format.h>

namespace vidport::pc::testing {

std::string compare_vga_states(const devices::vga::VgaState& a, const devices::vga::VgaState& b) {
  std::string out;
  auto check = [&](bool same, const char* what) {
    if (!same) out += fmt::format("{} differ; ", what);
  };
  check(a.external.misc_output == b.external.misc_output, "misc output");
  check(a.external.feature_control == b.external.feature_control, "feature control");
  check(a.external.video_enable == b.external.video_enable, "video enable");
  check(a.sequencer.index == b.sequencer.index && a.sequencer.reg == b.sequencer.reg, "sequencer registers");
  check(a.crtc.index == b.crtc.index && a.crtc.reg == b.crtc.reg, "CRTC registers");
  check(a.graphics.index == b.graphics.index && a.graphics.reg == b.graphics.reg, "graphics controller registers");
  check(a.attribute.index == b.attribute.index && a.attribute.data_next == b.attribute.data_next &&
            a.attribute.reg == b.attribute.reg,
        "attribute controller registers");
  check(a.dac.rgb == b.dac.rgb && a.dac.pixel_mask == b.dac.pixel_mask, "DAC");
  check(a.dac.write_index == b.dac.write_index && a.dac.read_index == b.dac.read_index &&
            a.dac.write_component == b.dac.write_component && a.dac.read_component == b.dac.read_component &&
            a.dac.pending == b.dac.pending && a.dac.read_state == b.dac.read_state,
        "DAC indices");
  check(a.memory.planes == b.memory.planes, "planes");
  check(a.memory.latches == b.memory.latches, "latches");
  check(a.vertical_interrupt_pending == b.vertical_interrupt_pending, "pending flags");
  return out;
}

}  // namespace vidport::pc::testing
