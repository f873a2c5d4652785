#include <platform/resourcelimits.h>

#include <QtGlobal>

#include <limits>

namespace quotecast {

int streamCapacity(long fileDescriptorLimit)
{
    constexpr long Reserve = 256;
    if (fileDescriptorLimit < 0)
        return std::numeric_limits<int>::max(); // no limit known: none to respect
    return int(qBound(1L, fileDescriptorLimit - Reserve, long(std::numeric_limits<int>::max())));
}

} // namespace quotecast
