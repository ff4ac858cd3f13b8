// One adapter as VideoPort sees it: the miniport's device extension, its interrupt object, its
// DPC slot and its timer. Every VideoPort call that takes a HwDeviceExtension finds its adapter
// here in O(1): the extension is allocated right after a small header that points back.
//
// Rules for adapters:
// - Create and connect on the host side before the miniport runs; destroy after it stopped.
// - The extension is zero-filled and 16-byte aligned, HwDeviceExtensionSize bytes long.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kernel/dpc.h"
#include "kernel/interrupt_object.h"
#include "kernel/timer.h"

namespace vidport::kernel {
class Machine;
}

namespace vidport::videoport {

struct HostedAdapter;

class Adapter {
 public:
  Adapter(kernel::Machine& machine, std::size_t extension_size, std::string name);
  ~Adapter();
  Adapter(const Adapter&) = delete;
  Adapter& operator=(const Adapter&) = delete;

  // The adapter owning `extension`, or nullptr when `extension` is not a device extension that
  // VideoPort allocated (NULL, or a pointer into the middle of one).
  static Adapter* from_extension(const void* extension) {
    if (extension == nullptr) return nullptr;
    const Header* header = static_cast<const Header*>(extension) - 1;
    return header->magic == kMagic ? header->adapter : nullptr;
  }

  // The synchronize fast path's lookup: false when `extension` is not a device extension;
  // otherwise `*interrupt` is the connected interrupt object or nullptr. The header right before
  // the extension keeps the pointer, so no Adapter object is touched.
  static bool interrupt_of_extension(const void* extension, kernel::InterruptObject** interrupt) {
    if (extension == nullptr) return false;
    const Header* header = static_cast<const Header*>(extension) - 1;
    *interrupt = header->interrupt;
    return header->magic == kMagic;
  }

  void* extension() const { return extension_; }
  std::size_t extension_size() const { return extension_size_; }
  kernel::Machine& machine() const { return machine_; }
  const std::string& name() const { return name_; }

  // Connects the miniport's ISR on `line` with the line's documented DIRQL. `blame` is the
  // miniport's own HwVidInterrupt when `isr` is a host trampoline around it (for findings). Returns false if the
  // controller refuses (line in use and not shareable, modes differ) or one is connected already.
  bool connect_interrupt(unsigned line, kernel::InterruptMode mode, bool shareable,
                         kernel::ServiceRoutine isr, std::uintptr_t blame = 0);
  void disconnect_interrupt();
  // Waits until the adapter's DPC is neither queued nor running (or the machine halted). Any
  // thread; on a processor thread, below DISPATCH_LEVEL so a DPC queued there can run.
  void flush_dpc();
  // The connected interrupt object, or nullptr.
  kernel::InterruptObject* interrupt() const { return reinterpret_cast<const Header*>(block_)->interrupt; }

  kernel::Dpc& dpc() { return dpc_; }

  // HwVidTimer, set before VideoPortStartTimer can work; nullptr when the miniport has none.
  void set_timer_routine(kernel::TimerRoutine routine);
  kernel::DeviceTimer* timer() const { return timer_.get(); }

  // What the port driver knows about this adapter (its miniport's entry points, configuration,
  // claims); nullptr for adapters a test builds by hand. Set once, before the miniport runs.
  void set_hosted(HostedAdapter* hosted) { hosted_ = hosted; }
  HostedAdapter* hosted() const { return hosted_; }

  // Objects the miniport created through VideoPort (spin locks, events). The adapter owns them:
  // forget() frees one when the miniport deletes it; whatever is left goes with the adapter, as
  // the port driver frees a driver's objects when it unloads. PASSIVE_LEVEL callers only.
  void adopt(std::shared_ptr<void> object);
  bool forget(const void* object);

 private:
  std::mutex owned_mutex_;
  std::vector<std::shared_ptr<void>> owned_;  // guarded by owned_mutex_
  static constexpr std::uint64_t kMagic = 0x7669647061646170ull;  // "vidpadap"
  struct alignas(16) Header {
    Adapter* adapter;
    kernel::InterruptObject* interrupt;  // the connected interrupt object or nullptr: next to the magic for the fast path
    std::uint64_t magic;
  };
  Header& header() { return *reinterpret_cast<Header*>(block_); }

  kernel::Machine& machine_;
  std::string name_;
  std::size_t extension_size_;
  unsigned char* block_;
  void* extension_;
  std::unique_ptr<kernel::InterruptObject> interrupt_;  // owns the object; header().interrupt says whether it is connected
  kernel::Dpc dpc_;
  std::unique_ptr<kernel::DeviceTimer> timer_;
  HostedAdapter* hosted_ = nullptr;
};

}  // namespace vidport::videoport
