#include "sseconnection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string_view>

namespace sseload {

namespace {

// The event's sequence number: the end of a quotecast id (`<run>-<seq>`), or a
// "seq" field in the JSON (what the nchan publisher sends).
long long sequenceOf(const std::string &id, const std::string &data)
{
    const size_t dash = id.rfind('-');
    if (dash != std::string::npos)
        return std::atoll(id.c_str() + dash + 1);
    const size_t field = data.find("\"seq\":");
    return field == std::string::npos ? -1 : std::atoll(data.c_str() + field + 6);
}

std::string runOf(const std::string &id)
{
    const size_t dash = id.rfind('-');
    return dash == std::string::npos ? std::string() : id.substr(0, dash);
}

long long timestampOf(const std::string &data)
{
    const size_t field = data.find("\"ts\":");
    return field == std::string::npos ? -1 : std::atoll(data.c_str() + field + 5);
}

} // namespace

void parse(Connection &c, Stats &stats, bool measuring)
{
    size_t start = 0;
    if (!c.headersDone) {
        const size_t end = c.buffer.find("\r\n\r\n");
        if (end == std::string::npos)
            return;
        if (c.buffer.compare(0, 12, "HTTP/1.1 200") != 0) {
            c.open = false;
            return;
        }
        c.headersDone = true;
        stats.setup.add(nowMs() - c.openedMs);
        ++(c.everConnected ? stats.reconnected : stats.connected);
        if (c.everConnected) {
            stats.lastReconnect = Clock::now();
            if (stats.firstReconnect == Clock::time_point {})
                stats.firstReconnect = stats.lastReconnect;
        }
        c.everConnected = true;
        start = end + 4;
    }
    for (;;) {
        const size_t newline = c.buffer.find('\n', start);
        if (newline == std::string::npos)
            break;
        const std::string_view line(c.buffer.data() + start, newline - start);
        if (line.rfind("id: ", 0) == 0) {
            c.pendingId.assign(line.substr(4));
        } else if (line.rfind("retry: ", 0) == 0) {
            c.retryMs = std::atoi(line.data() + 7);
        } else if (line.rfind("data: ", 0) == 0) {
            const std::string data(line.substr(6));
            const long long seq = sequenceOf(c.pendingId, data);
            if (!c.pendingId.empty()) {
                c.lastId = c.pendingId;
                std::string run = runOf(c.pendingId);
                if (run != c.run) { // a new server run: its first event is a new baseline
                    c.run = std::move(run);
                    c.lastSeq = -1;
                }
            }
            // Only events with an id are ticks; the first one is the baseline (a
            // snapshot or a replay), later ones are timed and checked for gaps. The rest
            // of a replay on connect (nchan sends its newest messages) is old too: events
            // stamped before the connection was opened only move the baseline, also on a
            // connection made late, once the measuring had begun.
            if (!c.pendingId.empty() && seq >= 0) {
                const bool timed = c.lastSeq >= 0 && measuring;
                const long long ts = timed ? timestampOf(data) : -1; // parsed only when needed
                const bool replayed = ts > 0 && ts < c.firstOpenedMs;
                if (timed && !replayed) {
                    ++stats.events;
                    if (seq > c.lastSeq + 1)
                        stats.missing += seq - c.lastSeq - 1;
                    if (ts > 0)
                        stats.latency.add(nowMs() - ts);
                }
                c.lastSeq = std::max(c.lastSeq, seq);
            }
            c.pendingId.clear();
        }
        start = newline + 1;
    }
    c.buffer.erase(0, start);
}

void watch(int epoll, int operation, int fd, uint32_t events, uint32_t index)
{
    epoll_event event {};
    event.events = events;
    event.data.u32 = index;
    epoll_ctl(epoll, operation, fd, &event);
}

int openConnection(const Options &options, int epoll, uint32_t index)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(options.port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        && errno != EINPROGRESS) {
        const int error = errno;
        ::close(fd);
        errno = error; // the caller reports why
        return -1;
    }
    watch(epoll, EPOLL_CTL_ADD, fd, EPOLLOUT | EPOLLIN | EPOLLRDHUP, index);
    return fd;
}

std::string requestFor(const Options &options, const Connection &c)
{
    std::string request
        = "GET " + options.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    if (!c.lastId.empty())
        request += "Last-Event-ID: " + c.lastId + "\r\n";
    return request + "\r\n";
}

} // namespace sseload
