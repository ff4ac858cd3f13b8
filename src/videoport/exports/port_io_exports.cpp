// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include <cstdint>

#include "videoport/call_rules.h"
#include "videoport/exported.h"
#include "videoport/port_io.h"

using namespace vidport::videoport;
using vidport::bus::Width;

static std::uintptr_t port_of(const volatile void* port) { return reinterpret_cast<std::uintptr_t>(port); }

extern "C" {

UCHAR VideoPortReadPortUchar(PUCHAR Port) {
  VIDPORT_EXPORT_BODY(static_cast<UCHAR>(read_port(port_of(Port), Width::Byte, vidport_site)));
}
USHORT VideoPortReadPortUshort(PUSHORT Port) {
  VIDPORT_EXPORT_BODY(static_cast<USHORT>(read_port(port_of(Port), Width::Word, vidport_site)));
}
ULONG VideoPortReadPortUlong(PULONG Port) {
  VIDPORT_EXPORT_BODY(read_port(port_of(Port), Width::Dword, vidport_site));
}
VOID VideoPortReadPortBufferUchar(PUCHAR Port, PUCHAR Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(read_port_buffer(port_of(Port), Width::Byte, Buffer, Count, vidport_site));
}
VOID VideoPortReadPortBufferUshort(PUSHORT Port, PUSHORT Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(read_port_buffer(port_of(Port), Width::Word, Buffer, Count, vidport_site));
}
VOID VideoPortReadPortBufferUlong(PULONG Port, PULONG Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(read_port_buffer(port_of(Port), Width::Dword, Buffer, Count, vidport_site));
}
VOID VideoPortWritePortUchar(PUCHAR Port, UCHAR Value) {
  VIDPORT_EXPORT_BODY(write_port(port_of(Port), Width::Byte, Value, vidport_site));
}
VOID VideoPortWritePortUshort(PUSHORT Port, USHORT Value) {
  VIDPORT_EXPORT_BODY(write_port(port_of(Port), Width::Word, Value, vidport_site));
}
VOID VideoPortWritePortUlong(PULONG Port, ULONG Value) {
  VIDPORT_EXPORT_BODY(write_port(port_of(Port), Width::Dword, Value, vidport_site));
}
VOID VideoPortWritePortBufferUchar(PUCHAR Port, PUCHAR Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(write_port_buffer(port_of(Port), Width::Byte, Buffer, Count, vidport_site));
}
VOID VideoPortWritePortBufferUshort(PUSHORT Port, PUSHORT Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(write_port_buffer(port_of(Port), Width::Word, Buffer, Count, vidport_site));
}
VOID VideoPortWritePortBufferUlong(PULONG Port, PULONG Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(write_port_buffer(port_of(Port), Width::Dword, Buffer, Count, vidport_site));
}

UCHAR VideoPortReadRegisterUchar(PUCHAR Register) {
  VIDPORT_EXPORT_BODY(static_cast<UCHAR>(read_register(Register, Width::Byte, vidport_site)));
}
USHORT VideoPortReadRegisterUshort(PUSHORT Register) {
  VIDPORT_EXPORT_BODY(static_cast<USHORT>(read_register(Register, Width::Word, vidport_site)));
}
ULONG VideoPortReadRegisterUlong(PULONG Register) {
  VIDPORT_EXPORT_BODY(read_register(Register, Width::Dword, vidport_site));
}
VOID VideoPortReadRegisterBufferUchar(PUCHAR Register, PUCHAR Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(read_register_buffer(Register, Width::Byte, Buffer, Count, vidport_site));
}
VOID VideoPortReadRegisterBufferUshort(PUSHORT Register, PUSHORT Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(read_register_buffer(Register, Width::Word, Buffer, Count, vidport_site));
}
VOID VideoPortReadRegisterBufferUlong(PULONG Register, PULONG Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(read_register_buffer(Register, Width::Dword, Buffer, Count, vidport_site));
}
VOID VideoPortWriteRegisterUchar(PUCHAR Register, UCHAR Value) {
  VIDPORT_EXPORT_BODY(write_register(Register, Width::Byte, Value, vidport_site));
}
VOID VideoPortWriteRegisterUshort(PUSHORT Register, USHORT Value) {
  VIDPORT_EXPORT_BODY(write_register(Register, Width::Word, Value, vidport_site));
}
VOID VideoPortWriteRegisterUlong(PULONG Register, ULONG Value) {
  VIDPORT_EXPORT_BODY(write_register(Register, Width::Dword, Value, vidport_site));
}
VOID VideoPortWriteRegisterBufferUchar(PUCHAR Register, PUCHAR Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(write_register_buffer(Register, Width::Byte, Buffer, Count, vidport_site));
}
VOID VideoPortWriteRegisterBufferUshort(PUSHORT Register, PUSHORT Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(write_register_buffer(Register, Width::Word, Buffer, Count, vidport_site));
}
VOID VideoPortWriteRegisterBufferUlong(PULONG Register, PULONG Buffer, ULONG Count) {
  VIDPORT_EXPORT_BODY(write_register_buffer(Register, Width::Dword, Buffer, Count, vidport_site));
}

}  // extern "C"
