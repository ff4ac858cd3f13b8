/*
 * vga_hw.c - vgasync's mode tables and the routines that program the VGA (see vga_hw.h).
 */
#include "vga_hw.h"

#include <devioctl.h>
#include <ntddvdeo.h>

#include "vgasync.h"

/* IBM BIOS values (shared reference §4.9); CR0E/CR0F put the text cursor at the top left. */
static const VGA_REGISTERS Mode03h = {
    0x67,
    {0x03, 0x00, 0x03, 0x00, 0x02},
    {0x5F, 0x4F, 0x50, 0x82, 0x55, 0x81, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00, 0x00, 0x00, 0x00,
     0x9C, 0x8E, 0x8F, 0x28, 0x1F, 0x96, 0xB9, 0xA3, 0xFF},
    {0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0E, 0x00, 0xFF},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
     0x0C, 0x00, 0x0F, 0x08, 0x00},
};

static const VGA_REGISTERS Mode12h = {
    0xE3,
    {0x03, 0x01, 0x0F, 0x00, 0x06},
    {0x5F, 0x4F, 0x50, 0x82, 0x54, 0x80, 0x0B, 0x3E, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0xEA, 0x8C, 0xDF, 0x28, 0x00, 0xE7, 0x04, 0xE3, 0xFF},
    {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x0F, 0xFF},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
     0x01, 0x00, 0x0F, 0x00, 0x00},
};

static const VGA_REGISTERS Mode13h = {
    0x63,
    {0x03, 0x01, 0x0F, 0x00, 0x0E},
    {0x5F, 0x4F, 0x50, 0x82, 0x54, 0x80, 0xBF, 0x1F, 0x00, 0x41, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
     0x9C, 0x8E, 0x8F, 0x28, 0x40, 0x96, 0xB9, 0xA3, 0xFF},
    {0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x05, 0x0F, 0xFF},
    {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
     0x41, 0x00, 0x0F, 0x00, 0x00},
};

#define GRAPHICS (VIDEO_MODE_COLOR | VIDEO_MODE_GRAPHICS)

const VGASYNC_MODE VgaSyncModes[] = {
    /* 13h: chain-4, one byte per pixel, 64 KiB window at A0000. */
    {320, 200, 8, 1, 320, 70, GRAPHICS | VIDEO_MODE_PALETTE_DRIVEN | VIDEO_MODE_MANAGED_PALETTE, 0x00000, 0x10000,
     320 * 200, &Mode13h},
    /* 12h: four planes of one bit per pixel behind the same 64 KiB window. */
    {640, 480, 1, 4, 80, 60, GRAPHICS | VIDEO_MODE_PALETTE_DRIVEN | VIDEO_MODE_MANAGED_PALETTE, 0x00000, 0x10000,
     80 * 480, &Mode12h},
    /* 03h: character/attribute pairs at B8000. */
    {80, 25, 4, 1, 160, 70, VIDEO_MODE_COLOR, 0x18000, 0x8000, 80 * 25 * 2, &Mode03h},
};

static VOID WriteIndexed(PUCHAR Io, ULONG IndexPort, UCHAR Index, UCHAR Value)
{
    VideoPortWritePortUchar(VGA_PORT(Io, IndexPort), Index);
    VideoPortWritePortUchar(VGA_PORT(Io, IndexPort + 1), Value);
}

static UCHAR ReadIndexed(PUCHAR Io, ULONG IndexPort, UCHAR Index)
{
    VideoPortWritePortUchar(VGA_PORT(Io, IndexPort), Index);
    return VideoPortReadPortUchar(VGA_PORT(Io, IndexPort + 1));
}

VOID VgaHwScreenOff(PUCHAR Io, BOOLEAN Off)
{
    UCHAR sr01 = ReadIndexed(Io, VGA_SEQ_INDEX, 0x01);
    WriteIndexed(Io, VGA_SEQ_INDEX, 0x01, Off ? (UCHAR)(sr01 | 0x20) : (UCHAR)(sr01 & ~0x20));
}

