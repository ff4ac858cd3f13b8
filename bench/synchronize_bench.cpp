// The VideoPortSynchronizeExecution fast path against what it cannot be cheaper than: a raw
// test-and-test-and-set spin lock around the same routine called through a function pointer.
// Measured on the shipped build, hooks compiled in, from a virtual processor.
#include <benchmark/benchmark.h>

#include <video.h>

#include <atomic>
#include <mutex>

#include "kernel/machine.h"
#include "videoport/adapter.h"

namespace {

using namespace vidport;

BOOLEAN bump(PVOID context) {
  ++*static_cast<std::uint64_t*>(context);
  return TRUE;
}

BOOLEAN idle_isr(PVOID) { return FALSE; }

// Runs the benchmark loop on processor 0 of a machine with an ISR connected on line 9 that never
// fires: the uncontended case every miniport hits on each call.
void BM_SynchronizeMediumWithIsr(benchmark::State& state) {
  kernel::MachineConfig config;
  config.processors = 1;
  kernel::Machine machine(config);
  videoport::Adapter adapter(machine, 64, "bench");
  adapter.connect_interrupt(9, kernel::InterruptMode::LevelSensitive, false, &idle_isr);
  std::uint64_t counter = 0;
  void* extension = adapter.extension();
  machine.run_on(0, [&] {
    for (auto _ : state) {
      VideoPortSynchronizeExecution(extension, VpMediumPriority, &bump, &counter);
    }
  });
  benchmark::DoNotOptimize(counter);
}
BENCHMARK(BM_SynchronizeMediumWithIsr)->UseRealTime();

// The floor: lock a raw TTAS spin lock, call the same routine through a pointer the compiler
// cannot see through, unlock.
// Measured on a virtual processor's thread too, so both sides run on the same kind of thread.
void BM_BaselineSpinLockCall(benchmark::State& state) {
  kernel::MachineConfig config;
  config.processors = 1;
  kernel::Machine machine(config);
  std::atomic<bool> lock{false};
  BOOLEAN (*volatile routine)(PVOID) = &bump;
  std::uint64_t counter = 0;
  machine.run_on(0, [&] {
    for (auto _ : state) {
      while (lock.exchange(true, std::memory_order_acquire)) {
        while (lock.load(std::memory_order_relaxed)) __builtin_ia32_pause();
      }
      routine(&counter);
      lock.store(false, std::memory_order_release);
    }
  });
  benchmark::DoNotOptimize(counter);
}
BENCHMARK(BM_BaselineSpinLockCall)->UseRealTime();

void BM_StdMutexLockUnlock(benchmark::State& state) {
  std::mutex mutex;
  for (auto _ : state) {
    mutex.lock();
    benchmark::ClobberMemory();
    mutex.unlock();
  }
}
BENCHMARK(BM_StdMutexLockUnlock)->UseRealTime();

// A virtual processor's IRQL raise and lower with nothing pending: the price of the model itself.
void BM_IrqlRaiseLower(benchmark::State& state) {
  kernel::MachineConfig config;
  config.processors = 1;
  kernel::Machine machine(config);
  machine.run_on(0, [&] {
    kernel::Processor& p = *kernel::current_processor();
    for (auto _ : state) {
      kernel::Irql old = p.raise_irql(kernel::kDispatchLevel);
      benchmark::ClobberMemory();
      p.lower_irql(old);
    }
  });
}
BENCHMARK(BM_IrqlRaiseLower)->UseRealTime();

}  // namespace
