// What a user sees of a finding: the bugcheck-like text and the JSON object.
#include <gtest/gtest.h>

#include "findings/finding_format.h"

namespace vidport::testing {
namespace {

extern "C" __attribute__((noinline)) int vidport_test_named_function(int x) { return x * 3 + 1; }

// Scenario: a fatal nested-deadlock finding with both call sites in this test binary.
// Expected: the text block opens with STOP and the stable title, shows processor, IRQL name and
// context, and both sites resolved to module+offset (symbol+offset); JSON carries the same data.
TEST(FindingFormat, TextAndJsonShowBothSitesResolved) {
  findings::Finding f;
  f.kind = findings::FindingKind::SyncNestedDeadlock;
  f.severity = findings::Severity::Fatal;
  f.processor = 1;
  f.irql = 11;
  f.context = kernel::ContextKind::Isr;
  f.message = "nested call";
  auto base = reinterpret_cast<std::uintptr_t>(&vidport_test_named_function);
  f.site = findings::resolve_call_site(base + 4);
  f.other_site = findings::resolve_call_site(base);
  f.other_site_role = "ISR holding the lock";

  std::string text = findings::format_text(f);
  EXPECT_EQ(text.rfind("*** STOP: SYNC_NESTED_DEADLOCK (sync-nested-deadlock)", 0), 0u) << text;
  EXPECT_NE(text.find("processor 1   IRQL 11 (DIRQL)   context isr"), std::string::npos) << text;
  EXPECT_NE(text.find("(vidport_test_named_function+0x4)"), std::string::npos) << text;
  EXPECT_NE(text.find("ISR holding the lock"), std::string::npos) << text;
  EXPECT_NE(text.find("kernel_tests+0x"), std::string::npos) << text;

  nlohmann::json j = findings::to_json(f);
  EXPECT_EQ(j["kind"], "sync-nested-deadlock");
  EXPECT_EQ(j["severity"], "fatal");
  EXPECT_EQ(j["context"], "isr");
  EXPECT_EQ(j["site"]["symbol"], "vidport_test_named_function");
  EXPECT_EQ(j["site"]["symbol_offset"], "0x4");
  EXPECT_EQ(j["other_site_role"], "ISR holding the lock");
}

// Negative control: a non-fatal finding off any processor says FINDING, not STOP, and says that
// it did not come from a virtual processor.
TEST(FindingFormat, NonFatalFindingOffProcessor) {
  findings::Finding f;
  f.kind = findings::FindingKind::InterruptStorm;
  f.message = "storm";
  f.count = 3;
  std::string text = findings::format_text(f);
  EXPECT_EQ(text.rfind("*** FINDING: INTERRUPT_STORM (interrupt-storm)  x3", 0), 0u) << text;
  EXPECT_NE(text.find("not on a virtual processor"), std::string::npos);
}

}  // namespace
}  // namespace vidport::testing
