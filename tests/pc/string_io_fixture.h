// The real-mode PC the string I/O tests share (string_io_test.cpp, string_port_test.cpp): a
// port device at 300h-303h, a video memory device at A0000h, DS = 2000h and ES = 3000h whose
// bytes at offset 10h differ (so a wrong segment shows), SI = DI = 10h, DX = 300h, and a run()
// that executes a few instruction bytes from 0000:1000 up to an appended HLT.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "bus/io_bus.h"
#include "kernel/clock.h"
#include "pc/pc.h"

namespace vidport::pc::testing {

template <typename PortDevice, typename VideoMemory>
class StringIoFixture : public ::testing::Test {
 protected:
  static constexpr std::uint16_t kPort = 0x300;
  static constexpr std::uint32_t kCode = 0x1000;

  StringIoFixture() {
    bus_.map_ports(kPort, kPort + 3, port_, bus::kAnyWidth, "port");
    bus_.map_memory(0xA0000, 0x20000, video_, bus::kByteAccess, "video");
    for (unsigned i = 0; i < 16; ++i) {
      pc_.memory()[0x20000 + 0x10 + i] = static_cast<std::uint8_t>(0xD0 + i);  // DS = 2000
      pc_.memory()[0x30000 + 0x10 + i] = static_cast<std::uint8_t>(0xE0 + i);  // ES = 3000
    }
    pc_.set_segment(R_DS_INDEX, 0x2000);
    pc_.set_segment(R_ES_INDEX, 0x3000);
    pc_.set_segment(R_SS_INDEX, 0x0000);
    pc_.registers().R_ESP = 0x0F00;
    pc_.registers().R_EDX = kPort;
    pc_.registers().R_ESI = 0x10;
    pc_.registers().R_EDI = 0x10;
  }

  // Runs `code` (HLT appended) from 0000:1000 and expects it to halt right after it.
  void run(std::vector<std::uint8_t> code) {
    code.push_back(0xF4);
    pc_.load(kCode, code.data(), code.size());
    pc_.set_segment(R_CS_INDEX, 0);
    pc_.registers().R_EIP = kCode;
    result_ = pc_.run();
    ASSERT_TRUE(result_.halted()) << result_.message;
    EXPECT_EQ(result_.eip, kCode + code.size()) << "execution continued after the string instruction";
  }

  kernel::VirtualClock clock_{100};
  bus::IoBus bus_;
  PortDevice port_;
  VideoMemory video_;
  Pc pc_{bus_, clock_};
  RunResult result_;
};

}  // namespace vidport::pc::testing
