#pragma once

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>

#include <atomic>

class QTcpSocket;

namespace quotecast {

// Every open event stream, and the fan-out of each event to them. The hub's thread only
// hands streams and events over. Two implementations, chosen by the build:
// - "epoll" (Linux): a few StreamWriter threads with raw sockets, so that the work
//   proportional to the number of clients never runs on the hub's thread;
// - "qt" (any platform; QUOTECAST_PORTABLE=ON forces it on Linux): the QTcpSockets stay in
//   the hub's thread and Qt writes them. Simpler and portable, slower under load (bench/).
class StreamSet : public QObject
{
    Q_OBJECT

public:
    // Totals for /metrics. The epoll writers' are read without a lock, so they may be a
    // moment behind one another.
    struct Totals
    {
        quint64 eventsSent = 0; // live events handed to clients, once per client
        quint64 bytesSent = 0; // everything the sockets took
        quint64 slowClientsDropped = 0; // owed more than maxPendingBytes
        quint64 clientsTimedOut = 0; // no progress for clientTimeoutMs (epoll only)
    };

    // The build's implementation. `threads`: epoll writers (0: one per core but one; the Qt
    // one has none of its own). A client that owes more than `maxPendingBytes` (bytes, at
    // least 1024: --client-buffer) is cut as too slow. What it owes is what the fan-out still
    // queues for it plus what its socket's kernel buffer holds: the epoll fan-out asks the
    // kernel (SIOCOUTQ) and cuts with a reset, which frees those bytes at once; the Qt one
    // cannot ask, and bounds the kernel's share instead (see kernelSendBufferBytes). Either
    // checks after each write, so a client may owe up to one write more. One whose connection makes
    // no progress for `clientTimeoutMs` (1000 to 3,600,000) is dropped by the kernel where the
    // platform allows it (Linux's TCP_USER_TIMEOUT; elsewhere TCP keepalive only).
    static StreamSet *create(int threads, qint64 maxPendingBytes, int clientTimeoutMs,
                             QObject *parent);

    // The SO_SNDBUF both fan-outs give a stream socket when they take it over: an eighth of
    // `maxPendingBytes`. Linux doubles it for its bookkeeping (and keeps at least 4608), so the
    // kernel's share of what a client may owe is about a quarter; Windows and macOS take it
    // as it is. A fixed buffer also stops the kernel's autotuning, which let one stalled
    // reader's socket take 640 KB (up to net.ipv4.tcp_wmem's 4 MiB) whatever the cap.
    static int kernelSendBufferBytes(qint64 maxPendingBytes);

    // Takes the connection of `socket` over, sends it `initial`, and from then on every
    // broadcast its filter (`symbols`, all when empty) lets through. The caller has taken
    // the socket out of Qt's hands: no slot reads it any more. A connection that cannot be
    // taken over is logged and dropped.
    virtual void add(QTcpSocket *socket, const QByteArray &initial, const QSet<QString> &symbols)
        = 0;
    // The same for a connected TCP socket no object owns yet (GuardedTcpServer's direct path):
    // the StreamSet owns `descriptor` from now on, and closes it if it cannot use it.
    virtual void add(qintptr descriptor, const QByteArray &initial, const QSet<QString> &symbols)
        = 0;
    // Queues `bytes` for every stream whose filter lets `symbol` through (all for an empty
    // symbol).
    virtual void broadcast(const QByteArray &bytes, const QString &symbol = {}) = 0;
    // Queues a heartbeat for every stream; Totals::eventsSent does not count it.
    virtual void broadcastHeartbeat(const QByteArray &bytes) = 0;
    // Sends what each client still has pending, as far as it goes, then closes every stream
    // with a FIN: the clean end of stream that makes browsers reconnect.
    virtual void closeAll() = 0;

    // Open streams; may be read from any thread.
    virtual int size() const = 0;
    virtual Totals totals() const = 0;

signals:
    // In this object's thread, once per change however many streams closed at once.
    void sizeChanged(int size);

protected:
    using QObject::QObject;

    // Emits sizeChanged() now if the size changed since the last report.
    void reportSize();
    // The same later, in this object's thread, from any thread: a thousand clients leaving at
    // once make one report, not a thousand.
    void scheduleSizeReport();

private:
    std::atomic<bool> m_sizeReportScheduled { false };
    int m_reportedSize = 0;
};

} // namespace quotecast
