#include <server/fanout/streamwriter.h>

#include <server/fanout/eventbatch.h>
#include <server/fanout/streamsocket.h>

#include <QLoggingCategory>
#include <QStringList>

#include <array>
#include <cerrno>
#include <deque>
#include <future>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcStreams, "quotecast.streams", QtInfoMsg)

namespace quotecast {

struct StreamWriter::Stream
{
    int fd;
    size_t index; // in m_streams
    QSet<QString> symbols; // empty: all
    QString filterKey; // the symbols, sorted and joined: streams with one filter share bytes
    std::deque<QByteArray> queue; // shared event bytes the socket has not taken yet
    qsizetype offset = 0; // into queue.front()
    qint64 pending = 0; // bytes in the queue, less the offset
    // At least what the kernel holds (unacknowledged): its count when last asked (SIOCOUTQ)
    // plus every byte the socket took since. Asked again only when this and `pending` pass
    // the cap, so a client that keeps up costs one ioctl() per cap's worth of bytes.
    qint64 kernelAtMost = 0;
    bool watchingWrites = false;
    // What a send() or recv() said when the connection failed: reading it clears the
    // socket's error, which SO_ERROR would otherwise give.
    int error = 0;
    bool cutAsSlow = false; // counted as a slow client already, not as timed out too
};

struct StreamWriter::Command
{
    enum class Kind { Add, Event, CloseAll, Quit };

    Kind kind;
    int fd = -1; // Add
    FanOutEvent event; // Event; for Add, the initial bytes
    QSet<QString> symbols; // Add
    std::shared_ptr<std::promise<void>> done = {}; // CloseAll
};

struct StreamWriter::Newcomer
{
    Command add;
    size_t firstEvent; // the index of the first event queued after it
};

constexpr uint32_t ReadEvents = EPOLLIN | EPOLLRDHUP; // a client's bytes, its end of file

StreamWriter::StreamWriter(int index, qint64 maxPendingBytes, int kernelSendBufferBytes,
                           int clientTimeoutMs, std::function<void()> streamsClosed)
    : m_maxPendingBytes(maxPendingBytes)
    , m_kernelSendBufferBytes(kernelSendBufferBytes)
    , m_clientTimeoutMs(clientTimeoutMs)
    , m_streamsClosed(std::move(streamsClosed))
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeup(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.ptr = nullptr; // the wake-up; streams have their own pointer
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeup, &event);
    m_thread = std::thread([this] { run(); });
    pthread_setname_np(m_thread.native_handle(), ("qc-streams-" + std::to_string(index)).c_str());
}

StreamWriter::~StreamWriter()
{
    enqueue({ Command::Kind::Quit, -1, {}, {} });
    m_thread.join();
    ::close(m_wakeup);
    ::close(m_epoll);
}

void StreamWriter::add(int fd, const QByteArray &initial, const QSet<QString> &symbols)
{
    m_size.fetch_add(1, std::memory_order_relaxed);
    enqueue({ Command::Kind::Add, fd, { initial, {} }, symbols });
}

void StreamWriter::fanOut(const QByteArray &bytes, const QString &symbol)
{
    enqueue({ Command::Kind::Event, -1, { bytes, symbol }, {} });
}

void StreamWriter::fanOutHeartbeat(const QByteArray &bytes)
{
    enqueue({ Command::Kind::Event, -1, { bytes, {}, false }, {} });
}

std::future<void> StreamWriter::closeAll()
{
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> closed = done->get_future();
    enqueue({ Command::Kind::CloseAll, -1, {}, {}, done });
    return closed;
}

void StreamWriter::enqueue(Command command)
{
    bool wasEmpty = false;
    {
        const std::lock_guard lock(m_mutex);
        wasEmpty = m_commands.empty();
        m_commands.push_back(std::move(command));
    }
    // One wake-up for a run of commands: the writer takes them all at once.
    if (wasEmpty) {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeup, &one, sizeof one);
    }
}

void StreamWriter::run()
{
    std::array<epoll_event, 512> ready {}; // once per thread
    for (;;) {
        const int count = epoll_wait(m_epoll, ready.data(), int(ready.size()), -1);
        bool commandsWaiting = false;
        for (int i = 0; i < count; ++i) {
            if (auto *stream = static_cast<Stream *>(ready[size_t(i)].data.ptr))
                onSocketReady(*stream, ready[size_t(i)].events);
            else
                commandsWaiting = true;
        }
        if (commandsWaiting && !runCommands())
            return;
        if (std::exchange(m_closedSome, false))
            m_streamsClosed();
    }
}

