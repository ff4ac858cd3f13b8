#include "pc/port_monitor.h"

#include <fmt/format.h>

namespace vidport::pc {

void PortMonitor::on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width,
                                 std::uint32_t value, bool claimed) {
  if (!claimed) {
    UnclaimedCount& count = unclaimed_[port];
    ++(dir == bus::Direction::Read ? count.reads : count.writes);
  }
  if (downstream_) downstream_->on_port_access(dir, port, width, value, claimed);
}

std::string PortMonitor::unclaimed_summary() const {
  if (unclaimed_.empty()) return "";
  std::string text = "unclaimed ports (reads gave all ones, writes were ignored):";
  for (const auto& [port, count] : unclaimed_) {
    text += fmt::format(" {:04X} (", port);
    if (count.reads) text += fmt::format("{} read{}", count.reads, count.reads == 1 ? "" : "s");
    if (count.reads && count.writes) text += ", ";
    if (count.writes) text += fmt::format("{} write{}", count.writes, count.writes == 1 ? "" : "s");
    text += ")";
  }
  return text;
}

}  // namespace vidport::pc
