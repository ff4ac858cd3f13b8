/*
 * vidport/freestanding.h - size_t, wchar_t and NULL without any library header.
 *
 * In C these come from the compiler's predefined types, so the DDK headers compile with no C
 * library at all (the layout test compiles them for the Windows ABI with -nostdinc, where even
 * the cross compiler's own stddef.h is unusable). The typedefs name the same types <stddef.h>
 * does, so a driver may include that header as well. C++ takes them from <cstddef>.
 */
#ifndef VIDPORT_DDK_FREESTANDING_H
#define VIDPORT_DDK_FREESTANDING_H

#ifdef __cplusplus
#include <cstddef>
#else
typedef __SIZE_TYPE__ size_t;
typedef __WCHAR_TYPE__ wchar_t;
#ifndef NULL
#define NULL ((void *)0)
#endif
#endif

#endif /* VIDPORT_DDK_FREESTANDING_H */
