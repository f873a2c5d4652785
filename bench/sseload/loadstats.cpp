#include "loadstats.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sseload {

long long nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

long long Histogram::percentile(double p) const
{
    long long seen = 0;
    const long long rank = (long long)(p * double(total));
    for (size_t ms = 0; ms < counts.size(); ++ms) {
        seen += counts[ms];
        if (seen > rank)
            return (long long)ms;
    }
    return max;
}

ProcSample sampleProcess(int pid)
{
    ProcSample sample;
    if (pid <= 0)
        return sample;
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0)
            sample.rssKb = std::atoll(line.c_str() + 6);
    }
    std::ifstream statFile("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(statFile)), {});
    const size_t close = stat.rfind(')');
    if (close != std::string::npos) {
        std::istringstream fields(stat.substr(close + 2));
        std::string field;
        long long utime = 0, stime = 0;
        for (int i = 3; fields >> field; ++i) {
            if (i == 14)
                utime = std::atoll(field.c_str());
            if (i == 15) {
                stime = std::atoll(field.c_str());
                break;
            }
        }
        sample.cpuTicks = utime + stime;
    }
    return sample;
}

} // namespace sseload
