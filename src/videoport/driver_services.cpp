#include "videoport/driver_services.h"

#include "videoport/call_rules.h"
#include "videoport/int10.h"
#include "videoport/port_driver.h"

namespace vidport::videoport {

ULONG initialize(void* argument1, void* argument2, VIDEO_HW_INITIALIZATION_DATA* data, void* hw_context,
                 std::uintptr_t site) {
  enter(rules::kInitialize, site);
  PortDriver* driver = PortDriver::active();
  if (driver == nullptr) return ERROR_DEV_NOT_EXIST;
  return driver->initialize(data, hw_context, site);
}

VP_STATUS query_services(void* extension, VIDEO_PORT_SERVICES type, PINTERFACE interface, std::uintptr_t site) {
  enter(rules::kQueryServices, site);
  // The INT 10 interface is the one service vidport provides; the rest are answered as absent.
  if (type == VideoPortServicesInt10) return query_int10_interface(extension, interface);
  return ERROR_INVALID_PARAMETER;
}

}  // namespace vidport::videoport
