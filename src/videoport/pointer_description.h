// Host pointers in findings: a miniport passes a bad pointer or faults on one, and the finding
// has to say which without printing the host address, which differs from process to process
// (report.json of the same run must be the same in every process).
#pragma once

#include <cstdint>
#include <string>

namespace vidport::videoport {

// A noun phrase for `address`, the same in every process running the same thing:
//   "NULL"; "address 0x10" (below 64 KiB: never a valid pointer, printed as is);
//   "the start of pool block #3 (256 bytes)", "a pointer 0x40 bytes into pool block #3 (256 bytes)";
//   "device window memory at physical 0xa0010", "mapped memory at physical 0xe0001000";
//   "a pointer into vgasync.so+0x4010" (a loaded module's image);
//   "a foreign pointer (in no pool block, mapping or module)".
// Any thread; takes the pool's mutex, so not from a signal handler that interrupted the pool.
std::string describe_pointer(std::uintptr_t address);

}  // namespace vidport::videoport
