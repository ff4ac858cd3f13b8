#include "videoport/adapter.h"

#include <cstring>
#include <new>
#include <thread>

#include "kernel/machine.h"
#include "kernel/processor.h"

namespace vidport::videoport {

namespace {
unsigned char* allocate_block(std::size_t bytes) {
  auto* block = static_cast<unsigned char*>(::operator new(bytes, std::align_val_t{16}));
  std::memset(block, 0, bytes);
  return block;
}
}  // namespace

Adapter::Adapter(kernel::Machine& machine, std::size_t extension_size, std::string name)
    : machine_(machine),
      name_(std::move(name)),
      extension_size_(extension_size),
      block_(allocate_block(sizeof(Header) + extension_size)),
      extension_(block_ + sizeof(Header)),
      dpc_(extension_) {
  new (block_) Header{this, nullptr, kMagic};
}

Adapter::~Adapter() {
  timer_.reset();
  disconnect_interrupt();
  flush_dpc();
  reinterpret_cast<Header*>(block_)->magic = 0;
  ::operator delete(block_, std::align_val_t{16});
}

bool Adapter::connect_interrupt(unsigned line, kernel::InterruptMode mode, bool shareable,
                                kernel::ServiceRoutine isr, std::uintptr_t blame) {
  if (interrupt() != nullptr || isr == nullptr) return false;
  auto object = std::make_unique<kernel::InterruptObject>();
  object->line = line;
  object->dirql = kernel::dirql_for_line(line);
  object->mode = mode;
  object->shareable = shareable;
  object->routine = isr;
  object->context = extension_;
  object->blame = blame;
  if (!machine_.interrupts().connect(*object)) return false;
  interrupt_ = std::move(object);
  header().interrupt = interrupt_.get();
  return true;
}

void Adapter::disconnect_interrupt() {
  if (interrupt() == nullptr) return;
  machine_.interrupts().disconnect(*interrupt_);
  header().interrupt = nullptr;
}

void Adapter::flush_dpc() {
  // As a driver's teardown does after disconnecting its interrupt (KeFlushQueuedDpcs): a DPC the
  // last ISR queued may still be pending or running on another processor. On a processor thread,
  // pass preemption points so a DPC queued on this very processor gets delivered too.
  kernel::Processor* self = kernel::current_processor();
  while (!dpc_.idle() && !machine_.halted()) {
    if (self != nullptr) {
      self->preemption_point(kernel::PointKind::SpinWait);
    } else {
      std::this_thread::yield();
    }
  }
}

void Adapter::set_timer_routine(kernel::TimerRoutine routine) {
  timer_ = routine ? std::make_unique<kernel::DeviceTimer>(machine_, extension_, routine) : nullptr;
}

void Adapter::adopt(std::shared_ptr<void> object) {
  std::lock_guard lock(owned_mutex_);
  owned_.push_back(std::move(object));
}

bool Adapter::forget(const void* object) {
  std::shared_ptr<void> doomed;  // destroyed after the lock is released
  std::lock_guard lock(owned_mutex_);
  for (auto it = owned_.begin(); it != owned_.end(); ++it) {
    if (it->get() == object) {
      doomed = std::move(*it);
      owned_.erase(it);
      return true;
    }
  }
  return false;
}

}  // namespace vidport::videoport
