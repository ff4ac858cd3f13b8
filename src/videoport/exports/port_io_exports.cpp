// extern "C" shims: the DDK's names and types, one forward each, no logic.
#include <video.h>

#include <cstdint>

#include "videoport/call_rules.h"
#include "videoport/port_io.h"

using namespace vidport::videoport;
using vidport::bus::Width;

static std::uintptr_t port_of(const volatile void* port) { return reinterpret_cast<std::uintptr_t>(port); }

extern "C" {

UCHAR VideoPortReadPortUchar(PUCHAR Port) { return static_cast<UCHAR>(read_port(port_of(Port), Width::Byte, VIDPORT_CALL_SITE())); }
USHORT VideoPortReadPortUshort(PUSHORT Port) { return static_cast<USHORT>(read_port(port_of(Port), Width::Word, VIDPORT_CALL_SITE())); }
ULONG VideoPortReadPortUlong(PULONG Port) { return read_port(port_of(Port), Width::Dword, VIDPORT_CALL_SITE()); }
VOID VideoPortReadPortBufferUchar(PUCHAR Port, PUCHAR Buffer, ULONG Count) { read_port_buffer(port_of(Port), Width::Byte, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortReadPortBufferUshort(PUSHORT Port, PUSHORT Buffer, ULONG Count) { read_port_buffer(port_of(Port), Width::Word, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortReadPortBufferUlong(PULONG Port, PULONG Buffer, ULONG Count) { read_port_buffer(port_of(Port), Width::Dword, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortWritePortUchar(PUCHAR Port, UCHAR Value) { write_port(port_of(Port), Width::Byte, Value, VIDPORT_CALL_SITE()); }
VOID VideoPortWritePortUshort(PUSHORT Port, USHORT Value) { write_port(port_of(Port), Width::Word, Value, VIDPORT_CALL_SITE()); }
VOID VideoPortWritePortUlong(PULONG Port, ULONG Value) { write_port(port_of(Port), Width::Dword, Value, VIDPORT_CALL_SITE()); }
VOID VideoPortWritePortBufferUchar(PUCHAR Port, PUCHAR Buffer, ULONG Count) { write_port_buffer(port_of(Port), Width::Byte, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortWritePortBufferUshort(PUSHORT Port, PUSHORT Buffer, ULONG Count) { write_port_buffer(port_of(Port), Width::Word, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortWritePortBufferUlong(PULONG Port, PULONG Buffer, ULONG Count) { write_port_buffer(port_of(Port), Width::Dword, Buffer, Count, VIDPORT_CALL_SITE()); }

UCHAR VideoPortReadRegisterUchar(PUCHAR Register) { return static_cast<UCHAR>(read_register(Register, Width::Byte, VIDPORT_CALL_SITE())); }
USHORT VideoPortReadRegisterUshort(PUSHORT Register) { return static_cast<USHORT>(read_register(Register, Width::Word, VIDPORT_CALL_SITE())); }
ULONG VideoPortReadRegisterUlong(PULONG Register) { return read_register(Register, Width::Dword, VIDPORT_CALL_SITE()); }
VOID VideoPortReadRegisterBufferUchar(PUCHAR Register, PUCHAR Buffer, ULONG Count) { read_register_buffer(Register, Width::Byte, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortReadRegisterBufferUshort(PUSHORT Register, PUSHORT Buffer, ULONG Count) { read_register_buffer(Register, Width::Word, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortReadRegisterBufferUlong(PULONG Register, PULONG Buffer, ULONG Count) { read_register_buffer(Register, Width::Dword, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortWriteRegisterUchar(PUCHAR Register, UCHAR Value) { write_register(Register, Width::Byte, Value, VIDPORT_CALL_SITE()); }
VOID VideoPortWriteRegisterUshort(PUSHORT Register, USHORT Value) { write_register(Register, Width::Word, Value, VIDPORT_CALL_SITE()); }
VOID VideoPortWriteRegisterUlong(PULONG Register, ULONG Value) { write_register(Register, Width::Dword, Value, VIDPORT_CALL_SITE()); }
VOID VideoPortWriteRegisterBufferUchar(PUCHAR Register, PUCHAR Buffer, ULONG Count) { write_register_buffer(Register, Width::Byte, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortWriteRegisterBufferUshort(PUSHORT Register, PUSHORT Buffer, ULONG Count) { write_register_buffer(Register, Width::Word, Buffer, Count, VIDPORT_CALL_SITE()); }
VOID VideoPortWriteRegisterBufferUlong(PULONG Register, PULONG Buffer, ULONG Count) { write_register_buffer(Register, Width::Dword, Buffer, Count, VIDPORT_CALL_SITE()); }

}  // extern "C"
