#include <server/fanout/qtstreamset.h>

#include <platform/rawsocket.h>

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcQtStreams, "quotecast.streams", QtInfoMsg)

namespace quotecast {

StreamSet *StreamSet::create(int, qint64 maxPendingBytes, int, QObject *parent)
{
    return new QtStreamSet(maxPendingBytes, parent);
}

QtStreamSet::QtStreamSet(qint64 maxPendingBytes, QObject *parent)
    : StreamSet(parent)
    , m_sendBufferBytes(kernelSendBufferBytes(maxPendingBytes))
    // Qt cannot ask the kernel what it holds (no SIOCOUTQ): its share is bounded instead, by
    // the send buffer, which Linux doubles; Qt's own buffer gets the rest (three quarters).
    , m_maxQueuedBytes(maxPendingBytes - 2 * qint64(m_sendBufferBytes))
{ }

QtStreamSet::~QtStreamSet()
{
    closeAll();
}

void QtStreamSet::add(QTcpSocket *socket, const QByteArray &initial, const QSet<QString> &symbols)
{
    // Keepalive is what Qt offers everywhere to notice a browser that vanished; Linux's
    // TCP_USER_TIMEOUT (the epoll fan-out) is not portable.
    socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, m_sendBufferBytes);
    m_streams.insert(socket, symbols);
    m_size = int(m_streams.size());
    // A stream is one-way: what the client sends is read and dropped.
    connect(socket, &QTcpSocket::readyRead, this, [socket] { socket->readAll(); });
    connect(socket, &QTcpSocket::bytesWritten, this,
            [this](qint64 bytes) { m_totals.bytesSent += quint64(bytes); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        disconnect(socket, nullptr, this, nullptr);
        socket->deleteLater(); // safe if its owner has asked for it too
        remove(socket);
    });
    // Its owner (QHttpServer) may delete it first, at shutdown.
    connect(socket, &QObject::destroyed, this, [this, socket] { remove(socket); });
    socket->write(initial);
    reportSize();
}

void QtStreamSet::add(qintptr descriptor, const QByteArray &initial, const QSet<QString> &symbols)
{
    auto *socket = new QTcpSocket(this); // deleted when it disconnects, as Qt's own are
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcQtStreams) << "cannot take over a stream:" << socket->errorString();
        delete socket;
        closeDescriptor(descriptor);
        return;
    }
    add(socket, initial, symbols);
}

void QtStreamSet::broadcast(const QByteArray &bytes, const QString &symbol)
{
    fanOut(bytes, symbol, true);
}

void QtStreamSet::broadcastHeartbeat(const QByteArray &bytes)
{
    fanOut(bytes, {}, false);
}

void QtStreamSet::fanOut(const QByteArray &bytes, const QString &symbol, bool counted)
{
    QList<QTcpSocket *> slow;
    for (auto it = m_streams.cbegin(); it != m_streams.cend(); ++it) {
        if (!symbol.isEmpty() && !it->isEmpty() && !it->contains(symbol))
            continue;
        QTcpSocket *socket = it.key();
        if (socket->bytesToWrite() + bytes.size() > m_maxQueuedBytes) {
            slow.append(socket);
            continue;
        }
        socket->write(bytes); // shares the bytes until Qt copies them into its buffer
        m_totals.eventsSent += counted ? 1 : 0;
    }
    // Cut after the loop: abort() emits disconnected(), which removes from m_streams.
    for (QTcpSocket *socket : std::as_const(slow)) {
        ++m_totals.slowClientsDropped;
        qCInfo(lcQtStreams) << "dropped a slow client with" << socket->bytesToWrite()
                            << "bytes unsent; slow clients dropped so far:"
                            << m_totals.slowClientsDropped;
        // What the kernel still holds for it (its send buffer at most) it delivers or gives up
        // on by itself: Qt has no SO_LINGER to reset the connection, as the epoll fan-out does.
        socket->abort();
    }
}

void QtStreamSet::closeAll()
{
    if (m_streams.isEmpty())
        return;
    // Each socket writes what it still holds, then sends its FIN; waited for together, within
    // a bound, since a client that does not read would hold the shutdown forever.
    const QList<QTcpSocket *> sockets = m_streams.keys();
    for (QTcpSocket *socket : sockets)
        socket->disconnectFromHost();
    const QDeadlineTimer deadline(2000);
    for (QTcpSocket *socket : sockets) {
        if (m_streams.contains(socket) && socket->state() != QAbstractSocket::UnconnectedState)
            socket->waitForDisconnected(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    for (QTcpSocket *socket : sockets) {
        if (m_streams.contains(socket))
            socket->abort();
    }
}

int QtStreamSet::size() const
{
    return m_size;
}

StreamSet::Totals QtStreamSet::totals() const
{
    return m_totals;
}

void QtStreamSet::remove(QTcpSocket *socket)
{
    if (!m_streams.remove(socket))
        return;
    m_size = int(m_streams.size());
    scheduleSizeReport(); // once however many closed
}

} // namespace quotecast
