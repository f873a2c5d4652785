#include <platform/resourcelimits.h>

namespace quotecast {

long raiseFileDescriptorLimit()
{
    return -1; // no portable way to know or raise it (Windows has no such limit for sockets)
}

} // namespace quotecast
