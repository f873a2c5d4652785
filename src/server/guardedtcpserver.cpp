#include <server/guardedtcpserver.h>

#include <server/requestguard.h>

#include <QTcpSocket>

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
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    auto *guard = new RequestGuard(socket, m_settings);
    connect(guard, &RequestGuard::accepted, this, &GuardedTcpServer::handOver);
}

void GuardedTcpServer::handOver(QTcpSocket *socket)
{
    // QHttpServer connects to the socket while this emits pendingConnectionAvailable.
    // The request is already buffered, and readyRead will not fire again for it, so
    // announce it once more for QHttpServer's parser.
    addPendingConnection(socket);
    emit socket->readyRead();
}

} // namespace quotecast
