#include "loadreport.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace sseload {

void report(const Options &options, const Measured &measured)
{
    const Stats &stats = measured.stats;
    const ProcSample &before = measured.before;
    const ProcSample &after = measured.after;
    const double seconds = measured.seconds;
    const long long openAtEnd = measured.openAtEnd;

    const double eventsPerSecond = seconds > 0 ? double(stats.events) / seconds : 0;
    const double expected = double(stats.events + stats.missing);
    const double delivered = expected > 0 ? 100.0 * double(stats.events) / expected : 100.0;
    const double cpuCores = seconds > 0 && options.serverPid > 0
        ? double(after.cpuTicks - before.cpuTicks) / double(sysconf(_SC_CLK_TCK)) / seconds
        : 0;
    const double kbPerClient
        = stats.connected > 0 ? double(after.rssKb) / double(stats.connected) : 0;

    std::printf(
        "clients     %d asked, %lld connected, %lld failed, %lld dropped, %lld open at end\n",
        options.clients, stats.connected, stats.failed, stats.dropped, openAtEnd);
    for (const auto &[why, count] : stats.failures)
        std::printf("            %lld failed: %s\n", count, why.c_str());
    if (options.reconnect)
        std::printf(
            "reconnect   %lld reconnected (Last-Event-ID and retry honoured), over %.2f s\n",
            stats.reconnected,
            double((stats.lastReconnect - stats.firstReconnect) / std::chrono::milliseconds(1))
                / 1000.0);
    std::printf("events      %lld in %.1f s = %.0f/s, %lld missing (%.3f %% delivered)\n",
                stats.events, seconds, eventsPerSecond, stats.missing, delivered);
    std::printf("latency ms  p50 %lld  p90 %lld  p99 %lld  max %lld\n",
                stats.latency.percentile(0.50), stats.latency.percentile(0.90),
                stats.latency.percentile(0.99), stats.latency.max);
    std::printf("set-up ms   p50 %lld  p99 %lld  max %lld (connect() to the answer's head)\n",
                stats.setup.percentile(0.50), stats.setup.percentile(0.99), stats.setup.max);
    if (options.serverPid > 0)
        std::printf("server      RSS %lld KB at the start of the hold, %lld KB at the end (%.1f "
                    "KB/client), CPU %.2f cores\n",
                    before.rssKb, after.rssKb, kbPerClient, cpuCores);

    if (!options.json.empty()) {
        std::ofstream json(options.json);
        json << "{\"clients\":" << options.clients << ",\"connected\":" << stats.connected
             << ",\"failed\":" << stats.failed << ",\"dropped\":" << stats.dropped
             << ",\"reconnected\":" << stats.reconnected << ",\"openAtEnd\":" << openAtEnd
             << ",\"events\":" << stats.events << ",\"seconds\":" << seconds
             << ",\"eventsPerSecond\":" << eventsPerSecond << ",\"missing\":" << stats.missing
             << ",\"deliveredPercent\":" << delivered
             << ",\"latencyMs\":{\"p50\":" << stats.latency.percentile(0.50)
             << ",\"p90\":" << stats.latency.percentile(0.90)
             << ",\"p99\":" << stats.latency.percentile(0.99) << ",\"max\":" << stats.latency.max
             << "},\"setupP50\":" << stats.setup.percentile(0.50)
             << ",\"setupP99\":" << stats.setup.percentile(0.99)
             << ",\"setupMax\":" << stats.setup.max << ",\"serverRssStartKb\":" << before.rssKb << ",\"serverRssKb\":" << after.rssKb
             << ",\"serverKbPerClient\":" << kbPerClient << ",\"serverCpuCores\":" << cpuCores
             << "}\n";
    }
}

} // namespace sseload
