/*
 * Scenario: a miniport compiled without -fshort-wchar. Its L"..." strings would not be WCHAR
 * strings, so the headers must stop the build with a message that names the missing flag.
 */
#include "video.h"
