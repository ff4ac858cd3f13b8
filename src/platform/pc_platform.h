// The machine a miniport meets: a kernel::Machine (virtual processors, clock, bus, interrupt
// controller) whose bus carries the VGA, with the VGA's retrace interrupt on ISA line 9 of the
// machine's interrupt controller, left the way a real PC's POST leaves it: the video BIOS
// (SeaVGABIOS) has run its init and INT 10h AX=0003h on the same bus and clock, so the VGA is
// in text mode 03h, the ROM font is in plane 2, and the BIOS data area says mode 3.
//
// Rules for the platform:
// - create() builds everything and runs POST on the calling (host) thread before any processor
//   has work; miniport code runs only afterwards. Create it on a host thread.
// - POST is real-mode code on a pc::Pc that shares the machine's bus and clock. Under the virtual
//   clock its bus accesses move clock time (a few milliseconds), as on a PC that booted.
// - The Pc is kept after POST so its RAM (the BIOS data area) can be inspected; nothing runs on
//   it again unless a caller does so while no processor touches the VGA.
// - The VGA's tear oracle is reset when POST ends (the BIOS loads its palette with the screen
//   on): vga().tears() counts only what happened afterwards.
// - Under the virtual clock, POST's result usually comes from a snapshot (post_snapshot.h): the
//   one this process kept from an earlier POST of the same ROM and options, else the cache file,
//   else a fresh POST, which is then kept and written to the cache file. The machine is the same
//   either way (docs/snapshot.md); post_source() says which it was. A snapshot file that cannot
//   be used or written never fails creation: POST runs, and post_note() says why.
// - Destruction: the VGA before the machine (the VGA cancels its clock event; the machine then
//   stops the processors and the clock).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "devices/vga/vga.h"
#include "kernel/machine.h"
#include "kernel/machine_config.h"
#include "pc/pc.h"
#include "pc/video_bios.h"
#include "platform/post_snapshot.h"

namespace vidport::platform {

// The ISA line the VGA's vertical retrace drives, as on the reference machines (IRQ 9 -> DIRQL 11).
inline constexpr unsigned kVgaIrq = 9;

struct PlatformOptions {
  kernel::MachineConfig machine;  // processors, clock kind, synchronize profile, storm threshold
  // 0: the retrace rate the CRTC registers describe (70.09 Hz in 03h/13h); > 0: this rate, e.g.
  // 10'000 for stress runs and benchmarks (positions inside a frame stay where the registers put
  // them).
  double retrace_hz = 0;
  std::string rom_path = pc::VideoBios::kDefaultRomPath;
  devices::vga::RenderConventions render = devices::vga::RenderConventions::Qemu;
  // false: no POST (the VGA stays at its power-on state), for runs that need neither the BIOS's
  // text screen nor VideoPortInt10; the ROM is then not needed either.
  bool post = true;
  // false: always run POST (`--no-snapshot`), never restore a snapshot nor write one.
  bool use_snapshots = true;
  // Where snapshot files go; "" = the default (snapshot_store.h: $VIDPORT_SNAPSHOT_DIR,
  // $XDG_CACHE_HOME/vidport, ~/.cache/vidport).
  std::string snapshot_directory;
};

// How the platform came to its POSTed state.
enum class PostSource : std::uint8_t {
  None,             // options.post was false
  Fresh,            // the video BIOS ran
  ProcessSnapshot,  // restored from the snapshot an earlier platform of this process kept
  FileSnapshot,     // restored from the cache file
};
// "none", "fresh", "snapshot", "snapshot-file": the report's words.
const char* post_source_name(PostSource source);

class PcPlatform {
 public:
  // Builds the machine and the VGA and runs POST (ROM init, then mode 03h) unless options.post is
  // false. On failure returns a message the user can act on (ROM missing or invalid, a BIOS call
  // that did not return).
  static std::variant<std::unique_ptr<PcPlatform>, std::string> create(const PlatformOptions& options);
  ~PcPlatform();
  PcPlatform(const PcPlatform&) = delete;
  PcPlatform& operator=(const PcPlatform&) = delete;

  kernel::Machine& machine() { return *machine_; }
  devices::vga::Vga& vga() { return *vga_; }
  // The real-mode PC that ran POST (its RAM holds the IVT and the BIOS data area).
  pc::Pc& pc() { return *pc_; }
  const PlatformOptions& options() const { return options_; }
  // Instructions POST executed (init plus the mode set), for reports and benchmarks; the same
  // when the platform was restored from a snapshot.
  std::uint64_t post_instructions() const { return post_instructions_; }
  PostSource post_source() const { return post_source_; }
  // Why a snapshot file was not used or not written ("" when nothing went wrong), one sentence.
  const std::string& post_note() const { return post_note_; }

  // What POST left, to restore into other platforms; nullopt when POST left something a snapshot
  // cannot hold (a clock event, an asserted interrupt line) or the clock is not virtual. Host
  // thread, right after POST, before any processor has work.
  std::optional<PostSnapshot> capture_post() const;
  // Puts `snapshot` into this platform, which must be fresh (created with options.post false,
  // nothing run on it yet) and have a virtual clock no later than the snapshot's time. Host
  // thread, before any processor has work.
  void restore_post(const PostSnapshot& snapshot);

  // The video mode byte the BIOS data area holds (0040:0049).
  std::uint8_t bios_video_mode() const;

 private:
  explicit PcPlatform(const PlatformOptions& options);
  std::string post();
  std::string run_post();
  // The snapshot for `key` from this process or the cache file `file` (empty: none); nullptr
  // when neither has one, with the reason in post_note_ when it is worth saying.
  std::shared_ptr<const PostSnapshot> find_snapshot(const PostKey& key, const std::filesystem::path& file);

  PlatformOptions options_;
  std::unique_ptr<kernel::Machine> machine_;
  std::unique_ptr<devices::vga::Vga> vga_;
  std::unique_ptr<pc::Pc> pc_;
  std::uint64_t post_instructions_ = 0;
  PostSource post_source_ = PostSource::None;
  std::string post_note_;
};

}  // namespace vidport::platform
