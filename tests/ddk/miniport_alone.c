/* Scenario: a source that includes only miniport.h gets the base types and the INTERFACE header. */
#include "miniport.h"

ULONG MiniportAloneProbe(PINTERFACE Interface, PHYSICAL_ADDRESS Address)
{
    ASSERT(Interface != NULL);
    return Interface->Size + Address.u.LowPart + (ULONG)(PASSIVE_LEVEL + sizeof(EMULATOR_ACCESS_ENTRY));
}
