// Test support: a PC with the debug console and a port recorder but no VGA (VGA ports read all
// ones), for tests of the processor, the loaders and the ROM's init.
#pragma once

#include "bus/io_bus.h"
#include "kernel/clock.h"
#include "pc/debug_console.h"
#include "pc/pc.h"
#include "pc/port_monitor.h"
#include "pc/video_bios.h"
#include "reference_trace.h"

namespace vidport::pc::testing {

struct BareMachine {
  BareMachine() {
    console.attach(bus);
    monitor.attach(bus);
    monitor.set_downstream(&recorder);
  }
  kernel::VirtualClock clock;
  bus::IoBus bus;
  DebugConsole console;
  PortMonitor monitor;
  RecordingObserver recorder;
  Pc pc{bus, clock};
  VideoBios bios{pc};
};

}  // namespace vidport::pc::testing
