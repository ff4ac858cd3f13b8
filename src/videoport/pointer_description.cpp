#include "videoport/pointer_description.h"

#include <dlfcn.h>

#include <fmt/format.h>

#include "videoport/device_windows.h"
#include "videoport/pool_blocks.h"

namespace vidport::videoport {

std::string describe_pointer(std::uintptr_t address) {
  if (address == 0) return "NULL";
  if (address < 0x10000) return fmt::format("address {:#x}", address);
  if (auto block = PoolBlocks::instance().describe(address)) return *block;
  if (auto window = DeviceWindows::instance().find(address)) {
    return fmt::format("{} at physical {:#x}", window->device ? "device window memory" : "mapped memory",
                       window->physical + (address - window->host));
  }
  Dl_info info{};
  if (::dladdr(reinterpret_cast<void*>(address), &info) != 0 && info.dli_fname != nullptr) {
    std::string module = info.dli_fname;
    if (auto slash = module.rfind('/'); slash != std::string::npos) module.erase(0, slash + 1);
    return fmt::format("a pointer into {}+{:#x}", module, address - reinterpret_cast<std::uintptr_t>(info.dli_fbase));
  }
  return "a foreign pointer (in no pool block, mapping or module)";
}

}  // namespace vidport::videoport
