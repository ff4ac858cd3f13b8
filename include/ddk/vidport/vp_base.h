/*
 * vidport/vp_base.h - the pieces every part of video.h builds on. Internal: include video.h.
 *
 * VideoPort functions are declared with C linkage so that C miniports and the C++ runtime that
 * implements them agree on one symbol per function. VIDEOPORT_API and VIDEOPORT_DEPRECATED are
 * import and deprecation decorations on Windows and expand to nothing here.
 */
#ifndef VIDPORT_DDK_VP_BASE_H
#define VIDPORT_DDK_VP_BASE_H

#include "../ntdef.h"
#include "../dderror.h"
#include "../devioctl.h"
#include "../miniport.h"

#define VIDEOPORT_API
#define VIDEOPORT_DEPRECATED

#ifdef __cplusplus
#define VIDPORT_BEGIN_C extern "C" {
#define VIDPORT_END_C }
#else
#define VIDPORT_BEGIN_C
#define VIDPORT_END_C
#endif

/* The result of most VideoPort calls and miniport callbacks: NO_ERROR or a dderror.h code. */
typedef LONG VP_STATUS, *PVP_STATUS;

#endif /* VIDPORT_DDK_VP_BASE_H */
