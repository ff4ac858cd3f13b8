// Where the miniports that come with vidport are: vgasync, which `vidport run` runs by default, and
// the pulse sample.
#pragma once

#include <string>

namespace vidport::host {

// The sample miniport (miniports/pulse_sample.c) as built in this build tree; failing that, the
// same file relative to the running executable (<build>/src/cli/vidport -> <build>/miniports).
std::string bundled_sample_miniport();

// vgasync (miniports/vgasync), found the same way: the built-in default of `vidport run`.
std::string bundled_vgasync_miniport();

}  // namespace vidport::host
