// The VideoPort calls of the export table that no other rig reaches, as the export_probe
// miniport sees them on today's machine: an ISA VGA after the video BIOS's POST (SeaVGABIOS at
// C0000h), no PCI bus, no ACPI, no hardware description tree, no DDC monitor.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <video.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "host/hosted_run.h"

extern "C" {
#include "export_probe.h"
}

namespace vidport::videoport {
namespace {

class ExportProbe : public ::testing::Test {
 protected:
  // A run of export_probe.so; `post` runs the video BIOS's POST first (as `vidport run --v86`).
  void start(bool post) {
    host::RunOptions options;
    options.miniport = std::string(std::getenv("VIDPORT_BINARY_DIR")) + "/tests/videoport/export_probe.so";
    options.full_screen = post;
    run_ = std::make_unique<host::HostedRun>(options);
    ASSERT_TRUE(run_->load());
    ASSERT_TRUE(run_->start());
  }

  // One probe request; returns its output (the request itself must succeed).
  template <typename Out, typename In>
  Out probe(std::uint32_t code, const In& input) {
    std::vector<std::uint8_t> bytes(sizeof(In) > sizeof(Out) ? sizeof(In) : sizeof(Out));
    std::memcpy(bytes.data(), &input, sizeof(In));
    host::RequestResult result = run_->request(0, code, bytes, sizeof(Out), "test");
    EXPECT_EQ(result.record.status, 0u);
    Out out{};
    EXPECT_EQ(result.output.size(), sizeof(Out));
    std::memcpy(&out, result.output.data(), std::min(result.output.size(), sizeof(Out)));
    return out;
  }

  // The run's exit code: 0 means no finding (no rule broken, no invalid parameter).
  int finish() { return run_->finish().exit_code(); }
  // The messages of the run's findings of `kind`, after finish().
  std::vector<std::string> messages(findings::FindingKind kind) {
    std::vector<std::string> found;
    for (const auto& finding : run_->report().findings) {
      if (finding.kind == kind) found.push_back(finding.message);
    }
    return found;
  }

  std::unique_ptr<host::HostedRun> run_;
};

// Scenario: the miniport asks for the hardware description of each kind (as NT4 miniports do for
// monitor or controller data). This machine has none: the callback is never called and the
// status is not NO_ERROR, so the miniport takes its fallback path.
TEST_F(ExportProbe, GetDeviceDataFindsNoDescriptionAndNeverCallsBack) {
  start(false);
  for (ULONG type : {VpMachineData, VpCmosData, VpBusData, VpControllerData, VpMonitorData}) {
    auto data = probe<PROBE_DEVICE_DATA>(IOCTL_PROBE_GET_DEVICE_DATA, type);
    EXPECT_EQ(data.Status, ERROR_DEV_NOT_EXIST) << "type " << type;
    EXPECT_EQ(data.CallbackCalls, 0u) << "type " << type;
  }
  EXPECT_EQ(finish(), 0);
}

// Scenario: the miniport asks for its children to be enumerated again; the documented result is
// NO_ERROR, and the request is counted on the adapter.
TEST_F(ExportProbe, EnumerateChildrenSucceeds) {
  start(false);
  EXPECT_EQ(probe<LONG>(IOCTL_PROBE_ENUMERATE_CHILDREN, 0), NO_ERROR);
  EXPECT_EQ(probe<LONG>(IOCTL_PROBE_ENUMERATE_CHILDREN, 0), NO_ERROR);
  EXPECT_EQ(finish(), 0);
}

// Scenario: HwVidGetVideoChildDescriptor-style EDID read with nothing on the DDC lines (today's
// machine has no DDC monitor): the address byte is never acknowledged, the call returns FALSE and
// the buffer is left alone.
TEST_F(ExportProbe, DdcWithoutMonitorReturnsFalse) {
  start(false);
  auto out = probe<PROBE_DDC_OUTPUT>(IOCTL_PROBE_DDC, PROBE_DDC_INPUT{PROBE_NO_MONITOR, 256});
  EXPECT_EQ(out.Result, 0u);
  EXPECT_EQ(out.Edid[0], 0xEE);
  EXPECT_EQ(finish(), 0);
}

// Positive control of the DDC master: with an EDID EEPROM on the simulated bus, the helper reads
// all 256 bytes exactly as the monitor holds them and returns TRUE; a block-0 checksum error
// makes it FALSE.
TEST_F(ExportProbe, DdcReadsTheEdidOfAnAttachedMonitor) {
  start(false);
  auto good = probe<PROBE_DDC_OUTPUT>(IOCTL_PROBE_DDC, PROBE_DDC_INPUT{PROBE_MONITOR, 256});
  EXPECT_EQ(good.Result, 1u);
  EXPECT_EQ(std::memcmp(good.Edid, good.Monitor, 256), 0);
  auto corrupt = probe<PROBE_DDC_OUTPUT>(IOCTL_PROBE_DDC, PROBE_DDC_INPUT{PROBE_MONITOR_CORRUPT, 128});
  EXPECT_EQ(corrupt.Result, 0u);
  EXPECT_EQ(std::memcmp(corrupt.Edid, corrupt.Monitor, 128), 0);  // read, then refused
  EXPECT_EQ(corrupt.Edid[128], 0xEE);                             // no more than asked for
  EXPECT_EQ(finish(), 0);
}

// Scenario: the miniport's own line callback crashes inside VideoPortDDCMonitorHelper. The
// callback is a miniport routine called with a landing, so the crash ends the run as the
// miniport's crash naming the callback, and the host goes on to finish the report.
TEST_F(ExportProbe, CrashInADdcCallbackIsTheMiniportsCrash) {
  start(false);
  std::vector<std::uint8_t> input(sizeof(PROBE_DDC_OUTPUT));
  PROBE_DDC_INPUT request{PROBE_CRASHING_LINES, 256};
  std::memcpy(input.data(), &request, sizeof request);
  run_->request(0, IOCTL_PROBE_DDC, input, sizeof(PROBE_DDC_OUTPUT), "test");
  EXPECT_EQ(finish(), 3);
  ASSERT_TRUE(run_->report().stop.has_value());
  EXPECT_THAT(run_->report().stop->message, ::testing::HasSubstr("I2C ReadDataLine"));
}

// Scenario: the miniport asks for a copy of its ROM. The call reads only what a PCI ROM BAR or
// ACPI _ROM exposes, never the legacy C0000h copy; this ISA adapter has neither, so NULL, even
// with the video BIOS at C0000h.
TEST_F(ExportProbe, GetRomImageHasNoRomToCopyOnAnIsaAdapter) {
  start(true);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_GET_ROM_IMAGE, ULONG{0x8000}), 0u);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_GET_ROM_IMAGE, ULONG{0}), 0u);
  EXPECT_EQ(finish(), 0);
}

