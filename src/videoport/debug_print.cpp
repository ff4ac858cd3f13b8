#include "videoport/debug_print.h"

#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "kernel/machine.h"
#include "videoport/call_rules.h"
#include "videoport/port_driver.h"

namespace vidport::videoport {

namespace {

enum class Size { Default, Char, Short, Long64, Pointer, Wide };

// Appends one UTF-16 code unit sequence as UTF-8 (unpaired surrogates become U+FFFD).
void append_utf16(std::string& out, const char16_t* text, int max_units) {
  for (int i = 0; text[i] != 0 && (max_units < 0 || i < max_units); ++i) {
    std::uint32_t cp = text[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
}

// Formats one value with a C conversion built from the parsed flags, width and precision.
template <typename T>
void append_c(std::string& out, const std::string& spec, T value) {
  char buffer[512];
  int n = std::snprintf(buffer, sizeof buffer, spec.c_str(), value);
  if (n > 0) out.append(buffer, std::min<std::size_t>(static_cast<std::size_t>(n), sizeof buffer - 1));
}

// Pads `text` to `width` as %s would (left-justified with '-').
void append_padded(std::string& out, const std::string& text, int width, bool left) {
  std::size_t pad = width > 0 && static_cast<std::size_t>(width) > text.size() ? width - text.size() : 0;
  if (!left) out.append(pad, ' ');
  out += text;
  if (left) out.append(pad, ' ');
}

}  // namespace

std::string format_windows(const char* format, va_list args) {
  std::string out;
  if (format == nullptr) return out;
  const char* p = format;
  while (*p) {
    if (*p != '%') {
      out += *p++;
      continue;
    }
    const char* start = p++;
    std::string flags;
    while (*p && std::strchr("-+ #0", *p)) flags += *p++;
    int width = -1;
    int precision = -1;
    if (*p == '*') {
      width = va_arg(args, int);
      if (width < 0) {
        flags += '-';
        width = -width;
      }
      ++p;
    } else {
      while (*p >= '0' && *p <= '9') width = (width < 0 ? 0 : width * 10) + (*p++ - '0');
    }
    if (*p == '.') {
      ++p;
      precision = 0;
      if (*p == '*') {
        precision = va_arg(args, int);
        ++p;
      } else {
        while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
      }
    }
    Size size = Size::Default;
    if (std::strncmp(p, "I64", 3) == 0) { size = Size::Long64; p += 3; }
    else if (std::strncmp(p, "I32", 3) == 0) { size = Size::Default; p += 3; }
    else if (*p == 'I') { size = Size::Pointer; ++p; }
    else if (std::strncmp(p, "ll", 2) == 0) { size = Size::Long64; p += 2; }
    else if (std::strncmp(p, "hh", 2) == 0) { size = Size::Char; p += 2; }
    else if (*p == 'h') { size = Size::Short; ++p; }
    else if (*p == 'l') { size = Size::Default; ++p; if (*p == 's' || *p == 'c') size = Size::Wide; }
    else if (*p == 'w') { size = Size::Wide; ++p; }
    char conv = *p;
    if (conv == 0) {
      out += start;
      break;
    }
    ++p;
    std::string spec = "%" + flags + (width >= 0 ? std::to_string(width) : "") +
                       (precision >= 0 ? "." + std::to_string(precision) : "");
    bool left = flags.find('-') != std::string::npos;
    switch (conv) {
      case '%': out += '%'; break;
      case 'd': case 'i': {
        long long v = size == Size::Long64 || size == Size::Pointer ? va_arg(args, long long) : va_arg(args, int);
        if (size == Size::Short) v = static_cast<short>(v);
        if (size == Size::Char) v = static_cast<signed char>(v);
        append_c(out, spec + "lld", v);
        break;
      }
      case 'u': case 'x': case 'X': case 'o': {
        unsigned long long v = size == Size::Long64 || size == Size::Pointer ? va_arg(args, unsigned long long)
                                                                             : va_arg(args, unsigned);
        if (size == Size::Short) v = static_cast<unsigned short>(v);
        if (size == Size::Char) v = static_cast<unsigned char>(v);
        append_c(out, spec + "ll" + conv, v);
        break;
      }
      case 'p': {
        auto v = reinterpret_cast<std::uintptr_t>(va_arg(args, void*));
        append_padded(out, fmt::format("{:016X}", v), width, left);
        break;
      }
      case 'c': case 'C': {
        int v = va_arg(args, int);
        std::string text;
        if (size == Size::Wide || conv == 'C') {
          char16_t wide[2] = {static_cast<char16_t>(v), 0};
          append_utf16(text, wide, 1);
        } else {
          text += static_cast<char>(v);
        }
        append_padded(out, text, width, left);
        break;
      }
      case 's': case 'S': {
        void* v = va_arg(args, void*);
        bool wide = size == Size::Wide || (conv == 'S' && size != Size::Short);
        std::string text;
        if (v == nullptr) {
          text = "(null)";
        } else if (wide) {
          append_utf16(text, static_cast<const char16_t*>(v), precision);
        } else {
          const char* s = static_cast<const char*>(v);
          text = precision >= 0 ? std::string(s, strnlen(s, static_cast<std::size_t>(precision))) : std::string(s);
        }
        append_padded(out, text, width, left);
        break;
      }
      default:
        out.append(start, p);
        break;
    }
  }
  return out;
}

void debug_print(int level, const char* format, va_list args, std::uintptr_t site) {
  enter(rules::kDebugPrint, site);
  std::string text = format_windows(format, args);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (PortDriver* driver = PortDriver::active()) driver->log("debug-print", level, std::move(text));
}

void log_error(void* extension, const void* vrp, std::int32_t error_code, std::uint32_t unique_id,
               std::uintptr_t site) {
  enter(rules::kLogError, site);
  PortDriver* driver = PortDriver::active();
  if (driver == nullptr) return;
  HostedAdapter* hosted = driver->hosted(extension);
  std::string text = fmt::format("{}: error {:#x}, unique id {:#010x}{}", hosted ? hosted->adapter->name() : "unknown adapter",
                                 static_cast<std::uint32_t>(error_code), unique_id, vrp ? " (with a request packet)" : "");
  driver->log("log-error", 0, text);
  // The miniport says something went wrong: a finding, folded per error code and UniqueId, so a
  // repeated error is one line with a count.
  findings::Finding finding = kernel::make_finding(findings::FindingKind::MiniportLoggedError, site,
                                                   "VideoPortLogError: " + text);
  finding.detail = (std::uint64_t{static_cast<std::uint32_t>(error_code)} << 32) | unique_id;
  driver->machine().report(std::move(finding));
}

}  // namespace vidport::videoport