bool StreamWriter::runCommands()
{
    uint64_t wakeups = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_wakeup, &wakeups, sizeof wakeups);
    std::vector<Command> commands;
    {
        const std::lock_guard lock(m_mutex);
        commands.swap(m_commands);
    }
    // The events go out together, first to the streams already open: a storm of newcomers
    // must not hold up their live events. A stream added meanwhile gets exactly the events
    // queued after it, appended to its opening bytes (one send()). Only closing every stream
    // ends a run.
    std::vector<FanOutEvent> events;
    std::vector<Newcomer> newcomers;
    for (Command &command : commands) {
        switch (command.kind) {
        case Command::Kind::Event:
            events.push_back(std::move(command.event));
            break;
        case Command::Kind::Add:
            newcomers.push_back({ std::move(command), events.size() });
            break;
        case Command::Kind::CloseAll:
            deliver(events, newcomers);
            closeAllNow();
            command.done->set_value();
            break;
        case Command::Kind::Quit:
            deliver(events, newcomers);
            closeAllNow();
            return false;
        }
    }
    deliver(events, newcomers);
    return true;
}

void StreamWriter::deliver(std::vector<FanOutEvent> &events, std::vector<Newcomer> &newcomers)
{
    broadcast(events);
    for (Newcomer &newcomer : newcomers) {
        const Command &add = newcomer.add;
        const EventBatch::Share missed = EventBatch::concatenate(
            events.cbegin() + qsizetype(newcomer.firstEvent), events.cend(), add.symbols);
        addStream(add.fd, add.event.bytes + missed.bytes, add.symbols, missed.events);
    }
    events.clear();
    newcomers.clear();
}

void StreamWriter::addStream(int fd, const QByteArray &initial, const QSet<QString> &symbols,
                             quint64 liveEvents)
{
    QStringList sorted(symbols.cbegin(), symbols.cend());
    sorted.sort();
    tuneStreamSocket(fd, m_clientTimeoutMs, m_kernelSendBufferBytes);
    auto stream = std::make_unique<Stream>(
        Stream { fd, m_streams.size(), symbols, sorted.join(u','), {}, 0, 0, 0, false });
    epoll_event event {};
    event.events = ReadEvents;
    event.data.ptr = stream.get();
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    Stream &added = *m_streams.emplace_back(std::move(stream));
    if (!send(added, initial)) {
        closeFailed(added);
        return;
    }
    m_eventsSent.store(m_eventsSent.load(std::memory_order_relaxed) + liveEvents,
                       std::memory_order_relaxed);
}

void StreamWriter::broadcast(const std::vector<FanOutEvent> &events)
{
    if (events.empty())
        return;
    EventBatch batch(events);
    std::vector<Stream *> closing;
    quint64 eventsSent = 0;
    for (const std::unique_ptr<Stream> &stream : m_streams) {
        const EventBatch::Share share = batch.shareFor(stream->symbols, stream->filterKey);
        if (share.bytes.isEmpty())
            continue;
        if (send(*stream, share.bytes))
            eventsSent += share.events;
        else
            closing.push_back(stream.get());
    }
    m_eventsSent.store(m_eventsSent.load(std::memory_order_relaxed) + eventsSent,
                       std::memory_order_relaxed);
    for (Stream *stream : closing)
        closeFailed(*stream);
}

void StreamWriter::onSocketReady(Stream &stream, uint32_t flags)
{
    // What the client sent is read first, even when it has ended its sending half: a socket
    // closed with unread input sends a reset, which destroys what the client has not read yet
    // (the opening of a stream opened at accept, whose request was only peeked at, included).
    const bool gone = ((flags & (EPOLLIN | EPOLLRDHUP)) && !drain(stream.fd, &stream.error))
        || (flags & (EPOLLERR | EPOLLHUP));
    if (gone || ((flags & EPOLLOUT) && !flush(stream)))
        closeFailed(stream); // the browser went away, or the kernel gave up on it
}

