// VideoPortDebugPrint and VideoPortLogError: the miniport's messages, formatted by vidport with
// Windows' printf rules and written to the run's log.
//
// Windows format rules (as the kernel's DbgPrint family applies them, on x64):
//   %d %i %u %x %X %o %c   32-bit, with or without the `l` prefix (`long` is 32-bit on Windows)
//   %I64d %I64x %llx ...   64-bit;  %I32x 32-bit;  %Ix %Id %Iu pointer-sized (64-bit)
//   %hd %hx                16-bit;  %hhx 8-bit
//   %p                     pointer, printed as 16 upper-case hex digits
//   %s %hs                 narrow string;  %S %ws %ls  wide (16-bit) string;  %C %wc  wide char
//   %%                     a percent sign
// Flags, width and precision (including `*`) work as in C. A NULL string prints "(null)". An
// unknown conversion is copied to the output as written, so nothing is silently dropped.
#pragma once

#include <cstdarg>
#include <cstdint>
#include <string>

namespace vidport::videoport {

// Formats `format` with the arguments in `args` by the rules above. Pure; any thread.
std::string format_windows(const char* format, va_list args);

// VideoPortDebugPrint: appends the formatted message to the run's log. Any IRQL.
void debug_print(int level, const char* format, va_list args, std::uintptr_t site);

// VideoPortLogError: records ErrorCode and UniqueId against the adapter in the run's log.
void log_error(void* extension, const void* vrp, std::int32_t error_code, std::uint32_t unique_id,
               std::uintptr_t site);

}  // namespace vidport::videoport
