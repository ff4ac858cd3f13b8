/*
 * ntdef.h - the basic NT types, with the sizes Windows x64 gives them.
 *
 * Rules for these types:
 * - Windows is LLP64: LONG and ULONG are 32 bits, pointers and the *_PTR integers are 64 bits,
 *   LONGLONG is 64 bits. So LONG is `int` here, never `long` (which is 64 bits on Linux).
 * - WCHAR is 16 bits. C miniports must be compiled with -fshort-wchar so that L"..." literals have
 *   WCHAR elements; the header refuses to compile otherwise. C++ (the vidport runtime) sees WCHAR
 *   as char16_t, which has the same size and needs no compiler flag.
 * - Calling conventions and import decorations mean nothing on this target and expand to nothing.
 *
 * Drivers may include this first (as many do); miniport.h and video.h include it themselves.
 */
#ifndef VIDPORT_DDK_NTDEF_H
#define VIDPORT_DDK_NTDEF_H

#include "vidport/freestanding.h"
#include "vidport/sal.h"

/* Parameter decorations and calling conventions: documentation only on this target. */
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif
#ifndef CONST
#define CONST const
#endif
#ifndef NTAPI
#define NTAPI
#endif
#ifndef NTSYSAPI
#define NTSYSAPI
#endif
#ifndef NTKERNELAPI
#define NTKERNELAPI
#endif
#ifndef NTHALAPI
#define NTHALAPI
#endif
#ifndef FASTCALL
#define FASTCALL
#endif
#ifndef DECLSPEC_IMPORT
#define DECLSPEC_IMPORT
#endif
#ifndef DECLSPEC_EXPORT
#define DECLSPEC_EXPORT
#endif
#ifndef DECLSPEC_NOINLINE
#define DECLSPEC_NOINLINE
#endif
#ifndef DECLSPEC_NORETURN
#define DECLSPEC_NORETURN
#endif
#ifndef DECLSPEC_DEPRECATED_DDK
#define DECLSPEC_DEPRECATED_DDK
#endif
#ifndef DECLSPEC_SELECTANY
#define DECLSPEC_SELECTANY
#endif
#define ANYSIZE_ARRAY 1

/*
 * Microsoft's calling-convention keywords, which x86-64 Linux compilers do not know. There is one
 * calling convention on this target, so they mean nothing. C only, like the rest of the driver
 * compatibility below.
 */
#ifndef __cplusplus
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __cdecl
#define __cdecl
#endif
#ifndef __fastcall
#define __fastcall
#endif
#ifndef __forceinline
#define __forceinline __inline__ __attribute__((always_inline))
#endif
#endif

/*
 * Driver sources carry Microsoft-only pragmas (alloc_text, code_seg, warning) and change the
 * structure packing inside pshpack*.h. Both are normal for a driver, so from here on the C
 * compiler does not warn about them; C++ (the runtime) keeps every warning.
 */
#ifndef __cplusplus
#pragma GCC diagnostic ignored "-Wunknown-pragmas"
#ifdef __clang__
#pragma clang diagnostic ignored "-Wpragma-pack"
#endif
#endif

#ifndef VOID
#define VOID void
#endif

typedef void *PVOID;
typedef char CHAR, *PCHAR, *PSTR;
typedef const char *PCSTR;
typedef char CCHAR;
typedef unsigned char UCHAR, *PUCHAR;
typedef short SHORT, *PSHORT, CSHORT;
typedef unsigned short USHORT, *PUSHORT;
typedef int INT, *PINT;
typedef unsigned int UINT, *PUINT;
typedef int LONG, *PLONG;
typedef unsigned int ULONG, *PULONG;
typedef long long LONGLONG, *PLONGLONG;
typedef unsigned long long ULONGLONG, *PULONGLONG;
typedef int LONG32, *PLONG32;
typedef unsigned int ULONG32, *PULONG32;
typedef long long LONG64, *PLONG64;
typedef unsigned long long ULONG64, *PULONG64;
typedef unsigned char BOOLEAN, *PBOOLEAN;

/* Pointer-sized integers: 64 bits on x64, whatever `long` is on the host. */
typedef __INTPTR_TYPE__ LONG_PTR, *PLONG_PTR;
typedef __UINTPTR_TYPE__ ULONG_PTR, *PULONG_PTR;
typedef ULONG_PTR SIZE_T, *PSIZE_T;
typedef LONG_PTR SSIZE_T, *PSSIZE_T;

typedef LONG NTSTATUS, *PNTSTATUS;
typedef UCHAR KIRQL, *PKIRQL;
typedef PVOID HANDLE, *PHANDLE;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/*
 * WCHAR. C: wchar_t, which must be 16 bits (-fshort-wchar). C++: char16_t, so the runtime can
 * include these headers without that flag (it never uses L"..." literals with DDK types).
 */
#ifdef __cplusplus
typedef char16_t WCHAR;
#else
#if defined(__SIZEOF_WCHAR_T__)
#if __SIZEOF_WCHAR_T__ != 2
#error "vidport DDK headers: WCHAR must be 16 bits as on Windows; compile the miniport with -fshort-wchar"
#endif
#else
_Static_assert(sizeof(wchar_t) == 2,
               "vidport DDK headers: WCHAR must be 16 bits as on Windows; compile the miniport with -fshort-wchar");
#endif
typedef wchar_t WCHAR;
#endif
typedef WCHAR *PWCHAR, *PWSTR, *LPWSTR;
typedef const WCHAR *PCWSTR, *LPCWSTR;
#define UNICODE_NULL ((WCHAR)0)

/*
 * LARGE_INTEGER: the {LowPart, HighPart} struct comes first so that a brace initializer such as
 * {{0xA0000, 0}} fills it, exactly as with Microsoft's compiler; drivers also spell it `.u.LowPart`.
 */
typedef union _LARGE_INTEGER {
    struct {
        ULONG LowPart;
        LONG HighPart;
    };
    struct {
        ULONG LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    struct {
        ULONG LowPart;
        ULONG HighPart;
    };
    struct {
        ULONG LowPart;
        ULONG HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;

/* A counted UTF-16 string; Length and MaximumLength are in bytes. */
typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

typedef struct _GUID {
    ULONG Data1;
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID, *LPGUID, *PGUID;
typedef const GUID *LPCGUID, *PCGUID;

/* Helpers Microsoft's headers give every driver. */
#define FIELD_OFFSET(type, field) ((LONG)__builtin_offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_NUMBER_OF(array) (sizeof(array) / sizeof((array)[0]))
#define ARRAYSIZE(array) RTL_NUMBER_OF(array)
#define CONTAINING_RECORD(address, type, field) \
    ((type *)((PCHAR)(address) - (ULONG_PTR)__builtin_offsetof(type, field)))
#define UNREFERENCED_PARAMETER(p) ((void)(p))
#define DBG_UNREFERENCED_PARAMETER(p) ((void)(p))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))

#ifdef __cplusplus
#define C_ASSERT(e) static_assert((e), #e)
#else
#define C_ASSERT(e) _Static_assert((e), #e)
#endif

#endif /* VIDPORT_DDK_NTDEF_H */
