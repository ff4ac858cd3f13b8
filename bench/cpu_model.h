// The name of the host's processor, so every printed figure can say which machine produced it.
#pragma once

#include <string>

namespace vidport::bench {

// The CPU model as /proc/cpuinfo names it ("model name" on x86, "Hardware" or "cpu model"
// elsewhere); "unknown CPU" when the file is unreadable or names none. Reads a file; any thread.
std::string cpu_model();

}  // namespace vidport::bench
