// sseload: opens N Server-Sent Events connections to a server on 127.0.0.1, holds them,
// and reports what a crowd of browsers would see: connections made, failed and
// dropped, events per second, gaps in the sequence, latency from each event's `ts` to
// its arrival, and the server's memory and CPU (from /proc/<pid>).
//
// With --reconnect it behaves like EventSource: a stream that ends is opened again
// after the server's `retry:` advice, sending the last id it saw as Last-Event-ID, so
// that restarts and resumes can be measured (a new server run starts a new sequence).
//
// One thread, one epoll set, non-blocking sockets: the client must stay cheaper than
// the servers it measures. No Qt on purpose: nothing here depends on quotecast.
//
// The parts: loadoptions (the command line), sseconnection (one stream: its socket and the
// events it reads), loadstats (what the crowd saw, and the server's /proc), loadreport (the
// text and JSON the bench scripts read).
#include "loadoptions.h"
#include "loadreport.h"
#include "loadstats.h"
#include "sseconnection.h"

#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

using namespace sseload;

int main(int argc, char **argv)
{
    const Options options = parseOptions(argc, argv);
    rlimit limit {};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Connection> connections(size_t(options.clients));
    Stats stats;
    int waitingToReconnect = 0;

    const auto start = Clock::now();
    const auto rampEnd = start + std::chrono::milliseconds(options.rampMs);
    // Measured: `duration` seconds of steady state, once the connections are made and the
    // servers have caught up with the storm of them; with --whole-run, the storm too.
    const auto settled = rampEnd + std::chrono::milliseconds(options.settleMs);
    const auto end = settled + std::chrono::seconds(options.durationS);
    ProcSample before = options.wholeRun ? sampleProcess(options.serverPid) : ProcSample {};
    bool measuring = options.wholeRun;
    auto measureStart = options.wholeRun ? start : rampEnd;
    int opened = 0;
    std::vector<epoll_event> ready(4096);
    std::vector<char> chunk(64 * 1024);

    // With --reconnect, a stream that ended or failed is opened again after `retry:`.
    const auto retryLater = [&](Connection &c, Clock::time_point now) {
        if (options.reconnect) {
            c.reconnectAt = now + std::chrono::milliseconds(c.retryMs);
            ++waitingToReconnect;
        }
    };
    const auto connectOrRetryLater = [&](int index, Clock::time_point now) {
        Connection &c = connections[size_t(index)];
        c.openedMs = nowMs();
        c.fd = openConnection(options, epoll, uint32_t(index));
        c.open = c.fd >= 0;
        if (!c.open) {
            stats.fail(std::strerror(errno));
            retryLater(c, now);
        }
    };

    while (Clock::now() < end) {
        const auto now = Clock::now();
        // Ramp: open connections at an even pace until all are open.
        const double rampFraction = options.rampMs == 0
            ? 1.0
            : std::min(1.0, double((now - start) / std::chrono::milliseconds(1)) / options.rampMs);
        const int due = int(rampFraction * options.clients);
        for (; opened < due; ++opened) {
            connections[size_t(opened)].firstOpenedMs = nowMs();
            connectOrRetryLater(opened, now);
        }
        for (int i = 0; waitingToReconnect > 0 && i < opened; ++i) {
            Connection &c = connections[size_t(i)];
            if (c.fd >= 0 || c.reconnectAt == Clock::time_point {} || now < c.reconnectAt)
                continue;
            --waitingToReconnect;
            c.reconnectAt = {};
            connectOrRetryLater(i, now);
        }
        if (!measuring && now >= settled) {
            measuring = true;
            measureStart = now;
            before = sampleProcess(options.serverPid);
        }

        const int count = epoll_wait(epoll, ready.data(), int(ready.size()), 10);
        for (int i = 0; i < count; ++i) {
            Connection &c = connections[ready[size_t(i)].data.u32];
            const uint32_t flags = ready[size_t(i)].events;
            if (flags & EPOLLOUT) {
                // Connected (or failed): send the request once, then only read.
                const std::string request = requestFor(options, c);
                if (::send(c.fd, request.data(), request.size(), MSG_NOSIGNAL) < 0) {
                    c.open = false;
                } else {
                    watch(epoll, EPOLL_CTL_MOD, c.fd, EPOLLIN | EPOLLRDHUP,
                          ready[size_t(i)].data.u32);
                }
            }
            if (c.open && (flags & EPOLLIN)) {
                // One recv() per readiness, unless it filled the chunk: reading on until
                // EAGAIN would double the client's system calls, and epoll (level-
                // triggered) reports a socket with more to read again anyway.
                for (;;) {
                    const ssize_t n = ::recv(c.fd, chunk.data(), chunk.size(), 0);
                    if (n > 0) {
                        c.buffer.append(chunk.data(), size_t(n));
                        if (size_t(n) == chunk.size())
                            continue;
                    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                        c.open = false;
                    }
                    break;
                }
                parse(c, stats, measuring);
            }
            if (!c.open || (flags & (EPOLLERR | EPOLLHUP))) {
                if (c.headersDone) {
                    ++stats.dropped;
                } else {
                    int error = 0;
                    socklen_t length = sizeof error;
                    getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
                    const size_t lineEnd = c.buffer.find('\r');
                    stats.fail(error                  ? std::strerror(error)
                                   : c.buffer.empty() ? "closed before answering"
                                                      : "answered " + c.buffer.substr(0, lineEnd));
                }
                ::close(c.fd);
                c.fd = -1;
                c.open = false;
                c.headersDone = false;
                c.buffer.clear();
                c.pendingId.clear();
                retryLater(c, now);
            }
        }
    }
    const double seconds
        = double((Clock::now() - measureStart) / std::chrono::milliseconds(1)) / 1000.0;
    const ProcSample after = sampleProcess(options.serverPid);
    long long openAtEnd = 0;
    for (Connection &c : connections) {
        openAtEnd += c.headersDone ? 1 : 0;
        if (c.fd >= 0)
            ::close(c.fd);
    }
    report(options, { stats, before, after, seconds, openAtEnd });
    return 0;
}
