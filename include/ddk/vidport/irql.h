/*
 * vidport/irql.h - interrupt request levels, numbered as on Windows x64.
 *
 * A processor at some IRQL takes only interrupts of a higher level. Device interrupts (DIRQL) use
 * the levels between DISPATCH_LEVEL and SYNCH_LEVEL; which line gets which level is vidport's
 * documented table, not part of this header.
 */
#ifndef VIDPORT_DDK_IRQL_H
#define VIDPORT_DDK_IRQL_H

#define PASSIVE_LEVEL  0
#define LOW_LEVEL      0
#define APC_LEVEL      1
#define DISPATCH_LEVEL 2
#define CMCI_LEVEL     5
#define SYNCH_LEVEL    12
#define CLOCK_LEVEL    13
#define IPI_LEVEL      14
#define DRS_LEVEL      14
#define POWER_LEVEL    14
#define PROFILE_LEVEL  15
#define HIGH_LEVEL     15

#endif /* VIDPORT_DDK_IRQL_H */
