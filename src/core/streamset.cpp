#include "streamset.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <array>
#include <cerrno>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcStreams, "quotecast.streams", QtInfoMsg)

namespace quotecast {

namespace {
// What a client sends on a one-way stream is read and dropped.
void drain(int fd)
{
    std::array<char, 4096> sink;
    while (::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT) > 0) { }
}
} // namespace

StreamSet::StreamSet(qint64 maxPendingBytes, QObject *parent)
    : QObject(parent)
    , m_maxPendingBytes(maxPendingBytes)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_notifier(new QSocketNotifier(m_epoll, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &StreamSet::processEvents);
}

StreamSet::~StreamSet()
{
    closeAll();
    ::close(m_epoll);
}

void StreamSet::add(int fd, const QByteArray &initial, const QSet<QString> &symbols)
{
    Stream &stream = m_streams[fd];
    stream.symbols = symbols;
    epoll_event event {};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = fd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    emit sizeChanged(size());
    if (!send(fd, stream, initial))
        close(fd);
}

void StreamSet::broadcast(const QByteArray &bytes, const QString &symbol)
{
    std::vector<int> closing;
    for (auto &[fd, stream] : m_streams) {
        if (!symbol.isEmpty() && !stream.symbols.isEmpty() && !stream.symbols.contains(symbol))
            continue;
        if (!send(fd, stream, bytes))
            closing.push_back(fd);
    }
    for (const int fd : closing)
        close(fd);
}

bool StreamSet::send(int fd, Stream &stream, const QByteArray &bytes)
{
    qsizetype sent = 0;
    if (stream.queue.empty()) {
        const ssize_t n
            = ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return false; // reset by the peer, or gone
        sent = qMax<qsizetype>(n, 0);
        if (sent == bytes.size())
            return true;
    }
    stream.queue.push_back(bytes); // shares the bytes, no copy
    if (stream.queue.size() == 1)
        stream.offset = sent;
    stream.pending += bytes.size() - sent;
    if (stream.pending > m_maxPendingBytes) {
        // A client that does not read would make our memory grow without bound. Cut
        // it; it can come back with Last-Event-ID and resume from the history.
        ++m_slowClientsDropped;
        qCInfo(lcStreams) << "dropped a slow client with" << stream.pending
                          << "bytes unsent; slow clients dropped so far:" << m_slowClientsDropped;
        stream.queue.clear();
        return false;
    }
    watchWrites(fd, stream, true);
    return true;
}

bool StreamSet::flush(int fd, Stream &stream)
{
    while (!stream.queue.empty()) {
        const QByteArray &front = stream.queue.front();
        const ssize_t n = ::send(fd, front.constData() + stream.offset,
                                 size_t(front.size() - stream.offset), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK;
        stream.offset += n;
        stream.pending -= n;
        if (stream.offset < front.size())
            return true; // the kernel buffer is full again
        stream.queue.pop_front();
        stream.offset = 0;
    }
    watchWrites(fd, stream, false);
    return true;
}

void StreamSet::watchWrites(int fd, Stream &stream, bool on)
{
    if (stream.watchingWrites == on)
        return;
    stream.watchingWrites = on;
    epoll_event event {};
    event.events = EPOLLIN | EPOLLRDHUP | (on ? EPOLLOUT : 0u);
    event.data.fd = fd;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
}

void StreamSet::processEvents()
{
    std::array<epoll_event, 256> ready;
    const int count = epoll_wait(m_epoll, ready.data(), int(ready.size()), 0);
    for (int i = 0; i < count; ++i) {
        const int fd = ready[size_t(i)].data.fd;
        const uint32_t flags = ready[size_t(i)].events;
        const auto it = m_streams.find(fd);
        if (it == m_streams.end())
            continue;
        if (flags & (EPOLLERR | EPOLLHUP | EPOLLRDHUP)) {
            close(fd); // the browser went away
            continue;
        }
        if (flags & EPOLLIN) {
            std::array<char, 4096> sink;
            const ssize_t n = ::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                close(fd);
                continue;
            }
        }
        if ((flags & EPOLLOUT) && !flush(fd, it->second))
            close(fd);
    }
}

void StreamSet::close(int fd)
{
    if (m_streams.erase(fd) == 0)
        return;
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    ::close(fd);
    emit sizeChanged(size());
}

void StreamSet::closeAll()
{
    if (m_streams.empty())
        return;
    for (auto &[fd, stream] : m_streams) {
        flush(fd, stream);
        // Unread input would turn close() into a reset; a FIN is what tells a browser
        // that the stream ended normally.
        drain(fd);
        ::shutdown(fd, SHUT_WR);
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        ::close(fd);
    }
    m_streams.clear();
    emit sizeChanged(0);
}

} // namespace quotecast
