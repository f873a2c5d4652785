#include <platform/resourcelimits.h>

#include <QtGlobal>

#include <limits>

#include <sys/resource.h>

namespace quotecast {

long raiseFileDescriptorLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return long(limit.rlim_cur);
}

int streamCapacity(long fileDescriptorLimit)
{
    constexpr long Reserve = 256;
    return int(qBound(1L, fileDescriptorLimit - Reserve, long(std::numeric_limits<int>::max())));
}

} // namespace quotecast
