// VideoPortDebugPrint formats with Windows' printf rules, not glibc's: these are the cases where
// the two differ (32-bit %lx/%lu, %I64x, %p width, 16-bit wide strings) and the common ones.
#include <gtest/gtest.h>

#include <cstdarg>

#include "videoport/debug_print.h"

namespace vidport::videoport {
namespace {

std::string windows(const char* format, ...) {
  va_list args;
  va_start(args, format);
  std::string text = format_windows(format, args);
  va_end(args);
  return text;
}

// Scenario: a driver prints ULONGs with %lx and %lu, as every NT driver does: they are 32-bit
// arguments, so the next conversion still gets its own argument.
TEST(WindowsFormat, LongIsThirtyTwoBits) {
  EXPECT_EQ(windows("%lx-%x", 0x11223344u, 0x55u), "11223344-55");
  EXPECT_EQ(windows("%lu %lu", 4294967295u, 7u), "4294967295 7");
  EXPECT_EQ(windows("%ld", -5), "-5");
}

// Scenario: 64-bit values through %I64x / %I64d / %llx and pointer-sized ones through %Ix.
TEST(WindowsFormat, SixtyFourBitPrefixes) {
  EXPECT_EQ(windows("%I64x", 0x123456789abcdefULL), "123456789abcdef");
  EXPECT_EQ(windows("%I64d", -1LL), "-1");
  EXPECT_EQ(windows("%llX", 0xabcdef0123ULL), "ABCDEF0123");
  EXPECT_EQ(windows("%Ix", static_cast<unsigned long long>(0xfedcba9876ULL)), "fedcba9876");
  EXPECT_EQ(windows("%I32x %x", 0x10u, 0x20u), "10 20");
}

// Scenario: %p prints the pointer as 16 upper-case hex digits, as Windows x64 does.
TEST(WindowsFormat, PointerIsSixteenHexDigits) {
  EXPECT_EQ(windows("%p", reinterpret_cast<void*>(0x1234abcd)), "000000001234ABCD");
}

// Scenario: wide (UTF-16) strings through %ws, %S and %ls, a wide char through %wc, and NULL.
TEST(WindowsFormat, WideStrings) {
  EXPECT_EQ(windows("[%ws]", u"Pulse"), "[Pulse]");
  EXPECT_EQ(windows("[%S]", u"Wide"), "[Wide]");
  EXPECT_EQ(windows("[%ls]", u"L\u00e9"), "[L\xc3\xa9]");
  EXPECT_EQ(windows("[%wc]", static_cast<int>(u'Z')), "[Z]");
  EXPECT_EQ(windows("[%s][%ws]", static_cast<const char*>(nullptr), static_cast<const char16_t*>(nullptr)),
            "[(null)][(null)]");
}

// Scenario: flags, width, precision (also through *), short sizes, %% and an unknown conversion,
// which is copied through rather than dropped.
TEST(WindowsFormat, FlagsWidthPrecisionAndOddities) {
  EXPECT_EQ(windows("%5d|%-5d|%05x", 42, 42, 0x2a), "   42|42   |0002a");
  EXPECT_EQ(windows("%.3s|%*d|%-*s|", "abcdef", 4, 7, 3, "x"), "abc|   7|x  |");
  EXPECT_EQ(windows("%hx %hhx", 0x12345, 0x1ff), "2345 ff");
  EXPECT_EQ(windows("100%% %c", 'A'), "100% A");
  EXPECT_EQ(windows("%#lx", 0x300u), "0x300");
  EXPECT_EQ(windows("odd %Z end"), "odd %Z end");
}

}  // namespace
}  // namespace vidport::videoport
