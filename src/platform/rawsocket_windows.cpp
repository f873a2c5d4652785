#include <platform/rawsocket.h>

#include <winsock2.h>

namespace quotecast {

bool deferAcceptUntilData(qintptr /*listeningDescriptor*/, int /*seconds*/)
{
    return false;
}

QByteArray peekReceived(qintptr /*socketDescriptor*/, qint64 /*maxBytes*/)
{
    return {}; // Qt reads every request here: MSG_DONTWAIT is not Winsock's
}

void closeDescriptor(qintptr socketDescriptor)
{
    ::closesocket(SOCKET(socketDescriptor));
}

} // namespace quotecast