VOID VgaHwLoadRegisters(PUCHAR Io, const VGA_REGISTERS *Registers)
{
    /* CR11 keeps the interrupt disabled and cleared while the timing changes under it. */
    UCHAR cr11 = (UCHAR)((Registers->Crtc[VGA_CR_VRETRACE_END] & ~(VGA_CR11_CLEAR_RELEASED | VGA_CR11_PROTECT)) |
                         VGA_CR11_DISABLE);
    ULONG i;

    VgaHwScreenOff(Io, TRUE);
    WriteIndexed(Io, VGA_SEQ_INDEX, 0x00, 0x01); /* synchronous reset while the clock changes */
    VideoPortWritePortUchar(VGA_PORT(Io, VGA_MISC_WRITE), Registers->Misc);
    for (i = 1; i < 5; i++) {
        UCHAR value = Registers->Seq[i];
        if (i == 1) {
            value |= 0x20; /* the screen stays off until the caller shows it */
        }
        WriteIndexed(Io, VGA_SEQ_INDEX, (UCHAR)i, value);
    }
    WriteIndexed(Io, VGA_SEQ_INDEX, 0x00, 0x03);

    WriteIndexed(Io, VGA_CRTC_INDEX, VGA_CR_VRETRACE_END, cr11); /* unprotects CR00-CR07 */
    for (i = 0; i < 25; i++) {
        if (i != VGA_CR_VRETRACE_END) {
            WriteIndexed(Io, VGA_CRTC_INDEX, (UCHAR)i, Registers->Crtc[i]);
        }
    }
    WriteIndexed(Io, VGA_CRTC_INDEX, VGA_CR_VRETRACE_END,
                 (UCHAR)(cr11 | (Registers->Crtc[VGA_CR_VRETRACE_END] & VGA_CR11_PROTECT)));

    for (i = 0; i < 9; i++) {
        WriteIndexed(Io, VGA_GC_INDEX, (UCHAR)i, Registers->Gc[i]);
    }

    VideoPortReadPortUchar(VGA_PORT(Io, VGA_INPUT_STATUS_1)); /* the attribute flip-flop to "index" */
    for (i = 0; i < 21; i++) {
        VideoPortWritePortUchar(VGA_PORT(Io, VGA_AC_INDEX), (UCHAR)i);
        VideoPortWritePortUchar(VGA_PORT(Io, VGA_AC_INDEX), Registers->Attr[i]);
    }
    VideoPortWritePortUchar(VGA_PORT(Io, VGA_AC_INDEX), 0x20); /* palette address source: display on */
}

/* Makes plane `Plane` alone visible at A0000 for reads and writes (planar, no odd/even, write
 * mode 0 without set/reset, all bits). */
static VOID SelectPlane(PUCHAR Io, ULONG Plane)
{
    WriteIndexed(Io, VGA_SEQ_INDEX, 0x02, (UCHAR)(1u << Plane));
    WriteIndexed(Io, VGA_SEQ_INDEX, 0x04, 0x07);
    WriteIndexed(Io, VGA_GC_INDEX, 0x01, 0x00);
    WriteIndexed(Io, VGA_GC_INDEX, 0x03, 0x00);
    WriteIndexed(Io, VGA_GC_INDEX, 0x04, (UCHAR)Plane);
    WriteIndexed(Io, VGA_GC_INDEX, 0x05, 0x00);
    WriteIndexed(Io, VGA_GC_INDEX, 0x06, 0x05);
    WriteIndexed(Io, VGA_GC_INDEX, 0x08, 0xFF);
}

VOID VgaHwRestoreMemoryRegisters(PUCHAR Io, const VGA_REGISTERS *Registers)
{
    WriteIndexed(Io, VGA_SEQ_INDEX, 0x02, Registers->Seq[2]);
    WriteIndexed(Io, VGA_SEQ_INDEX, 0x04, Registers->Seq[4]);
    WriteIndexed(Io, VGA_GC_INDEX, 0x01, Registers->Gc[1]);
    WriteIndexed(Io, VGA_GC_INDEX, 0x03, Registers->Gc[3]);
    WriteIndexed(Io, VGA_GC_INDEX, 0x04, Registers->Gc[4]);
    WriteIndexed(Io, VGA_GC_INDEX, 0x05, Registers->Gc[5]);
    WriteIndexed(Io, VGA_GC_INDEX, 0x06, Registers->Gc[6]);
    WriteIndexed(Io, VGA_GC_INDEX, 0x08, Registers->Gc[8]);
}

