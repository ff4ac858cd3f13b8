// Where each port access of a full-screen (V86) program goes, decided the way the x86 IOPM and
// NT's VDM decide it:
//
//   trapped in the adapter's IOPM  -> the miniport's emulator routine for that port and width
//   a VGA port (3B0h-3DFh)         -> the VGA on the machine's bus, directly
//   anything else                  -> the null device (logged, never reaches a real device)
//
// Rules for routing:
// - A trapped access goes to the entry of its own width that handles the port. An entry that does
//   not list the direction (read or write) lets the access through to the device. Without an
//   entry of that width, a word or dword is split into halves (low first), each routed again; a
//   byte without an entry goes to the device.
// - A string-support entry's routine is the ..._STRING handler: a single access calls it with
//   DataLength 1, and transfer_string() hands it a whole REP INS/OUTS in one call. Without string
//   support a string is split into single accesses, each routed on its own. The session's PC
//   calls transfer_string() for every INS/OUTS its program executes (pc::StringPortTarget).
// - While traps are off (set_traps_enabled(false)) a string goes to the device like single
//   accesses do: split into single accesses, none trapped.
// - Emulator routines run synchronously on the calling thread, which must be a virtual processor
//   at PASSIVE_LEVEL (the session's), labelled "HwVidEmulatorRoutine" for watchdog and crash
//   reports. A routine's failure status is counted; a read then returns what the routine left.
// - Map the router over every port (0000h-FFFFh, any width) of the session's own bus.
#pragma once

#include <atomic>
#include <cstdint>

#include "bus/device.h"
#include "bus/io_bus.h"
#include "pc/string_port_target.h"
#include "v86/null_port_device.h"

namespace vidport::videoport {
class EmulatorPorts;
struct EmulatorEntry;
}

namespace vidport::v86 {

inline constexpr std::uint16_t kVgaFirstPort = 0x3B0;
inline constexpr std::uint16_t kVgaLastPort = 0x3DF;

struct RouteCounts {
  std::uint64_t direct = 0;         // accesses that reached the VGA directly
  std::uint64_t emulated = 0;       // emulator routine calls for single accesses
  std::uint64_t string_calls = 0;   // string routine calls for whole transfers
  std::uint64_t null = 0;           // accesses the null device took
  std::uint64_t failed_calls = 0;   // emulator routine calls that returned an error
  // Playbacks: emulator routine calls during which the miniport wrote ports from a synchronize
  // callback (a validator sending a buffered batch), and the port writes those callbacks made.
  std::uint64_t playbacks = 0;
  std::uint64_t playback_writes = 0;
};

class PortRouter final : public bus::PortDevice, public pc::StringPortTarget {
 public:
  // `device_bus` carries the VGA (the machine's bus); `ports` is the adapter's map, or nullptr
  // when no miniport takes part (every VGA port is then direct). All must outlive the router.
  PortRouter(bus::IoBus& device_bus, videoport::EmulatorPorts* ports, NullPortDevice& null_device);

  std::uint32_t read_port(std::uint16_t port, bus::Width width) override;
  void write_port(std::uint16_t port, bus::Width width, std::uint32_t value) override;

  // A whole REP INS (`direction` Read: fills `data`) or REP OUTS (Write: consumes it) of `count`
  // elements of `width` at `port` (see the rules above). Count 0 does nothing.
  void transfer_string(bus::Direction direction, std::uint16_t port, bus::Width width, void* data,
                       std::uint32_t count) override;

  RouteCounts counts() const;

  // Routes trapped ports to `ports` from now on (nullptr: none trap). Between runs only.
  void set_emulator_ports(videoport::EmulatorPorts* ports) { ports_.store(ports, std::memory_order_release); }

  // While false, trapped ports go to the device like visible ones: the miniport's own BIOS calls
  // (VideoPortInt10) must not trap into its emulator routines. Set on the thread that runs the PC.
  void set_traps_enabled(bool enabled) { traps_enabled_.store(enabled, std::memory_order_relaxed); }

 private:
  std::uint32_t route(bus::Direction direction, std::uint16_t port, bus::Width width, std::uint32_t value);
  std::uint32_t emulate(videoport::EmulatorPorts& ports, bus::Direction direction, std::uint16_t port,
                        bus::Width width, std::uint32_t value);
  std::uint32_t untrapped(bus::Direction direction, std::uint16_t port, bus::Width width, std::uint32_t value);
  // Calls the routine (see call_routine in the .cpp) and counts the playback it made, if any.
  std::int32_t run_routine(const videoport::EmulatorEntry& entry, std::uintptr_t context, std::uint16_t port,
                       bus::Direction direction, void* data, std::uint32_t count);

  bus::IoBus& device_bus_;
  std::atomic<videoport::EmulatorPorts*> ports_;
  NullPortDevice& null_;
  std::atomic<bool> traps_enabled_{true};
  std::atomic<std::uint64_t> direct_{0}, emulated_{0}, string_calls_{0}, null_count_{0}, failed_{0};
  std::atomic<std::uint64_t> playbacks_{0}, playback_writes_{0};
};

}  // namespace vidport::v86