struct RomString {
  char text[32];
};

// Scenario: the classic adapter check: map C0000h, scan the video BIOS for a signature. After
// POST the ROM is there: SeaVGABIOS carries "IBM" and "VESA" and the search is case-sensitive.
TEST_F(ExportProbe, ScanRomFindsTheVideoBiosSignatureAfterPost) {
  start(true);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_SCAN_ROM, RomString{"IBM"}), 1u);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_SCAN_ROM, RomString{"VESA"}), 1u);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_SCAN_ROM, RomString{"ibm"}), 0u);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_SCAN_ROM, RomString{"Tseng Laboratories"}), 0u);
  EXPECT_EQ(finish(), 0);
}

// Negative control: without POST nothing was left at C0000h, so the same scan finds nothing.
TEST_F(ExportProbe, ScanRomFindsNothingWithoutPost) {
  start(false);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_SCAN_ROM, RomString{"IBM"}), 0u);
  EXPECT_EQ(finish(), 0);
}

// Scenario: each call checks its own rule from the export table. VideoPortGetDeviceData is
// PASSIVE_LEVEL only, so calling it under a spin lock is an IrqlViolation naming it; the call
// still answers. VideoPortEnumerateChildren is allowed up to DISPATCH_LEVEL (a DPC calls it after
// a hot-plug interrupt), so the same call under the lock is no finding: the negative control.
TEST_F(ExportProbe, NewCallsCheckTheirDocumentedIrql) {
  start(false);
  EXPECT_EQ(probe<LONG>(IOCTL_PROBE_AT_DISPATCH, ULONG{PROBE_AT_DISPATCH_ENUMERATE_CHILDREN}), NO_ERROR);
  EXPECT_EQ(probe<LONG>(IOCTL_PROBE_AT_DISPATCH, ULONG{PROBE_AT_DISPATCH_GET_DEVICE_DATA}), ERROR_DEV_NOT_EXIST);
  finish();
  EXPECT_THAT(messages(findings::FindingKind::IrqlViolation),
              ::testing::ElementsAre("VideoPortGetDeviceData requires IRQL 0 but was called at IRQL 2"));
}

// Scenario: a port accessor given a value that is no port number: the finding names the exact
// accessor (each export has its own rule), and the read gives all ones.
TEST_F(ExportProbe, BadPortFindingNamesTheAccessor) {
  start(false);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_BAD_PORT, 0), 0xFFFFu);
  finish();
  EXPECT_THAT(messages(findings::FindingKind::InvalidParameter),
              ::testing::ElementsAre("VideoPortReadPortUshort was given 0x12345, which is not an I/O port number "
                                     "(0..0xFFFF)"));
}

// Scenario: the miniport asks whether it must keep to the legacy VGA resources; nothing told
// vidport so.
TEST_F(ExportProbe, IsNoVesaIsFalse) {
  start(false);
  EXPECT_EQ(probe<ULONG>(IOCTL_PROBE_IS_NO_VESA, 0), 0u);
  EXPECT_EQ(finish(), 0);
}

}  // namespace
}  // namespace vidport::videoport
