// What a user sees of a finding: the bugcheck-like text and the JSON object, both sides of it,
// and code addresses as module + offset + symbol only.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <regex>

#include "findings/finding_format.h"

namespace vidport::testing {
namespace {

extern "C" __attribute__((noinline)) int vidport_test_named_function(int x) { return x * 3 + 1; }

// A deadlock finding as the synchronize path makes one: the nested call in an ISR holding its own
// interrupt lock (primary) and the ISR that took that lock (second side).
findings::Finding two_sided_deadlock() {
  auto base = reinterpret_cast<std::uintptr_t>(&vidport_test_named_function);
  findings::Finding f;
  f.kind = findings::FindingKind::SyncNestedDeadlock;
  f.severity = findings::Severity::Fatal;
  f.time = 1'250'000;
  f.message = "nested call";
  f.primary.processor = 1;
  f.primary.irql = 11;
  f.primary.context = kernel::ContextKind::Isr;
  f.primary.site = findings::CallSite::at(base + 4);
  findings::HeldLock lock;
  lock.kind = findings::HeldLock::Kind::InterruptLock;
  lock.line = 9;
  lock.dirql = 11;
  lock.taken_at = findings::CallSite::at(base);
  f.primary.locks.push_back(lock);
  f.other.emplace();
  f.other->processor = 1;
  f.other->irql = 11;
  f.other->context = kernel::ContextKind::Isr;
  f.other->site = findings::CallSite::at(base);
  f.other_role = "ISR holding the lock";
  findings::resolve_sites(f);
  return f;
}

// An absolute host address (above 4 GiB, where the loader puts modules, heap and stacks).
const std::regex kAbsoluteAddress("0x[0-9a-f]{9,}");

// Scenario: a fatal nested-deadlock finding with both sides in this test binary.
// Expected: the text block opens with STOP and the stable title, shows each side's processor,
// IRQL name, context and site resolved to module+offset (symbol+offset), the lock the primary
// side holds with where it was taken, and the second side under its role; JSON carries the same
// data as "primary" and "other". Neither shows an absolute address.
TEST(FindingFormat, TextAndJsonShowBothSides) {
  findings::Finding f = two_sided_deadlock();

  std::string text = findings::format_text(f);
  EXPECT_EQ(text.rfind("*** STOP: SYNC_NESTED_DEADLOCK (sync-nested-deadlock)", 0), 0u) << text;
  EXPECT_NE(text.find("processor 1   IRQL 11 (DIRQL)   context isr   clock 1.250000 ms"), std::string::npos) << text;
  EXPECT_NE(text.find("(vidport_test_named_function+0x4)"), std::string::npos) << text;
  EXPECT_NE(text.find("holding       interrupt lock of line 9 (DIRQL 11) taken at kernel_tests+0x"), std::string::npos)
      << text;
  const std::size_t role = text.find("  ISR holding the lock:\n  processor 1   IRQL 11 (DIRQL)   context isr\n");
  ASSERT_NE(role, std::string::npos) << text;
  EXPECT_NE(text.find("(vidport_test_named_function+0x0)", role), std::string::npos) << text;
  EXPECT_FALSE(std::regex_search(text, kAbsoluteAddress)) << text;

  nlohmann::json j = findings::to_json(f);
  EXPECT_EQ(j["kind"], "sync-nested-deadlock");
  EXPECT_EQ(j["severity"], "fatal");
  EXPECT_EQ(j["primary"]["context"], "isr");
  EXPECT_EQ(j["primary"]["site"]["symbol"], "vidport_test_named_function");
  EXPECT_EQ(j["primary"]["site"]["symbol_offset"], "0x4");
  EXPECT_EQ(j["primary"]["site"]["module"], "kernel_tests");
  EXPECT_FALSE(j["primary"]["site"].contains("address"));
  ASSERT_EQ(j["primary"]["locks"].size(), 1u);
  EXPECT_EQ(j["primary"]["locks"][0]["kind"], "interrupt-lock");
  EXPECT_EQ(j["primary"]["locks"][0]["line"], 9);
  EXPECT_EQ(j["primary"]["locks"][0]["taken_at"]["symbol"], "vidport_test_named_function");
  EXPECT_EQ(j["other"]["role"], "ISR holding the lock");
  EXPECT_EQ(j["other"]["site"]["symbol_offset"], "0x0");
  EXPECT_EQ(j["other"]["context"], "isr");
  EXPECT_FALSE(std::regex_search(j.dump(), kAbsoluteAddress)) << j.dump(2);
}

// Scenario: the seams the race detector will fill: a memory description and each side's access.
// Expected: the text names the memory and "write of 4 bytes" / "atomic read of 1 byte"; the JSON
// has them as "memory" and "access".
TEST(FindingFormat, MemoryAccessesArePrinted) {
  findings::Finding f = two_sided_deadlock();
  f.memory = "offset 0x10 of the device extension";
  f.primary.access = findings::AccessInfo{true, 4, false};
  f.other->access = findings::AccessInfo{false, 1, true};
  std::string text = findings::format_text(f);
  EXPECT_NE(text.find("  memory: offset 0x10 of the device extension\n"), std::string::npos) << text;
  EXPECT_NE(text.find("access        write of 4 bytes\n"), std::string::npos) << text;
  EXPECT_NE(text.find("access        atomic read of 1 byte\n"), std::string::npos) << text;
  nlohmann::json j = findings::to_json(f);
  EXPECT_EQ(j["memory"], "offset 0x10 of the device extension");
  EXPECT_EQ(j["primary"]["access"]["type"], "write");
  EXPECT_EQ(j["other"]["access"]["atomic"], true);
}

// Negative control: a non-fatal finding off any processor says FINDING, not STOP, says that it did
// not come from a virtual processor, and has no second side.
TEST(FindingFormat, NonFatalFindingOffProcessor) {
  findings::Finding f;
  f.kind = findings::FindingKind::InterruptStorm;
  f.message = "storm";
  f.count = 3;
  std::string text = findings::format_text(f);
  EXPECT_EQ(text.rfind("*** FINDING: INTERRUPT_STORM (interrupt-storm)  x3", 0), 0u) << text;
  EXPECT_NE(text.find("not on a virtual processor"), std::string::npos);
  EXPECT_EQ(text.find("holding"), std::string::npos) << text;
  nlohmann::json j = findings::to_json(f);
  EXPECT_TRUE(j["other"].is_null());
  EXPECT_TRUE(j["primary"]["site"].is_null());
}

// Scenario: a code address no module holds (a heap address standing in for generated code).
// Expected: it is named as such, never printed as the absolute address.
TEST(FindingFormat, UnresolvableSiteIsNotPrintedAsAnAddress) {
  auto heap = std::make_unique<int>(0);
  findings::CallSite site = findings::resolve_call_site(reinterpret_cast<std::uintptr_t>(heap.get()));
  EXPECT_EQ(site.describe(), "code outside every module");
  EXPECT_EQ(findings::to_json(site)["module"], "");
}

// The miniport-side chain for the stack test: vidport_test_stack_outer calls
// vidport_test_stack_middle, which "calls VideoPort" (vidport_test_stack_capture). Stores after
// each call keep the compiler from turning them into tail jumps.
std::atomic<int> g_depth{0};
extern "C" __attribute__((noinline)) void vidport_test_stack_capture(findings::AccessSide* side) {
  side->site = findings::CallSite::at(reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)));
  side->stack = findings::capture_stack();
  g_depth.fetch_add(1);
}
extern "C" __attribute__((noinline)) void vidport_test_stack_middle(findings::AccessSide* side) {
  vidport_test_stack_capture(side);
  g_depth.fetch_add(1);
}
extern "C" __attribute__((noinline)) void vidport_test_stack_outer(findings::AccessSide* side) {
  vidport_test_stack_middle(side);
  g_depth.fetch_add(1);
}

// Scenario: a side captured inside a call made by vidport_test_stack_middle, itself called by
// vidport_test_stack_outer. Expected: once resolved, the site is in the middle function and the
// short stack starts with the outer one (the site's own frame is not repeated), all in this
// module, at most kShortStackFrames deep.
TEST(FindingFormat, ShortStackHoldsTheCallersOfTheSite) {
  findings::AccessSide side;
  vidport_test_stack_outer(&side);
  findings::resolve_sites(side);
  EXPECT_EQ(side.site.symbol, "vidport_test_stack_middle");
  ASSERT_FALSE(side.stack.empty());
  EXPECT_LE(side.stack.size(), findings::kShortStackFrames);
  EXPECT_EQ(side.stack[0].symbol, "vidport_test_stack_outer");
  for (const findings::CallSite& frame : side.stack) EXPECT_EQ(frame.module, side.site.module);
}

}  // namespace
}  // namespace vidport::testing
