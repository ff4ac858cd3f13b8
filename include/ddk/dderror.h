/*
 * dderror.h - the Win32 status codes a video miniport may return (the VP_STATUS values).
 *
 * The values are Windows' documented error numbers. They are plain int constants rather than the
 * `L`-suffixed literals of Microsoft's header, because LONG is 32 bits here and `long` is not.
 */
#ifndef VIDPORT_DDK_DDERROR_H
#define VIDPORT_DDK_DDERROR_H

#define NO_ERROR                             0
#define ERROR_INVALID_FUNCTION               1
#define ERROR_NOT_ENOUGH_MEMORY              8
#define ERROR_NOT_SUPPORTED                  50
#define ERROR_DEV_NOT_EXIST                  55
#define ERROR_INVALID_PARAMETER              87
#define ERROR_INSUFFICIENT_BUFFER            122
#define ERROR_INVALID_NAME                   123
#define ERROR_BUSY                           170
#define ERROR_MORE_DATA                      234
#define WAIT_TIMEOUT                         258
#define ERROR_IO_PENDING                     997
#define ERROR_DEVICE_REINITIALIZATION_NEEDED 1164
#define ERROR_CONTINUE                       1246
#define ERROR_NO_MORE_DEVICES                1248
#define ERROR_REVISION_MISMATCH              1306
#define ERROR_NO_SYSTEM_RESOURCES            1450

#endif /* VIDPORT_DDK_DDERROR_H */
