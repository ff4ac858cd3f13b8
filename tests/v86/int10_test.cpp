// VideoPortInt10 and the Int10 interface on the full-screen session's PC: the BIOS call runs on
// the calling processor, its port I/O goes straight to the VGA (never into the miniport's own
// emulator routines), and the BIOS data area the program sees records the result.
#include <gtest/gtest.h>

#include <video.h>

#include <cstring>

#include "kernel/machine.h"
#include "v86/session_bios.h"
#include "v86_rig.h"
#include "videoport/int10.h"

namespace vidport::v86_test {
namespace {

class Int10Test : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(rig.start()) << rig.error();
    ASSERT_EQ(rig.request(IOCTL_VIDEO_ENABLE_VDM).record.status, static_cast<std::uint32_t>(NO_ERROR));
    bios = std::make_unique<v86::SessionBios>(rig.session());
  }
  void TearDown() override { videoport::set_real_mode_bios(nullptr); }
  void* extension() { return rig.adapter().adapter->extension(); }

  V86Rig rig;
  std::unique_ptr<v86::SessionBios> bios;
};

// Scenario: without a BIOS installed VideoPortInt10 answers ERROR_INVALID_PARAMETER; with the
// session's BIOS, AX=0013h sets mode 13h: the BIOS data area says so, and although the sequencer
// is trapped (Minimal set), no emulator routine ran.
TEST_F(Int10Test, VideoPortInt10SetsAModeOnTheSessionPc) {
  VIDEO_X86_BIOS_ARGUMENTS args{};
  args.Eax = 0x0013;
  VP_STATUS without = NO_ERROR;
  rig.on_processor([&] { without = VideoPortInt10(extension(), &args); });
  EXPECT_EQ(without, static_cast<VP_STATUS>(ERROR_INVALID_PARAMETER));

  videoport::set_real_mode_bios(bios.get());
  VP_STATUS status = ERROR_INVALID_FUNCTION;
  rig.on_processor([&] { status = VideoPortInt10(extension(), &args); });
  EXPECT_EQ(status, static_cast<VP_STATUS>(NO_ERROR));
  EXPECT_EQ(rig.session().pc().memory()[0x449], 0x13);
  EXPECT_EQ(rig.session().router().counts().emulated, 0u);
  EXPECT_GT(rig.session().router().counts().direct, 0u);
  EXPECT_EQ(bios->calls(), 1u);

  // AH=0Fh reads the mode back through the BIOS.
  VIDEO_X86_BIOS_ARGUMENTS query{};
  query.Eax = 0x0F00;
  rig.on_processor([&] { status = VideoPortInt10(extension(), &query); });
  EXPECT_EQ(status, static_cast<VP_STATUS>(NO_ERROR));
  EXPECT_EQ(query.Eax & 0xFF, 0x13u);
}

// Scenario: a miniport queries the Int10 interface, allocates the transfer buffer, writes and
// reads it back, calls the BIOS through it, frees the buffer and dereferences the interface. A
// second allocation before the free is refused; a wrong version is refused.
TEST_F(Int10Test, InterfaceBufferMemoryAndCall) {
  videoport::set_real_mode_bios(bios.get());
  VIDEO_PORT_INT10_INTERFACE wrong{};
  wrong.Size = sizeof(wrong);
  wrong.Version = 7;
  EXPECT_EQ(videoport::query_int10_interface(extension(), reinterpret_cast<INTERFACE*>(&wrong)),
            static_cast<std::uint32_t>(ERROR_INVALID_PARAMETER));

  VIDEO_PORT_INT10_INTERFACE iface{};
  iface.Size = sizeof(iface);
  iface.Version = VIDEO_PORT_INT10_INTERFACE_VERSION_1;
  const long before = videoport::int10_interface_references();
  ASSERT_EQ(videoport::query_int10_interface(extension(), reinterpret_cast<INTERFACE*>(&iface)),
            static_cast<std::uint32_t>(NO_ERROR));
  EXPECT_EQ(videoport::int10_interface_references(), before + 1);

  USHORT seg = 0, off = 0, seg2 = 0, off2 = 0;
  ULONG length = 64, length2 = 64;
  VP_STATUS allocated = ERROR_INVALID_FUNCTION, second = NO_ERROR, wrote = ERROR_INVALID_FUNCTION,
            read = ERROR_INVALID_FUNCTION, called = ERROR_INVALID_FUNCTION, freed = ERROR_INVALID_FUNCTION;
  char text[] = "vidport";
  char back[8] = {};
  INT10_BIOS_ARGUMENTS args{};
  args.Eax = 0x0F00;
  rig.on_processor([&] {
    allocated = iface.Int10AllocateBuffer(iface.Context, &seg, &off, &length);
    second = iface.Int10AllocateBuffer(iface.Context, &seg2, &off2, &length2);
    wrote = iface.Int10WriteMemory(iface.Context, seg, off, text, sizeof(text));
    read = iface.Int10ReadMemory(iface.Context, seg, off, back, sizeof(back));
    called = iface.Int10CallBios(iface.Context, &args);
    freed = iface.Int10FreeBuffer(iface.Context, seg, off);
    iface.InterfaceDereference(iface.Context);
  });
  EXPECT_EQ(allocated, static_cast<VP_STATUS>(NO_ERROR));
  EXPECT_GE(length, 64u);
  EXPECT_EQ(second, static_cast<VP_STATUS>(ERROR_NOT_ENOUGH_MEMORY));
  EXPECT_EQ(wrote, static_cast<VP_STATUS>(NO_ERROR));
  EXPECT_EQ(read, static_cast<VP_STATUS>(NO_ERROR));
  EXPECT_STREQ(back, "vidport");
  EXPECT_EQ(std::memcmp(rig.session().pc().memory() + (std::uint32_t{seg} << 4) + off, "vidport", 8), 0);
  EXPECT_EQ(called, static_cast<VP_STATUS>(NO_ERROR));
  EXPECT_EQ(args.Eax & 0xFF, 0x03u) << "POST left mode 03h";
  EXPECT_EQ(freed, static_cast<VP_STATUS>(NO_ERROR));
  EXPECT_EQ(videoport::int10_interface_references(), before);
}

}  // namespace
}  // namespace vidport::v86_test
