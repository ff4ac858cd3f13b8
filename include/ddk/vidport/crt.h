/*
 * vidport/crt.h - the C library functions Microsoft's compiler gives every driver as intrinsics.
 *
 * Driver sources call memcpy and friends without including <string.h>. In C they are declared
 * here with glibc-compatible prototypes, so a later <string.h> agrees with them; this also keeps
 * the headers usable with only a compiler's freestanding headers. C++ takes the library's own
 * declarations, whose exception specifications a plain redeclaration would contradict.
 */
#ifndef VIDPORT_DDK_CRT_H
#define VIDPORT_DDK_CRT_H

#include "freestanding.h"

#ifdef __cplusplus
#include <string.h>
#else
void *memcpy(void *destination, const void *source, size_t length);
void *memmove(void *destination, const void *source, size_t length);
void *memset(void *destination, int value, size_t length);
int memcmp(const void *left, const void *right, size_t length);
#endif

#endif /* VIDPORT_DDK_CRT_H */
