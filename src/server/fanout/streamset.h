#pragma once

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QTcpSocket;

namespace quotecast {

class StreamWriter;

// Every open event stream, spread over a few StreamWriter threads that do the
// fan-out. The hub's thread only hands streams and events over,
// so the work proportional to the number of clients never runs there.
class StreamSet : public QObject
{
    Q_OBJECT

public:
    // `threads` StreamWriters (0: one per core but one); a client whose unsent data passes
    // `maxPendingBytes` is dropped as too slow, one whose connection makes no progress for
    // `clientTimeoutMs` (1000 to 3,600,000) by the kernel.
    StreamSet(int threads, qint64 maxPendingBytes, int clientTimeoutMs, QObject *parent = nullptr);
    ~StreamSet() override;

    // Takes the connection of `socket` over (Qt's socket is closed; its owner deletes it as
    // usual), sends it `initial`, and from then on every broadcast its filter (`symbols`,
    // all when empty) lets through. The caller has taken the socket out of Qt's hands: no
    // slot reads it any more. A connection that cannot be taken over is logged and dropped.
    void add(QTcpSocket *socket, const QByteArray &initial, const QSet<QString> &symbols);
    // Queues `bytes` for every stream whose filter lets `symbol` through (all for an
    // empty symbol).
    void broadcast(const QByteArray &bytes, const QString &symbol = {});
    // Queues a heartbeat for every stream; Totals::eventsSent does not count it.
    void broadcastHeartbeat(const QByteArray &bytes);
    // Sends what each client still has pending, as far as it goes, then closes every
    // stream with a FIN: the clean end of stream that makes browsers reconnect.
    void closeAll();

    // Totals over the writers, for /metrics. Each writer's are read without a lock, so
    // they may be a moment behind one another.
    struct Totals
    {
        quint64 eventsSent = 0;
        quint64 bytesSent = 0;
        quint64 slowClientsDropped = 0;
        quint64 clientsTimedOut = 0;
    };

    int size() const;
    Totals totals() const;

signals:
    // In this object's thread, once per change however many streams closed at once.
    void sizeChanged(int size);

private:
    // Called from the writers' threads.
    void scheduleSizeReport();
    void reportSize();

    std::vector<std::unique_ptr<StreamWriter>> m_writers;
    std::atomic<bool> m_sizeReportScheduled { false };
    int m_reportedSize = 0;
};

} // namespace quotecast
