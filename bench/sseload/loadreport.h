#pragma once

#include "loadoptions.h"
#include "loadstats.h"

namespace sseload {

// What one run measured, as the report gives it.
struct Measured
{
    const Stats &stats;
    ProcSample before; // the server at the start of the measured hold
    ProcSample after; // and at its end
    double seconds = 0; // how long the measuring lasted
    long long openAtEnd = 0; // connections with a stream still open at the end
};

// Prints the report on standard output and, with --json, writes it to that file. bench/run.sh,
// portable.sh, topology.sh and faults.sh read both: their format does not change.
void report(const Options &options, const Measured &measured);

} // namespace sseload
