// The VideoPort calls added for hosting, called the way a miniport calls them: from
// HwVidFindAdapter on a virtual processor, registered through VideoPortInitialize. Each test
// checks what the miniport gets back and the findings a user would read, with its negative
// control (the same call made correctly records nothing).
#include <gtest/gtest.h>

#include <video.h>

#include <cstring>
#include <functional>

#include "kernel/machine.h"
#include "videoport/device_windows.h"
#include "videoport/port_driver.h"

namespace vidport::videoport {
namespace {

// The body of HwVidFindAdapter for the current test (a test is a "miniport" of one routine).
std::function<void(PVOID extension)> g_find_adapter_body;

VP_STATUS find_adapter(PVOID extension, PVOID, PWSTR, PVIDEO_PORT_CONFIG_INFO, PUCHAR again) {
  g_find_adapter_body(extension);
  *again = FALSE;
  return NO_ERROR;
}

BOOLEAN start_io(PVOID, PVIDEO_REQUEST_PACKET packet) {
  packet->StatusBlock->Status = ERROR_INVALID_FUNCTION;
  return TRUE;
}

// Runs `body` as the HwVidFindAdapter of a miniport registered on a fresh machine and port
// driver configured with `config`; returns the machine's findings.
struct Hosted {
  explicit Hosted(PortDriverConfig config = {}) : machine(kernel::MachineConfig{}), driver(machine, std::move(config)) {}

  ULONG run(std::function<void(PVOID)> body) {
    g_find_adapter_body = std::move(body);
    VIDEO_HW_INITIALIZATION_DATA init{};
    init.HwInitDataSize = sizeof init;
    init.AdapterInterfaceType = Isa;
    init.HwFindAdapter = find_adapter;
    init.HwStartIO = start_io;
    init.HwDeviceExtensionSize = 64;
    ULONG status = ~0u;
    EXPECT_TRUE(machine.run_on(0, [&] { status = VideoPortInitialize(nullptr, nullptr, &init, nullptr); }));
    return status;
  }

  kernel::Machine machine;
  PortDriver driver;
};

VP_STATUS copy_dword(PVOID, PVOID context, PWSTR, PVOID data, ULONG length) {
  if (length != 4) return ERROR_INVALID_PARAMETER;
  std::memcpy(context, data, 4);
  return NO_ERROR;
}

// Scenario: a miniport reads a run parameter, overrides it with VideoPortSetRegistryParameters,
// reads it again, and asks for a value that does not exist.
TEST(HostingCalls, RegistryParametersComeFromTheRunAndRecordWrites) {
  PortDriverConfig config;
  config.parameters.push_back(RegistryValue{"Speed", RegistryType::Dword, {7, 0, 0, 0}});
  Hosted h(std::move(config));
  ULONG first = 0, second = 0, missing = 0;
  VP_STATUS missing_status = NO_ERROR;
  ASSERT_EQ(h.run([&](PVOID ext) {
              char16_t speed[] = u"speed";  // names match case-insensitively
              VideoPortGetRegistryParameters(ext, reinterpret_cast<PWSTR>(speed), FALSE, copy_dword, &first);
              ULONG nine = 9;
              VideoPortSetRegistryParameters(ext, reinterpret_cast<PWSTR>(speed), &nine, sizeof nine);
              VideoPortGetRegistryParameters(ext, reinterpret_cast<PWSTR>(speed), FALSE, copy_dword, &second);
              char16_t other[] = u"Other";
              missing_status = VideoPortGetRegistryParameters(ext, reinterpret_cast<PWSTR>(other), FALSE, copy_dword,
                                                              &missing);
            }),
            static_cast<ULONG>(NO_ERROR));
  EXPECT_EQ(first, 7u);
  EXPECT_EQ(second, 9u);
  EXPECT_EQ(missing_status, ERROR_INVALID_PARAMETER);
  ASSERT_EQ(h.driver.adapters().size(), 1u);
  auto writes = h.driver.registry_writes(*h.driver.adapters()[0]);
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].name, "speed");
  EXPECT_EQ(h.machine.findings().size(), 0u);
}

// Scenario: a registry call made at DISPATCH_LEVEL is an IRQL finding; the same call at
// PASSIVE_LEVEL (the negative control) records nothing.
TEST(HostingCalls, PassiveOnlyCallAtDispatchLevelIsAFinding) {
  for (bool raise : {false, true}) {
    Hosted h;
    h.run([&](PVOID ext) {
      kernel::Processor& p = *kernel::current_processor();
      kernel::Irql old = raise ? p.raise_irql(kernel::kDispatchLevel) : p.irql();
      char16_t name[] = u"X";
      VideoPortGetRegistryParameters(ext, reinterpret_cast<PWSTR>(name), FALSE, copy_dword, nullptr);
      if (raise) p.lower_irql(old);
    });
    EXPECT_EQ(h.machine.findings().count(findings::FindingKind::IrqlViolation), raise ? 1u : 0u) << raise;
  }
}

