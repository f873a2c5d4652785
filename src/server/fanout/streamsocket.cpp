#include <server/fanout/streamsocket.h>

#include <QtGlobal>

#include <array>
#include <cerrno>

#include <fcntl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace quotecast {

// - A browser that vanishes without closing its connection (power loss, Wi-Fi gone)
//   never sends FIN, so the socket would look alive forever and the client count would
//   lie; one that stops reading keeps its connection open with a closed receive window,
//   and the kernel's send buffer takes megabytes before quotecast's own --client-buffer
//   fills. TCP_USER_TIMEOUT (RFC 5482) bounds how long sent data may stay
//   unacknowledged, zero-window probes included: past `timeoutMs` the kernel aborts the
//   connection with ETIMEDOUT, which the StreamWriter logs, counts and closes.
// - Keepalive covers a connection with nothing in flight, which heartbeats make rare.
//   With TCP_USER_TIMEOUT set, Linux ignores TCP_KEEPCNT and aborts once the peer has
//   been silent for the user timeout with a probe unanswered; so probing starts at half
//   the timeout and repeats every sixth of it (30 s, then every 10 s for the default
//   60 s), and a silent idle peer goes after about `timeoutMs` too.
// - Nagle's algorithm stays on (no TCP_NODELAY): a client that keeps up acknowledges
//   each event before the next, so it costs nothing, and one that falls behind gets
//   the events queued meanwhile merged into fewer packets. Measured with 19,000 clients
//   at 10 events/s: with TCP_NODELAY the load client fell 20 s behind and 3,000 of the
//   connections failed.
// - SO_SNDBUF bounds what the kernel takes of a client's backlog: autotuned, a socket whose
//   reader stopped took 640 KB (200 such streams: 128 MB, 188 MB of kernel memory) before
//   the timeout cut it; bounded, the StreamWriter's queue takes the rest and --client-buffer
//   cuts the client within about 2 s (bench/kernelmem.sh). Set before the stream's first byte.
// - Non-blocking: a stream opened at accept has the descriptor Qt accepted, which blocks;
//   every call here says MSG_DONTWAIT, but a writer thread must never wait on one client.
void tuneStreamSocket(int fd, int timeoutMs, int sendBufferBytes)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    Q_ASSERT(timeoutMs >= 1000);
    const int on = 1, probes = 3;
    const int idleSeconds = qMax(1, timeoutMs / 2000);
    const int probeIntervalSeconds = qMax(1, (timeoutMs / 1000 - idleSeconds) / probes);
    const auto userTimeoutMs = unsigned(timeoutMs);
    setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idleSeconds, sizeof idleSeconds);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &probeIntervalSeconds, sizeof probeIntervalSeconds);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
    setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeoutMs, sizeof userTimeoutMs);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sendBufferBytes, sizeof sendBufferBytes);
}

qint64 unacknowledgedBytes(int fd)
{
    int bytes = 0;
    return ioctl(fd, SIOCOUTQ, &bytes) == 0 ? bytes : 0;
}

void resetOnClose(int fd)
{
    const linger now { 1, 0 };
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &now, sizeof now);
}

bool drain(int fd, int *error)
{
    std::array<char, 4096> sink; // NOLINT(cppcoreguidelines-pro-type-member-init): recv fills it
    for (;;) {
        const ssize_t n = ::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT);
        if (n > 0)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        if (error)
            *error = n < 0 ? errno : 0;
        return false;
    }
}

int pendingSocketError(int fd)
{
    int error = 0;
    socklen_t size = sizeof error;
    return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 ? error : 0;
}

} // namespace quotecast
