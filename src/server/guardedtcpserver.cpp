#include <server/guardedtcpserver.h>

#include <server/guardedsocket.h>

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

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new GuardedSocket(m_settings, this);
    if (!socket->take(socketDescriptor)) {
        delete socket;
        return;
    }
    addPendingConnection(socket);
}

} // namespace quotecast
