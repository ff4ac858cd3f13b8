// DPCs: queued from the ISR, they run at DISPATCH_LEVEL after it on the same processor; one slot
// per device; never concurrently with themselves.
#include <gtest/gtest.h>

#include "rig.h"

namespace vidport::testing {
namespace {

struct DpcState {
  std::atomic<int> isr_processor{-1};
  std::atomic<bool> isr_done{false};
  std::atomic<BOOLEAN> first_queue{FALSE}, second_queue{TRUE};
  std::atomic<int> dpc_processor{-1};
  std::atomic<UCHAR> dpc_irql{0xFF};
  std::atomic<bool> dpc_saw_isr_done{false};
  std::atomic<kernel::ContextKind> dpc_context{kernel::ContextKind::Passive};
  std::atomic<void*> dpc_extension{nullptr}, dpc_context_arg{nullptr};
  std::atomic<int> dpc_runs{0};
  std::atomic<int> active{0}, max_active{0};
  std::atomic<std::uint64_t> queued_ok{0};
};

DpcState* state_of(void* extension) { return *static_cast<DpcState**>(extension); }

VOID recording_dpc(PVOID extension, PVOID context) {
  DpcState* s = state_of(extension);
  s->dpc_processor = static_cast<int>(kernel::current_processor()->index());
  s->dpc_irql = VideoPortGetCurrentIrql();
  s->dpc_context = kernel::current_processor()->context();
  s->dpc_saw_isr_done = s->isr_done.load();
  s->dpc_extension = extension;
  s->dpc_context_arg = context;
  s->dpc_runs.fetch_add(1);
}

BOOLEAN isr_queuing_twice(PVOID extension) {
  DpcState* s = state_of(extension);
  s->isr_processor = static_cast<int>(kernel::current_processor()->index());
  s->first_queue = VideoPortQueueDpc(extension, &recording_dpc, reinterpret_cast<PVOID>(0x1234));
  s->second_queue = VideoPortQueueDpc(extension, &recording_dpc, reinterpret_cast<PVOID>(0x5678));
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);
  s->isr_done = true;
  return TRUE;
}

// Scenario: the ISR queues a DPC, then queues it again while the first is still pending.
// Expected: TRUE then FALSE; the DPC runs once, after the ISR returned, on the ISR's processor, at
// DISPATCH_LEVEL in the Dpc context, with the device extension and the first request's Context.
TEST(Dpc, QueuedFromIsrRunsAfterItAtDispatchOnSameProcessor) {
  DpcState s;
  Rig rig;
  *static_cast<DpcState**>(rig.extension()) = &s;
  ASSERT_TRUE(rig.connect(&isr_queuing_twice));
  rig.machine.interrupts().set_affinity(kLine, 1u << 1);
  rig.device.raise();
  ASSERT_TRUE(spin_until([&] { return s.dpc_runs.load() == 1; }));
  // Give a wrongly queued second request every chance to run before counting.
  rig.machine.pass_time_until(rig.machine.clock().now() + kernel::kMillisecond);
  EXPECT_EQ(s.first_queue.load(), TRUE);
  EXPECT_EQ(s.second_queue.load(), FALSE);
  EXPECT_EQ(s.dpc_runs.load(), 1);
  EXPECT_EQ(s.dpc_processor.load(), s.isr_processor.load());
  EXPECT_EQ(s.dpc_processor.load(), 1);
  EXPECT_EQ(s.dpc_irql.load(), 2);
  EXPECT_EQ(s.dpc_context.load(), kernel::ContextKind::Dpc);
  EXPECT_TRUE(s.dpc_saw_isr_done.load());
  EXPECT_EQ(s.dpc_extension.load(), rig.extension());
  EXPECT_EQ(s.dpc_context_arg.load(), reinterpret_cast<PVOID>(0x1234));
  EXPECT_EQ(rig.adapter.dpc().dropped(), 1u);
}

VOID exclusive_dpc(PVOID extension, PVOID) {
  DpcState* s = state_of(extension);
  int now = s->active.fetch_add(1) + 1;
  int seen = s->max_active.load();
  while (now > seen && !s->max_active.compare_exchange_weak(seen, now)) {
  }
  for (int i = 0; i < 200; ++i) __builtin_ia32_pause();
  s->active.fetch_sub(1);
  s->dpc_runs.fetch_add(1);
}

BOOLEAN isr_queuing_exclusive(PVOID extension) {
  DpcState* s = state_of(extension);
  if (VideoPortQueueDpc(extension, &exclusive_dpc, nullptr)) s->queued_ok.fetch_add(1);
  VideoPortWritePortUchar(reinterpret_cast<PUCHAR>(std::uintptr_t{kBase}), 0);
  return TRUE;
}

BOOLEAN queue_from_callback(PVOID extension) {
  DpcState* s = state_of(extension);
  if (VideoPortQueueDpc(extension, &exclusive_dpc, nullptr)) s->queued_ok.fetch_add(1);
  return TRUE;
}

// Scenario: the device's ISR runs on processor 1 and queues the one DPC there; meanwhile
// processor 0 queues the same DPC on itself from VpLowPriority callbacks (DISPATCH_LEVEL) and
// raises the next interrupt. The DPC lingers a little. Expected: thousands of DPC runs on both
// processors, never two at once, and every successfully queued request runs.
TEST(Dpc, NeverRunsConcurrentlyWithItself) {
  DpcState s;
  Rig rig;
  *static_cast<DpcState**>(rig.extension()) = &s;
  ASSERT_TRUE(rig.connect(&isr_queuing_exclusive));
  rig.machine.interrupts().set_affinity(kLine, 1u << 1);
  ASSERT_TRUE(run_with_deadline(rig.machine, 0, [&] {
    for (int i = 0; i < 10'000'000 && s.dpc_runs.load() < 2000; ++i) {
      VideoPortSynchronizeExecution(rig.extension(), VpLowPriority, &queue_from_callback, rig.extension());
      VideoPortWritePortUchar(rig.port(devices::PulseDevice::kRaise), 1);
    }
  }));
  ASSERT_TRUE(spin_until([&] { return static_cast<std::uint64_t>(s.dpc_runs.load()) == s.queued_ok.load(); }));
  EXPECT_GE(s.dpc_runs.load(), 2000);
  EXPECT_EQ(s.max_active.load(), 1);
  EXPECT_GT(rig.machine.processor(0).dpcs_run(), 0u);
  EXPECT_GT(rig.machine.processor(1).dpcs_run(), 0u);
}

}  // namespace
}  // namespace vidport::testing
