#include "pc/port_trace_writer.h"

#include <fmt/format.h>

namespace vidport::pc {

std::string PortTraceWriter::format_line(std::uint64_t seq, bus::Direction dir, std::uint16_t port,
                                         bus::Width width, std::uint32_t value, bool claimed) {
  const unsigned bytes = bus::bytes_of(width);
  return fmt::format("{:6} {:<3} {:04X} {:2} {:0{}X}{}", seq, dir == bus::Direction::Read ? "IN" : "OUT", port,
                     8 * bytes, value, 2 * bytes, claimed ? "" : " unclaimed");
}

void PortTraceWriter::on_port_access(bus::Direction dir, std::uint16_t port, bus::Width width,
                                     std::uint32_t value, bool claimed) {
  out_ << format_line(++seq_, dir, port, width, value, claimed) << '\n';
}

}  // namespace vidport::pc
