#include <server/guardedtcpserver.h>

#include <platform/rawsocket.h>
#include <server/guardedsocket.h>

#include <utility>
#include <variant>

namespace quotecast {

GuardedTcpServer::GuardedTcpServer(const ServerSettings &settings, QObject *parent)
    : QTcpServer(parent)
    , m_settings(settings)
{
    // Qt's default of 50 pending connections overflows when a thousand browsers come
    // back at once after a restart: the kernel drops their SYNs and they wait a second
    // or more to retry. The kernel caps this at net.core.somaxconn (4096 on Debian 12).
    setListenBacklogSize(4096);
}

void GuardedTcpServer::setStreamOpener(StreamOpener opener)
{
    m_streamOpener = std::move(opener);
    // A browser sends its request right after the handshake; accepted before it arrives, the
    // connection would go the guard's way. Without any byte for a second it is accepted
    // anyway, and the guard's request deadline starts.
    deferAcceptUntilData(socketDescriptor(), 1);
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    if (openedDirectly(socketDescriptor))
        return;
    auto *socket = new GuardedSocket(m_settings, this);
    if (!socket->take(socketDescriptor)) {
        delete socket;
        return;
    }
    addPendingConnection(socket);
}

bool GuardedTcpServer::openedDirectly(qintptr socketDescriptor)
{
    if (!m_streamOpener)
        return false;
    // Peeked, not read: whatever the opener leaves, the guard then reads from the start.
    const QByteArray received = peekReceived(socketDescriptor, m_settings.maxRequestBytes + 1);
    if (received.isEmpty())
        return false;
    RequestFramer framer(GuardedSocket::framerLimits(m_settings));
    framer.append(received);
    const std::optional<RequestFramer::Item> first = framer.next();
    const auto *request = first ? std::get_if<RequestFramer::Request>(&*first) : nullptr;
    return request && m_streamOpener(socketDescriptor, *request);
}

} // namespace quotecast
