/*
 * Scenario: an NT4-era miniport initializes VIDEO_ACCESS_RANGE with the five fields that existed
 * then (RangePassive came later) and compiles with -Wall -Werror, the documented build line.
 * -Wextra would rightly flag the missing sixth field, as it would with any header; the classic
 * sequence test covers -Wextra with complete initializers.
 */
#include "dderror.h"
#include "devioctl.h"
#include "miniport.h"
#include "ntddvdeo.h"
#include "video.h"

static VIDEO_ACCESS_RANGE VgaRanges[] = {
    {{{0x3B0, 0}}, 0x0C, 1, 1, 0},
    {{{0x3C0, 0}}, 0x20, 1, 1, 0},
    {{{0xA0000, 0}}, 0x20000, 0, 0, 0},
};

VP_STATUS Nt4ClaimRanges(PVOID HwDeviceExtension)
{
    return VideoPortVerifyAccessRanges(HwDeviceExtension, ARRAYSIZE(VgaRanges), VgaRanges);
}
