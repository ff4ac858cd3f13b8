// Scenario: the C++ runtime includes the DDK headers (without -fshort-wchar) next to the standard
// library, and implements the VideoPort functions against these exact declarations. Each
// expected signature below is written by hand from Microsoft's documentation; a wrong return or
// parameter type, or a declaration without C linkage, fails the build.
#include "video.h"

#include <algorithm>
#include <cstring>
#include <regex>
#include <string>
#include <type_traits>
#include <vector>

static_assert(sizeof(WCHAR) == 2 && sizeof(ULONG) == 4 && sizeof(ULONG_PTR) == sizeof(void *));
static_assert(sizeof(VIDEO_HW_INITIALIZATION_DATA) == 144 && sizeof(VIDEO_PORT_CONFIG_INFO) == 128);

template <typename Expected, typename Actual>
constexpr bool same_signature(Actual *) {
    return std::is_same_v<Expected, Actual>;
}

static_assert(same_signature<BOOLEAN(PVOID, VIDEO_SYNCHRONIZE_PRIORITY, PMINIPORT_SYNCHRONIZE_ROUTINE, PVOID)>(
    &VideoPortSynchronizeExecution));
static_assert(std::is_same_v<PMINIPORT_SYNCHRONIZE_ROUTINE, BOOLEAN (*)(PVOID)>);
static_assert(std::is_same_v<PMINIPORT_DPC_ROUTINE, void (*)(PVOID, PVOID)>);
static_assert(std::is_same_v<PVIDEO_HW_TIMER, void (*)(PVOID)>);
static_assert(std::is_same_v<PVIDEO_HW_INTERRUPT, BOOLEAN (*)(PVOID)>);
static_assert(same_signature<BOOLEAN(PVOID, PMINIPORT_DPC_ROUTINE, PVOID)>(&VideoPortQueueDpc));
static_assert(same_signature<void(PVOID)>(&VideoPortStartTimer));
static_assert(same_signature<void(PVOID)>(&VideoPortStopTimer));
static_assert(same_signature<VP_STATUS(PVOID)>(&VideoPortEnableInterrupt));
static_assert(same_signature<VP_STATUS(PVOID)>(&VideoPortDisableInterrupt));
static_assert(same_signature<void(ULONG)>(&VideoPortStallExecution));
static_assert(same_signature<UCHAR()>(&VideoPortGetCurrentIrql));
static_assert(same_signature<VP_STATUS(PVOID, PSPIN_LOCK *)>(&VideoPortCreateSpinLock));
static_assert(same_signature<VP_STATUS(PVOID, PSPIN_LOCK)>(&VideoPortDeleteSpinLock));
static_assert(same_signature<void(PVOID, PSPIN_LOCK, PUCHAR)>(&VideoPortAcquireSpinLock));
static_assert(same_signature<void(PVOID, PSPIN_LOCK)>(&VideoPortAcquireSpinLockAtDpcLevel));
static_assert(same_signature<void(PVOID, PSPIN_LOCK, UCHAR)>(&VideoPortReleaseSpinLock));
static_assert(same_signature<void(PVOID, PSPIN_LOCK)>(&VideoPortReleaseSpinLockFromDpcLevel));
static_assert(same_signature<VP_STATUS(PVOID, ULONG, PVOID, PEVENT *)>(&VideoPortCreateEvent));
static_assert(same_signature<VP_STATUS(PVOID, PEVENT)>(&VideoPortDeleteEvent));
static_assert(same_signature<LONG(PVOID, PEVENT)>(&VideoPortSetEvent));
static_assert(same_signature<void(PVOID, PEVENT)>(&VideoPortClearEvent));
static_assert(same_signature<LONG(PVOID, PEVENT)>(&VideoPortReadStateEvent));
static_assert(same_signature<VP_STATUS(PVOID, PVOID, PLARGE_INTEGER)>(&VideoPortWaitForSingleObject));
static_assert(same_signature<UCHAR(PUCHAR)>(&VideoPortReadPortUchar));
static_assert(same_signature<USHORT(PUSHORT)>(&VideoPortReadPortUshort));
static_assert(same_signature<ULONG(PULONG)>(&VideoPortReadPortUlong));
static_assert(same_signature<void(PUCHAR, UCHAR)>(&VideoPortWritePortUchar));
static_assert(same_signature<void(PUSHORT, USHORT)>(&VideoPortWritePortUshort));
static_assert(same_signature<void(PULONG, ULONG)>(&VideoPortWritePortUlong));
static_assert(same_signature<void(PUCHAR, PUCHAR, ULONG)>(&VideoPortReadPortBufferUchar));
static_assert(same_signature<void(PUSHORT, PUSHORT, ULONG)>(&VideoPortWritePortBufferUshort));
static_assert(same_signature<UCHAR(PUCHAR)>(&VideoPortReadRegisterUchar));
static_assert(same_signature<void(PULONG, ULONG)>(&VideoPortWriteRegisterUlong));
static_assert(same_signature<void(PULONG, PULONG, ULONG)>(&VideoPortReadRegisterBufferUlong));
static_assert(same_signature<ULONG(PVOID, PVOID, PVIDEO_HW_INITIALIZATION_DATA, PVOID)>(&VideoPortInitialize));
static_assert(same_signature<PVOID(PVOID, PHYSICAL_ADDRESS, ULONG, UCHAR)>(&VideoPortGetDeviceBase));
static_assert(same_signature<VP_STATUS(PVOID, PHYSICAL_ADDRESS, PULONG, PULONG, PVOID *)>(&VideoPortMapMemory));
static_assert(same_signature<ULONG(PVOID, PVOID, SIZE_T)>(&VideoPortCompareMemory));
static_assert(same_signature<PVOID(PVOID, VP_POOL_TYPE, SIZE_T, ULONG)>(&VideoPortAllocatePool));
static_assert(same_signature<void(VIDEO_DEBUG_LEVEL, PSTR, ...)>(&VideoPortDebugPrint));
static_assert(same_signature<BOOLEAN(PVOID, PVOID, PUCHAR, ULONG)>(&VideoPortDDCMonitorHelper));

// A redeclaration with C linkage is an error if the header gave the function C++ linkage.
extern "C" BOOLEAN VideoPortSynchronizeExecution(PVOID, VIDEO_SYNCHRONIZE_PRIORITY, PMINIPORT_SYNCHRONIZE_ROUTINE,
                                                 PVOID);
extern "C" void VideoPortWritePortUchar(PUCHAR, UCHAR);
extern "C" ULONG VideoPortInitialize(PVOID, PVOID, PVIDEO_HW_INITIALIZATION_DATA, PVOID);

std::string CxxHeadersProbe(const std::vector<std::string> &names) {
    std::string joined;
    std::for_each(names.begin(), names.end(), [&](const std::string &name) { joined += name; });
    return std::regex_replace(joined, std::regex("Video"), "VP");
}
