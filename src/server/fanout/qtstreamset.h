#pragma once

#include <server/fanout/streamset.h>

#include <QHash>

#include <atomic>

namespace quotecast {

// The portable fan-out: every stream keeps its QTcpSocket, in the hub's thread, and Qt
// writes it; see StreamSet. A client that falls behind is cut when the bytes Qt still holds
// for it (QAbstractSocket::bytesToWrite) would pass what the cap leaves once the kernel's
// send buffer (StreamSet::kernelSendBufferBytes, as Linux counts it) is taken off.
class QtStreamSet final : public StreamSet
{
    Q_OBJECT

public:
    QtStreamSet(qint64 maxPendingBytes, QObject *parent);
    ~QtStreamSet() override;

    void add(QTcpSocket *socket, const QByteArray &initial, const QSet<QString> &symbols) override;
    void add(qintptr descriptor, const QByteArray &initial, const QSet<QString> &symbols) override;
    void broadcast(const QByteArray &bytes, const QString &symbol = {}) override;
    void broadcastHeartbeat(const QByteArray &bytes) override;
    void closeAll() override;
    int size() const override;
    Totals totals() const override;

private:
    // Writes `bytes` to every stream whose filter lets `symbol` through; cuts those that
    // cannot take them.
    void fanOut(const QByteArray &bytes, const QString &symbol, bool counted);
    // Forgets a stream whose socket closed or is being destroyed (not touched here).
    void remove(QTcpSocket *socket);

    const int m_sendBufferBytes; // SO_SNDBUF of every stream socket
    const qint64 m_maxQueuedBytes; // in Qt's buffer, per stream
    QHash<QTcpSocket *, QSet<QString>> m_streams; // socket -> its filter (empty: all)
    std::atomic<int> m_size { 0 };
    Totals m_totals;
};

} // namespace quotecast
