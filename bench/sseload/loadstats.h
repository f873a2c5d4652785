#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <string>

namespace sseload {

using Clock = std::chrono::steady_clock;

// Now on the system clock in milliseconds, as an event's `ts` is.
long long nowMs();

// Latency histogram in milliseconds: constant memory however many events arrive.
struct Histogram
{
    std::array<long long, 60001> counts {};
    long long total = 0;
    long long max = 0;

    void add(long long ms)
    {
        ms = std::clamp(ms, 0LL, 60000LL);
        ++counts[size_t(ms)];
        ++total;
        max = std::max(max, ms);
    }
    long long percentile(double p) const;
};

// What the crowd of connections saw, summed over all of them.
struct Stats
{
    long long connected = 0, failed = 0, dropped = 0, reconnected = 0;
    Clock::time_point firstReconnect {}, lastReconnect {};
    long long events = 0, missing = 0;
    std::map<std::string, long long> failures; // why, for connections that got no answer
    Histogram latency;
    Histogram setup; // from connect() to the answer's head: how long a stream takes to open

    void fail(const std::string &why)
    {
        ++failed;
        ++failures[why];
    }
};

// The server's memory and CPU time so far, from /proc/<pid>.
struct ProcSample
{
    long long rssKb = 0;
    long long cpuTicks = 0;
};

// Zeros when pid is 0 (no --server-pid) or the process is gone.
ProcSample sampleProcess(int pid);

} // namespace sseload
