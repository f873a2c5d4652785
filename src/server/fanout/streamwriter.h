#pragma once

#include <server/fanout/eventbatch.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace quotecast {

// One fan-out thread with a share of the open event streams, as raw non-blocking
// sockets in an epoll set of its own: the nginx worker model. Once a stream's HTTP head
// is written it needs nothing of Qt's per-socket machinery (buffers, signals, a place in
// an event dispatcher's poll set), and the thread that accepts connections and parses
// requests never waits for the fan-out.
//
// Events are queued from any thread and written by this one, each with one send() per
// client from the shared bytes. When the writer falls behind (more streams than one
// core can serve at the feed's rate), every event queued meanwhile goes out in the same
// send(): the cost per event falls as the load rises instead of the latency growing
// without bound. Only a client that cannot take its bytes gets a queue (of references
// to those same bytes) and a wake-up when its socket drains.
class StreamWriter
{
public:
    // A client that owes more than `maxPendingBytes` (queued here, plus what its socket's
    // kernel buffer holds: SIOCOUTQ) is cut as too slow, with a reset; its socket's send
    // buffer is `kernelSendBufferBytes` (SO_SNDBUF). One whose connection makes no progress
    // for `clientTimeoutMs` (1000 to 3,600,000) is dropped by the kernel (streamsocket.h).
    // Drops are logged at most once a second, with a count.
    // `streamsClosed` is called from the writer's thread after streams closed on their
    // own (the peer went away, read too slowly, or timed out).
    StreamWriter(int index, qint64 maxPendingBytes, int kernelSendBufferBytes, int clientTimeoutMs,
                 std::function<void()> streamsClosed);
    // Closes every stream cleanly and joins the thread.
    ~StreamWriter();
    StreamWriter(const StreamWriter &) = delete;
    StreamWriter &operator=(const StreamWriter &) = delete;

    // These four may be called from any thread; they queue the work and wake the writer.
    // Takes ownership of `fd` (a connected TCP socket), sends it `initial`, then every
    // event its filter (`symbols`, all when empty) lets through.
    void add(int fd, const QByteArray &initial, const QSet<QString> &symbols);
    // `symbol` empty: for every stream.
    void fanOut(const QByteArray &bytes, const QString &symbol);
    // For every stream, not counted in eventsSent().
    void fanOutHeartbeat(const QByteArray &bytes);
    // Sends what each client still has pending, as far as the socket takes it, and ends
    // every stream with a FIN (which makes browsers reconnect); ready once that is done.
    std::future<void> closeAll();

    // Streams added and not yet closed.
    int size() const { return m_size.load(std::memory_order_relaxed); }
    quint64 slowClientsDropped() const
    {
        return m_slowClientsDropped.load(std::memory_order_relaxed);
    }
    // Connections the kernel aborted with ETIMEDOUT: no progress for the timeout.
    quint64 clientsTimedOut() const { return m_clientsTimedOut.load(std::memory_order_relaxed); }
    // Live events handed to clients, one per client that gets it (heartbeats not counted).
    quint64 eventsSent() const { return m_eventsSent.load(std::memory_order_relaxed); }
    // Bytes the sockets took: heads, catch-up, events and heartbeats.
    quint64 bytesSent() const { return m_bytesSent.load(std::memory_order_relaxed); }

private:
    struct Stream;
    struct Command;
    struct Newcomer; // an Add command, and how many events were queued before it

    void enqueue(Command command);
    void run();
    // False once asked to quit.
    bool runCommands();
    // `events` to every open stream, then each newcomer added with its opening and the events
    // queued after it; empties both.
    void deliver(std::vector<FanOutEvent> &events, std::vector<Newcomer> &newcomers);
    // Sends `initial`, which holds `liveEvents` live events (counted once it is sent).
    void addStream(int fd, const QByteArray &initial, const QSet<QString> &symbols,
                   quint64 liveEvents);
    void broadcast(const std::vector<FanOutEvent> &events);
    void onSocketReady(Stream &stream, uint32_t flags);
    // Sends `bytes` or queues what the socket does not take; false when the stream must
    // be closed (gone, or too slow).
    bool send(Stream &stream, const QByteArray &bytes);
    // Whether the client owes more than the cap, asking the kernel only when its count
    // might make it so.
    bool owesTooMuch(Stream &stream) const;
    // Sends what is queued; false when the stream must be closed.
    bool flush(Stream &stream);
    // Closes a stream whose connection failed or was cut, saying why when the kernel
    // timed it out.
    void closeFailed(Stream &stream);
    // True at most once a second (writer's thread): whether to log a dropped client.
    bool dropLogDue();
    // The socket took `bytes`.
    void countBytesSent(Stream &stream, qint64 bytes);
    void watchWrites(Stream &stream, bool on) const;
    void close(Stream &stream);
    void closeAllNow();

    const qint64 m_maxPendingBytes;
    const int m_kernelSendBufferBytes;
    const int m_clientTimeoutMs;
    const std::function<void()> m_streamsClosed;
    const int m_epoll;
    const int m_wakeup; // an eventfd: commands are waiting
    std::vector<std::unique_ptr<Stream>> m_streams; // only touched by the writer's thread
    bool m_closedSome = false;
    QElapsedTimer m_dropLogged; // since the last drop logged

    std::mutex m_mutex;
    std::vector<Command> m_commands; // guarded by m_mutex

    std::atomic<int> m_size { 0 };
    std::atomic<quint64> m_slowClientsDropped { 0 };
    std::atomic<quint64> m_clientsTimedOut { 0 };
    // Written by the writer's thread only: a plain load and store, no locked add.
    std::atomic<quint64> m_eventsSent { 0 };
    std::atomic<quint64> m_bytesSent { 0 };
    std::thread m_thread;
};

} // namespace quotecast
