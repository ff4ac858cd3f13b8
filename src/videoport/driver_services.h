// VideoPortInitialize and VideoPortQueryServices: the calls that reach the port driver itself.
// - initialize(): PASSIVE_LEVEL, inside DriverEntry; without an active port driver (no hosted
//   run) it fails with ERROR_DEV_NOT_EXIST. See PortDriver::initialize for the rest.
// - query_services(): ERROR_INVALID_PARAMETER for every service until one is implemented.
#pragma once

#include <video.h>

#include <cstdint>

namespace vidport::videoport {

ULONG initialize(void* argument1, void* argument2, VIDEO_HW_INITIALIZATION_DATA* data, void* hw_context,
                 std::uintptr_t site);
VP_STATUS query_services(void* extension, VIDEO_PORT_SERVICES type, PINTERFACE interface, std::uintptr_t site);

}  // namespace vidport::videoport
