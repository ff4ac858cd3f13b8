#include "videoport/int10.h"

#include <atomic>
#include <mutex>

#include "videoport/adapter.h"
#include "videoport/call_rules.h"

namespace vidport::videoport {

namespace {

std::atomic<RealModeBios*> active_bios{nullptr};
std::atomic<long> references{0};
std::mutex buffer_mutex;
bool buffer_allocated = false;  // guarded by buffer_mutex

std::uint32_t linear(USHORT segment, USHORT offset) { return (std::uint32_t{segment} << 4) + offset; }

// The interface's functions: each is a DDK entry point with its own rule check.
VOID reference(PVOID) { references.fetch_add(1); }
VOID dereference(PVOID) { references.fetch_sub(1); }

VP_STATUS allocate_buffer(PVOID, PUSHORT segment, PUSHORT offset, PULONG length) {
  enter(rules::kInt10Services, VIDPORT_CALL_SITE());
  if (active_bios.load() == nullptr || segment == nullptr || offset == nullptr || length == nullptr) {
    return ERROR_NOT_ENOUGH_MEMORY;
  }
  std::lock_guard lock(buffer_mutex);
  if (buffer_allocated || *length > kInt10BufferSize) return ERROR_NOT_ENOUGH_MEMORY;
  buffer_allocated = true;
  *segment = kInt10BufferSegment;
  *offset = 0;
  *length = kInt10BufferSize;
  return NO_ERROR;
}

VP_STATUS free_buffer(PVOID, USHORT segment, USHORT offset) {
  enter(rules::kInt10Services, VIDPORT_CALL_SITE());
  std::lock_guard lock(buffer_mutex);
  if (!buffer_allocated || segment != kInt10BufferSegment || offset != 0) return ERROR_INVALID_PARAMETER;
  buffer_allocated = false;
  return NO_ERROR;
}

VP_STATUS read_memory(PVOID, USHORT segment, USHORT offset, PVOID buffer, ULONG length) {
  enter(rules::kInt10Services, VIDPORT_CALL_SITE());
  RealModeBios* bios = active_bios.load();
  if (bios == nullptr || buffer == nullptr) return ERROR_INVALID_PARAMETER;
  return bios->read_memory(linear(segment, offset), buffer, length) ? NO_ERROR : ERROR_INVALID_PARAMETER;
}

VP_STATUS write_memory(PVOID, USHORT segment, USHORT offset, PVOID buffer, ULONG length) {
  enter(rules::kInt10Services, VIDPORT_CALL_SITE());
  RealModeBios* bios = active_bios.load();
  if (bios == nullptr || buffer == nullptr) return ERROR_INVALID_PARAMETER;
  return bios->write_memory(linear(segment, offset), buffer, length) ? NO_ERROR : ERROR_INVALID_PARAMETER;
}

VP_STATUS call_bios(PVOID, PINT10_BIOS_ARGUMENTS arguments) {
  enter(rules::kInt10Services, VIDPORT_CALL_SITE());
  RealModeBios* bios = active_bios.load();
  if (bios == nullptr || arguments == nullptr) return ERROR_INVALID_PARAMETER;
  BiosRegisters regs{arguments->Eax, arguments->Ebx, arguments->Ecx, arguments->Edx, arguments->Esi,
                     arguments->Edi, arguments->Ebp, arguments->SegDs, arguments->SegEs};
  if (!bios->int10(regs)) return ERROR_INVALID_PARAMETER;
  *arguments = {regs.eax, regs.ebx, regs.ecx, regs.edx, regs.esi, regs.edi, regs.ebp, regs.ds, regs.es};
  return NO_ERROR;
}

}  // namespace

void set_real_mode_bios(RealModeBios* bios) {
  active_bios.store(bios);
  std::lock_guard lock(buffer_mutex);
  buffer_allocated = false;
}

std::uint32_t int10(void* extension, VIDEO_X86_BIOS_ARGUMENTS* arguments, std::uintptr_t site) {
  enter(rules::kInt10, site);
  RealModeBios* bios = active_bios.load();
  if (bios == nullptr || arguments == nullptr || Adapter::from_extension(extension) == nullptr) {
    return ERROR_INVALID_PARAMETER;
  }
  BiosRegisters regs{arguments->Eax, arguments->Ebx, arguments->Ecx, arguments->Edx,
                     arguments->Esi, arguments->Edi, arguments->Ebp, 0, 0};
  if (!bios->int10(regs)) return ERROR_INVALID_PARAMETER;
  *arguments = {regs.eax, regs.ebx, regs.ecx, regs.edx, regs.esi, regs.edi, regs.ebp};
  return NO_ERROR;
}

std::uint32_t query_int10_interface(void* extension, INTERFACE* interface) {
  auto* int10 = reinterpret_cast<VIDEO_PORT_INT10_INTERFACE*>(interface);
  if (int10 == nullptr || Adapter::from_extension(extension) == nullptr ||
      int10->Size < sizeof(VIDEO_PORT_INT10_INTERFACE) || int10->Version != VIDEO_PORT_INT10_INTERFACE_VERSION_1) {
    return ERROR_INVALID_PARAMETER;
  }
  int10->Size = sizeof(VIDEO_PORT_INT10_INTERFACE);
  int10->Context = extension;
  int10->InterfaceReference = reference;
  int10->InterfaceDereference = dereference;
  int10->Int10AllocateBuffer = allocate_buffer;
  int10->Int10FreeBuffer = free_buffer;
  int10->Int10ReadMemory = read_memory;
  int10->Int10WriteMemory = write_memory;
  int10->Int10CallBios = call_bios;
  // The provider references an interface it hands out; the consumer dereferences it when done.
  reference(extension);
  return NO_ERROR;
}

BOOLEAN is_no_vesa(std::uintptr_t site) {
  enter(rules::kIsNoVesa, site);
  return FALSE;
}

long int10_interface_references() { return references.load(); }

}  // namespace vidport::videoport
