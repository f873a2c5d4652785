#include "guardedtcpserver.h"

#include "requestguard.h"

#include <QTcpSocket>

namespace quotecast {

GuardedTcpServer::GuardedTcpServer(const ServerSettings &settings, QObject *parent)
    : QTcpServer(parent)
    , m_settings(settings)
{ }

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
