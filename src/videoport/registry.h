// VideoPortGetRegistryParameters / VideoPortSetRegistryParameters on the run's configuration.
//
// Rules for registry parameters:
// - Every adapter sees the parameters of the run (PortDriverConfig::parameters), names matched
//   case-insensitively. A value the miniport set on its adapter overrides them for later reads
//   and is recorded for the report.
// - Found values go to the miniport's HwVidQueryNamedValueCallback (its status is returned);
//   a missing value is ERROR_INVALID_PARAMETER, as is IsParameterFileName (vidport has no files
//   to hand out).
// - PASSIVE_LEVEL only (call_rules.h).
#pragma once

#include <video.h>

#include <cstdint>
#include <string>

namespace vidport::videoport {

VP_STATUS get_registry_parameters(void* extension, PWSTR name, UCHAR is_file_name,
                                  PMINIPORT_GET_REGISTRY_ROUTINE callback, void* context, std::uintptr_t site);
VP_STATUS set_registry_parameters(void* extension, PWSTR name, const void* data, ULONG length, std::uintptr_t site);

// A NUL-terminated UTF-16 string as UTF-8 (for names and logs). Pure.
std::string narrow(const char16_t* text);

}  // namespace vidport::videoport