// One call site, as a miniport's error path: folding is per site, error code and UniqueId. (A loop
// would not do, a compiler may unroll it into several sites; and the call must not be a tail
// call, or the site would be this function's caller.)
[[gnu::noinline]] void log_error_from_one_site(PVOID extension, VP_STATUS code) {
  VideoPortLogError(extension, nullptr, code, 0x1234);
  asm volatile("" ::: "memory");
}

// Scenario: a miniport logs the same error twice and another once (VideoPortLogError) from one
// call site, then
// prints more debug lines than the log keeps. Expected: two miniport-logged-error findings, the
// repeated one with count 2, both in the log too; the log keeps its first kMaxLogEntries lines
// and counts the rest.
TEST(HostingCalls, LoggedErrorsAreFindingsAndTheLogIsCapped) {
  Hosted h;
  const std::size_t extra = 25;
  h.run([&](PVOID ext) {
    log_error_from_one_site(ext, ERROR_INVALID_PARAMETER);
    log_error_from_one_site(ext, ERROR_INVALID_PARAMETER);
    log_error_from_one_site(ext, ERROR_NOT_ENOUGH_MEMORY);
    for (std::size_t i = 0; i < PortDriver::kMaxLogEntries + extra; ++i) {
      VideoPortDebugPrint(Info, const_cast<PSTR>("line %lu\n"), static_cast<ULONG>(i));
    }
  });
  std::vector<findings::Finding> logged;
  for (const findings::Finding& f : h.machine.findings().snapshot()) {
    if (f.kind == findings::FindingKind::MiniportLoggedError) logged.push_back(f);
  }
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_EQ(logged[0].count, 2u);
  EXPECT_NE(logged[0].message.find("error 0x57, unique id 0x00001234"), std::string::npos) << logged[0].message;
  EXPECT_EQ(logged[1].count, 1u);
  EXPECT_NE(logged[1].message.find("error 0x8"), std::string::npos) << logged[1].message;
  const std::vector<LogEntry> log = h.driver.log_entries();
  ASSERT_EQ(log.size(), PortDriver::kMaxLogEntries);
  EXPECT_EQ(log[0].source, "log-error");
  EXPECT_EQ(log[3].text, "line 0");  // the log keeps lines without their newline
  // 3 logged errors + kMaxLogEntries + extra lines, of which kMaxLogEntries were kept.
  EXPECT_EQ(h.driver.log_dropped(), 3 + extra);
}

// Scenario: pool blocks go back with VideoPortFreePool; freeing a pointer the pool never gave
// out is a finding instead of heap corruption.
TEST(HostingCalls, FreeingAForeignPointerIsAFinding) {
  Hosted h;
  int on_stack = 0;
  h.run([&](PVOID ext) {
    void* block = VideoPortAllocatePool(ext, VpNonPagedPool, 100, 0x74736554);  // tag "Test"
    ASSERT_NE(block, nullptr);
    std::memset(block, 0xab, 100);
    VideoPortFreePool(ext, block);
  });
  EXPECT_EQ(h.machine.findings().size(), 0u);
  h.run([&](PVOID ext) { VideoPortFreePool(ext, &on_stack); });
  EXPECT_EQ(h.machine.findings().count(findings::FindingKind::InvalidParameter), 1u);
}

// Scenario: every service VideoPortQueryServices knows answers ERROR_INVALID_PARAMETER, since
// none is implemented yet.
TEST(HostingCalls, QueryServicesProvidesNothingYet) {
  Hosted h;
  std::vector<VP_STATUS> results;
  h.run([&](PVOID ext) {
    for (int s = VideoPortServicesAGP; s <= VideoPortServicesWCMemoryProtection; ++s) {
      INTERFACE iface{};
      results.push_back(VideoPortQueryServices(ext, static_cast<VIDEO_PORT_SERVICES>(s), &iface));
    }
  });
  ASSERT_EQ(results.size(), 6u);
  for (VP_STATUS r : results) EXPECT_EQ(r, ERROR_INVALID_PARAMETER);
}

// Scenario: a device window stands for bus addresses (register accessors translate it) while a
// RAM range is plain memory whose two mappings alias.
TEST(DeviceWindows, DeviceWindowsTranslateAndRamAliases) {
  DeviceWindows& windows = DeviceWindows::instance();
  auto* device = static_cast<unsigned char*>(windows.map(0xA0000, 0x10000, true));
  ASSERT_NE(device, nullptr);
  EXPECT_EQ(windows.translate_device(device + 0x10), std::optional<std::uint64_t>(0xA0010));
  auto* a = static_cast<unsigned char*>(windows.map(0xE0001000, 4096, false));
  auto* b = static_cast<unsigned char*>(windows.map(0xE0001000, 4096, false));
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(windows.translate_device(a), std::nullopt);  // RAM: no translation
  a[123] = 0x5a;
  EXPECT_EQ(b[123], 0x5a);
  EXPECT_TRUE(windows.unmap(device));
  EXPECT_TRUE(windows.unmap(a));
  EXPECT_TRUE(windows.unmap(b));
  EXPECT_FALSE(windows.unmap(a));
  EXPECT_EQ(windows.find(reinterpret_cast<std::uintptr_t>(device)), std::nullopt);
}

}  // namespace
}  // namespace vidport::videoport
