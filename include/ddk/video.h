/*
 * video.h - the VideoPort interface of a video miniport driver: the calls it makes into VideoPort
 * and the structures it exchanges with it.
 *
 * The classic sequence dderror.h, devioctl.h, miniport.h, ntddvdeo.h, video.h works, and so does
 * video.h alone: it includes what it builds on. The declarations are split by topic into
 * vidport/vp_*.h, which are not meant to be included directly.
 */
#ifndef VIDPORT_DDK_VIDEO_H
#define VIDPORT_DDK_VIDEO_H

#include "vidport/vp_base.h"
#include "ntddvdeo.h"

#include "vidport/vp_config_info.h"
#include "vidport/vp_request_packet.h"
#include "vidport/vp_child.h"
#include "vidport/vp_init_data.h"
#include "vidport/vp_resources.h"
#include "vidport/vp_memory.h"
#include "vidport/vp_int10.h"
#include "vidport/vp_services.h"
#include "vidport/vp_synchronize.h"
#include "vidport/vp_spin_lock.h"
#include "vidport/vp_event.h"
#include "vidport/vp_port_io.h"

#endif /* VIDPORT_DDK_VIDEO_H */