bool StreamWriter::send(Stream &stream, const QByteArray &bytes)
{
    qsizetype sent = 0;
    if (stream.queue.empty()) {
        const ssize_t n = ::send(stream.fd, bytes.constData(), size_t(bytes.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            stream.error = errno; // reset by the peer, gone, or timed out
            return false;
        }
        sent = qMax<qsizetype>(n, 0);
        countBytesSent(stream, sent);
        if (sent < bytes.size())
            stream.offset = sent;
    }
    if (sent < bytes.size()) {
        stream.queue.push_back(bytes); // shares the bytes, no copy
        stream.pending += bytes.size() - sent;
    }
    if (owesTooMuch(stream)) {
        // A client that does not read would make memory grow without bound, ours and the
        // kernel's. Cut it; it can come back with Last-Event-ID and resume from the history.
        const quint64 dropped = m_slowClientsDropped.fetch_add(1, std::memory_order_relaxed) + 1;
        if (dropLogDue())
            qCInfo(lcStreams).nospace()
                << "dropped a slow client owing " << stream.pending + stream.kernelAtMost
                << " bytes (" << stream.pending << " queued, " << stream.kernelAtMost
                << " in the kernel); slow clients dropped so far: " << dropped;
        stream.cutAsSlow = true;
        return false;
    }
    if (!stream.queue.empty())
        watchWrites(stream, true);
    return true;
}

bool StreamWriter::owesTooMuch(Stream &stream) const
{
    if (stream.pending + stream.kernelAtMost <= m_maxPendingBytes)
        return false;
    // 0.2 to 0.5 µs here, against 6 µs for a send() on loopback; for a reader that keeps up the
    // kernel holds next to nothing, and the next ask is a cap's worth of bytes away.
    stream.kernelAtMost = unacknowledgedBytes(stream.fd);
    return stream.pending + stream.kernelAtMost > m_maxPendingBytes;
}

bool StreamWriter::flush(Stream &stream)
{
    while (!stream.queue.empty()) {
        const QByteArray &front = stream.queue.front();
        const ssize_t n = ::send(stream.fd, front.constData() + stream.offset,
                                 size_t(front.size() - stream.offset), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return true;
            stream.error = errno;
            return false;
        }
        countBytesSent(stream, n); // from the queue to the kernel: what it owes stays the same
        stream.offset += n;
        stream.pending -= n;
        if (stream.offset < front.size())
            return true; // the socket's buffer is full again
        stream.queue.pop_front();
        stream.offset = 0;
    }
    watchWrites(stream, false);
    return true;
}

void StreamWriter::closeFailed(Stream &stream)
{
    // A client that closes (EOF), resets (ECONNRESET) or is gone when written to (EPIPE)
    // is the normal end of a stream and not logged. ETIMEDOUT is the kernel giving up on
    // it: TCP_USER_TIMEOUT passed without progress, typically a reader that stopped
    // reading and so shut its receive window, whose backlog the kernel's send buffer took
    // before quotecast's own cap was reached.
    const int error = stream.cutAsSlow ? 0
        : stream.error != 0            ? stream.error
                                       : pendingSocketError(stream.fd);
    if (stream.cutAsSlow)
        resetOnClose(stream.fd); // frees at once what the kernel still held for it
    if (error == ETIMEDOUT) {
        const quint64 timedOut = m_clientsTimedOut.fetch_add(1, std::memory_order_relaxed) + 1;
        if (dropLogDue())
            qCInfo(lcStreams).nospace()
                << "dropped a client whose connection made no progress for "
                << m_clientTimeoutMs / 1000.0
                << " s (TCP_USER_TIMEOUT); clients timed out so far: " << timedOut;
    }
    close(stream);
}

bool StreamWriter::dropLogDue()
{
    // When a LAN goes down, thousands of clients time out together: one line a second
    // says so, with the running count, instead of thousands.
    if (m_dropLogged.isValid() && m_dropLogged.elapsed() < 1000)
        return false;
    m_dropLogged.start();
    return true;
}

void StreamWriter::countBytesSent(Stream &stream, qint64 bytes)
{
    stream.kernelAtMost += bytes;
    m_bytesSent.store(m_bytesSent.load(std::memory_order_relaxed) + quint64(bytes),
                      std::memory_order_relaxed);
}

void StreamWriter::watchWrites(Stream &stream, bool on) const
{
    if (stream.watchingWrites == on)
        return;
    stream.watchingWrites = on;
    epoll_event event {};
    event.events = ReadEvents | (on ? uint32_t(EPOLLOUT) : 0u);
    event.data.ptr = &stream;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, stream.fd, &event);
}

void StreamWriter::close(Stream &stream)
{
    // Out of the epoll set explicitly: epoll only forgets a socket by itself once every
    // descriptor of it is closed.
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, stream.fd, nullptr);
    ::close(stream.fd);
    // Swap-remove: the last stream takes this one's place.
    const size_t index = stream.index;
    std::swap(m_streams[index], m_streams.back());
    m_streams[index]->index = index;
    m_streams.pop_back();
    m_size.fetch_sub(1, std::memory_order_relaxed);
    m_closedSome = true;
}

void StreamWriter::closeAllNow()
{
    while (!m_streams.empty()) {
        Stream &stream = *m_streams.back();
        flush(stream);
        // Unread input would turn close() into a reset; a FIN is what tells a browser
        // that the stream ended normally.
        drain(stream.fd);
        ::shutdown(stream.fd, SHUT_WR);
        close(stream);
    }
}

} // namespace quotecast
