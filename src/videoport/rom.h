// The adapter's ROM: VideoPortGetRomImage and VideoPortScanRom.
//
// Rules for ROM access (tests/videoport/export_probe_test.cpp shows each as a miniport sees it):
// - get_rom_image(): documented to read the ROM that a PCI ROM base address register or the
//   ACPI _ROM method exposes, never the legacy copy at C0000h. An ISA adapter on a machine
//   without ACPI has neither, so it returns NULL ("the device's ROM could not be accessed"), and
//   with Length 0 (which frees the previous copy) NULL as well. A foreign extension: NULL with an
//   InvalidParameter finding. PASSIVE_LEVEL.
// - scan_rom(): a case-sensitive search for the NUL-terminated `string` in the `length` bytes at
//   `rom_base`, which must lie inside a range VideoPortGetDeviceBase mapped (the legacy ROM at
//   C0000h is mapped that way). The bytes are read as VideoPortReadRegisterBufferUchar reads them,
//   so a device window is read through the bus. TRUE if found. A range outside every mapping, a
//   NULL pointer or a foreign extension: FALSE with an InvalidParameter finding. PASSIVE_LEVEL.
// - What a miniport finds at C0000h is the physical memory behind it: after the video BIOS's POST
//   the host copies the option ROM there (host::HostedRun), as a PC's shadow RAM holds it.
#pragma once

#include <video.h>

#include <cstdint>

namespace vidport::videoport {

void* get_rom_image(void* extension, void* unused1, ULONG unused2, ULONG length, std::uintptr_t site);
BOOLEAN scan_rom(void* extension, UCHAR* rom_base, ULONG length, UCHAR* string, std::uintptr_t site);

}  // namespace vidport::videoport
