// Runs a scenario's steps against a started HostedRun and records each expectation's result in
// the report. Stops at the first step after which the machine halted (crash or hang).
#pragma once

#include "host/hosted_run.h"
#include "host/scenario.h"

namespace vidport::host {

// Returns false when the run cannot go on (the machine halted, or a step named an adapter that
// does not exist: a HostError with the step's file:line).
bool run_scenario(HostedRun& run, const Scenario& scenario);

// The built-in sequence of `vidport run` without --scenario: the display driver's start-up
// requests, then two seconds of clock time so interrupts, DPCs and the timer show.
bool run_default_sequence(HostedRun& run);

}  // namespace vidport::host
