// Writes the port-I/O trace of `vidport boot --trace`: one line per access as the CPU issued it
// (before the bus splits wide accesses), in the column layout of the shared reference traces
// without their instruction column:
//     <seq> <IN|OUT> <port, 4 hex digits> <bits> <value, 2/4/8 hex digits>
// e.g. "     7 OUT 03C4 16 0204". Unclaimed ports get " unclaimed" appended. Lines starting with
// '#' are notes that mark the phases of a run.
//
// Rules: a bus observer (see PortMonitor::set_downstream); not thread-safe; the stream must
// outlive it. Write errors are the caller's to check on the stream.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "bus/io_bus.h"

namespace vidport::pc {

class PortTraceWriter final : public bus::BusObserver {
 public:
  explicit PortTraceWriter(std::ostream& out) : out_(out) {}

  // The line for one access (no newline). Pure function.
  static std::string format_line(std::uint64_t seq, bus::Direction dir, std::uint16_t port,
                                 bus::Width width, std::uint32_t value, bool claimed);

  // Writes "# <text>" (a phase of the run, e.g. the BIOS init).
  void note(const std::string& text) { out_ << "# " << text << '\n'; }

  void on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width, std::uint32_t value,
                      bool claimed) override;

 private:
  std::ostream& out_;
  std::uint64_t seq_ = 0;
};

}  // namespace vidport::pc
