/*
 * vga_hw.h - vgasync's knowledge of the VGA: the register tables of its three modes and the
 * routines that program them, save and restore the font and load the DAC.
 *
 * Rules for these routines:
 * - They run at PASSIVE_LEVEL while the retrace interrupt is disabled at the card (CR11 bit 5),
 *   so the ISR never interleaves with their index/data pairs. The only registers the ISR touches
 *   are Input Status 0, the CRTC (it saves and restores the CRTC index) and the DAC write path;
 *   these routines use the DAC only while the screen is off.
 * - Io is what VideoPortGetDeviceBase returned for ports 3C0-3DF; Memory is the device window
 *   for A0000-BFFFF, reached only through the register accessors.
 * Facts: the IBM BIOS register values of modes 03h, 12h and 13h (shared reference, §4.9).
 */
#ifndef VIDPORT_MINIPORTS_VGASYNC_VGA_HW_H
#define VIDPORT_MINIPORTS_VGASYNC_VGA_HW_H

#include <miniport.h>
#include <video.h>

#define VGA_IO_BASE 0x3C0
#define VGA_PORT(io, port) ((io) + ((port) - VGA_IO_BASE))

#define VGA_AC_INDEX     0x3C0
#define VGA_AC_DATA_READ 0x3C1
#define VGA_INPUT_STATUS_0 0x3C2
#define VGA_MISC_WRITE   0x3C2
#define VGA_SEQ_INDEX    0x3C4
#define VGA_SEQ_DATA     0x3C5
#define VGA_PEL_MASK     0x3C6
#define VGA_DAC_READ_INDEX 0x3C7
#define VGA_DAC_WRITE_INDEX 0x3C8
#define VGA_DAC_DATA     0x3C9
#define VGA_MISC_READ    0x3CC
#define VGA_GC_INDEX     0x3CE
#define VGA_GC_DATA      0x3CF
#define VGA_CRTC_INDEX   0x3D4
#define VGA_CRTC_DATA    0x3D5
#define VGA_INPUT_STATUS_1 0x3DA

#define VGA_CR_START_HIGH 0x0C
#define VGA_CR_START_LOW  0x0D
#define VGA_CR_VRETRACE_END 0x11
#define VGA_CR11_CLEAR_RELEASED 0x10  /* bit 4 = 0 clears the interrupt and holds it clear */
#define VGA_CR11_DISABLE        0x20  /* bit 5 = 1 stops new interrupts */
#define VGA_CR11_PROTECT        0x80
#define VGA_IS0_INTERRUPT       0x80

#define VGA_FONT_BYTES (256 * 32) /* 256 glyph slots of 32 bytes in plane 2 */
#define VGA_DAC_BYTES  (256 * 3)
#define VGA_PLANE_BYTES 0x10000

typedef struct _VGA_REGISTERS {
    UCHAR Misc;
    UCHAR Seq[5];
    UCHAR Crtc[25];
    UCHAR Gc[9];
    UCHAR Attr[21];
} VGA_REGISTERS;

/* One mode as vgasync offers it. */
typedef struct _VGASYNC_MODE {
    USHORT Width, Height;      /* pixels, or characters for text */
    UCHAR BitsPerPixel;        /* per plane for planar modes */
    UCHAR Planes;
    ULONG Stride;              /* bytes per line as the display driver addresses memory */
    ULONG Frequency;           /* Hz */
    ULONG AttributeFlags;      /* VIDEO_MODE_* */
    ULONG WindowOffset;        /* frame buffer offset in A0000-BFFFF */
    ULONG WindowLength;        /* bytes the display driver maps */
    ULONG FrameBufferLength;   /* bytes of the visible picture */
    const VGA_REGISTERS *Registers;
} VGASYNC_MODE;

extern const VGASYNC_MODE VgaSyncModes[];

/* Blanks (TRUE) or shows (FALSE) the screen through SR01 bit 5. */
VOID VgaHwScreenOff(PUCHAR Io, BOOLEAN Off);
/*
 * Loads every register of a mode. Leaves the screen off, the CRTC registers protected as the table
 * says and the retrace interrupt disabled and cleared (CR11 bits 5 = 1, 4 = 0).
 */
VOID VgaHwLoadRegisters(PUCHAR Io, const VGA_REGISTERS *Registers);
/* Copies the 256 glyph slots of plane 2 to Font; the card must be in a text mode (03h). */
VOID VgaHwReadFont(PUCHAR Io, PUCHAR Memory, PUCHAR Font);
/* Writes Font back to plane 2 and restores the sequencer and graphics registers of 03h. */
VOID VgaHwWriteFont(PUCHAR Io, PUCHAR Memory, const UCHAR *Font);
/* Fills the 80x25 text page with blanks on light grey (07h), as the BIOS clears it. */
VOID VgaHwClearText(PUCHAR Memory);
/*
 * Reads every register VGA_REGISTERS holds, in the form VgaHwLoadRegisters takes back. The CRTC is
 * read at 3D4h: vgasync's modes and the BIOS modes it hosts are colour modes.
 */
VOID VgaHwReadRegisters(PUCHAR Io, VGA_REGISTERS *Registers);
/*
 * Copy plane Plane (0-3), VGA_PLANE_BYTES bytes, out of / into video memory. They leave the
 * memory registers set for plain planar access: the caller puts them back with
 * VgaHwRestoreMemoryRegisters (or loads a whole register set).
 */
VOID VgaHwReadPlane(PUCHAR Io, PUCHAR Memory, ULONG Plane, PUCHAR Bytes);
VOID VgaHwWritePlane(PUCHAR Io, PUCHAR Memory, ULONG Plane, const UCHAR *Bytes);
/* Writes back the sequencer and graphics registers that shape memory access (SR02, SR04, GR01,
 * GR03-GR06, GR08) from Registers. */
VOID VgaHwRestoreMemoryRegisters(PUCHAR Io, const VGA_REGISTERS *Registers);
/* Reads all 256 DAC entries (6-bit R, G, B each). */
VOID VgaHwReadDac(PUCHAR Io, PUCHAR Rgb);
/* Writes Count DAC entries from First. Callable from the ISR (no other registers touched). */
VOID VgaHwWriteDac(PUCHAR Io, ULONG First, ULONG Count, const UCHAR *Rgb);

#endif
