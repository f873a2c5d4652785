#include <platform/halfclose.h>

#include <sys/socket.h>

namespace quotecast {

bool shutdownSending(qintptr socketDescriptor)
{
    return socketDescriptor >= 0 && ::shutdown(int(socketDescriptor), SHUT_WR) == 0;
}

} // namespace quotecast
