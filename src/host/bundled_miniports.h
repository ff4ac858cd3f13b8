// Where the miniports that come with vidport are: the sample `vidport run` runs by default.
#pragma once

#include <string>

namespace vidport::host {

// The sample miniport (miniports/pulse_sample.c) as built in this build tree; failing that, the
// same file relative to the running executable (<build>/src/cli/vidport -> <build>/miniports).
std::string bundled_sample_miniport();

}  // namespace vidport::host
