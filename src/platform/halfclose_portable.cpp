#include <platform/halfclose.h>

namespace quotecast {

bool shutdownSending(qintptr /*socketDescriptor*/)
{
    return false; // Qt has no half-close; the caller closes the socket
}

} // namespace quotecast