VOID VgaHwReadRegisters(PUCHAR Io, VGA_REGISTERS *Registers)
{
    ULONG i;
    Registers->Misc = VideoPortReadPortUchar(VGA_PORT(Io, VGA_MISC_READ));
    for (i = 0; i < 5; i++) {
        Registers->Seq[i] = ReadIndexed(Io, VGA_SEQ_INDEX, (UCHAR)i);
    }
    for (i = 0; i < 25; i++) {
        Registers->Crtc[i] = ReadIndexed(Io, VGA_CRTC_INDEX, (UCHAR)i);
    }
    for (i = 0; i < 9; i++) {
        Registers->Gc[i] = ReadIndexed(Io, VGA_GC_INDEX, (UCHAR)i);
    }
    for (i = 0; i < 21; i++) {
        VideoPortReadPortUchar(VGA_PORT(Io, VGA_INPUT_STATUS_1)); /* the flip-flop to "index" */
        VideoPortWritePortUchar(VGA_PORT(Io, VGA_AC_INDEX), (UCHAR)(i | 0x20)); /* keep the display on */
        Registers->Attr[i] = VideoPortReadPortUchar(VGA_PORT(Io, VGA_AC_DATA_READ));
    }
    VideoPortReadPortUchar(VGA_PORT(Io, VGA_INPUT_STATUS_1));
    VideoPortWritePortUchar(VGA_PORT(Io, VGA_AC_INDEX), 0x20);
}

VOID VgaHwReadPlane(PUCHAR Io, PUCHAR Memory, ULONG Plane, PUCHAR Bytes)
{
    SelectPlane(Io, Plane);
    VideoPortReadRegisterBufferUchar(Memory, Bytes, VGA_PLANE_BYTES);
}

VOID VgaHwWritePlane(PUCHAR Io, PUCHAR Memory, ULONG Plane, const UCHAR *Bytes)
{
    SelectPlane(Io, Plane);
    VideoPortWriteRegisterBufferUchar(Memory, (PUCHAR)Bytes, VGA_PLANE_BYTES);
}

VOID VgaHwReadFont(PUCHAR Io, PUCHAR Memory, PUCHAR Font)
{
    SelectPlane(Io, 2);
    VideoPortReadRegisterBufferUchar(Memory, Font, VGA_FONT_BYTES);
    VgaHwRestoreMemoryRegisters(Io, &Mode03h);
}

VOID VgaHwWriteFont(PUCHAR Io, PUCHAR Memory, const UCHAR *Font)
{
    SelectPlane(Io, 2);
    VideoPortWriteRegisterBufferUchar(Memory, (PUCHAR)Font, VGA_FONT_BYTES);
    VgaHwRestoreMemoryRegisters(Io, &Mode03h);
}

VOID VgaHwClearText(PUCHAR Memory)
{
    UCHAR cells[160];
    ULONG i;
    for (i = 0; i < sizeof(cells); i += 2) {
        cells[i] = ' ';
        cells[i + 1] = 0x07;
    }
    for (i = 0; i < 25; i++) {
        VideoPortWriteRegisterBufferUchar(Memory + VgaSyncModes[VGASYNC_MODE_03H].WindowOffset + i * sizeof(cells), cells,
                                          sizeof(cells));
    }
}

VOID VgaHwReadDac(PUCHAR Io, PUCHAR Rgb)
{
    VideoPortWritePortUchar(VGA_PORT(Io, VGA_DAC_READ_INDEX), 0);
    VideoPortReadPortBufferUchar(VGA_PORT(Io, VGA_DAC_DATA), Rgb, VGA_DAC_BYTES);
}

VOID VgaHwWriteDac(PUCHAR Io, ULONG First, ULONG Count, const UCHAR *Rgb)
{
    VideoPortWritePortUchar(VGA_PORT(Io, VGA_DAC_WRITE_INDEX), (UCHAR)First);
    VideoPortWritePortBufferUchar(VGA_PORT(Io, VGA_DAC_DATA), (PUCHAR)Rgb, Count * 3);
}
