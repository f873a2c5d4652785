#pragma once

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>

#include <deque>
#include <unordered_map>

class QSocketNotifier;

namespace quotecast {

// The open event streams, as raw non-blocking sockets in one epoll set. Once a stream's
// HTTP head is written it needs nothing of Qt's per-socket machinery (buffers, signals,
// a place in the event dispatcher's poll set): each event is sent with one send() per
// client from the shared bytes, and only a client that cannot take it all gets a queue
// (of references to those same bytes) and a wake-up when it can take more. Qt's event
// loop watches the single epoll descriptor, so the cost of an idle loop iteration no
// longer grows with the number of streams. Lives in, and is only used from, one thread.
class StreamSet : public QObject
{
    Q_OBJECT

public:
    // A client whose unsent data passes `maxPendingBytes` is dropped as too slow.
    explicit StreamSet(qint64 maxPendingBytes, QObject *parent = nullptr);
    ~StreamSet() override;

    // Takes ownership of `fd` (a connected TCP socket), sends it `initial`, and from
    // then on every broadcast its filter (`symbols`, all when empty) lets through.
    void add(int fd, const QByteArray &initial, const QSet<QString> &symbols);
    void broadcast(const QByteArray &bytes, const QString &symbol = {});
    // Sends what each client still has pending, as far as it goes, then closes every
    // stream with a FIN: the clean end of stream that makes browsers reconnect.
    void closeAll();

    int size() const { return int(m_streams.size()); }
    quint64 slowClientsDropped() const { return m_slowClientsDropped; }

signals:
    void sizeChanged(int size);

private:
    struct Stream
    {
        QSet<QString> symbols;
        std::deque<QByteArray> queue; // shared event bytes not yet sent
        qsizetype offset = 0; // into queue.front()
        qint64 pending = 0;
        bool watchingWrites = false;
    };

    // Sends or queues; false when the stream must be closed.
    bool send(int fd, Stream &stream, const QByteArray &bytes);
    bool flush(int fd, Stream &stream);
    void watchWrites(int fd, Stream &stream, bool on);
    void processEvents();
    void close(int fd);

    const qint64 m_maxPendingBytes;
    const int m_epoll;
    QSocketNotifier *m_notifier;
    std::unordered_map<int, Stream> m_streams;
    quint64 m_slowClientsDropped = 0;
};

} // namespace quotecast
