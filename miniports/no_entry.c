/* no_entry.c - a module built like a miniport that exports no DriverEntry (a bad-input test). */
#include <video.h>

ULONG NotDriverEntry(PVOID Context1, PVOID Context2)
{
    return 0;
}
