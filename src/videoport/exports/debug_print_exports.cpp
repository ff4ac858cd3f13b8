// The hand-written shim of VideoPortDebugPrint (listed in export_table.txt): a variadic function
// must hand its va_list on itself, which a generated forward cannot do.
#include <video.h>

#include <cstdarg>

#include "videoport/call_rules.h"
#include "videoport/debug_print.h"
#include "videoport/exported.h"

using namespace vidport::videoport;

extern "C" {

VOID VideoPortDebugPrint(VIDEO_DEBUG_LEVEL DebugPrintLevel, PSTR DebugMessage, ...) {
  const std::uintptr_t vidport_site = VIDPORT_CALL_SITE();
  va_list args;
  va_start(args, DebugMessage);
  exported(__func__, [&] { debug_print(DebugPrintLevel, DebugMessage, args, vidport_site); });
  va_end(args);
}

}  // extern "C"
