// stallload: opens N Server-Sent Events connections to a server on 127.0.0.1 that never read
// a byte, as a crowd of stalled readers would (a phone gone to sleep with the page open, a
// script that stopped), and reports how soon the server ends each one.
//
// Each socket's receive buffer is made small before it connects (the window scale is agreed
// on then), so that its window shuts after a few events: from then on whatever the server
// sends waits in the server's kernel or in the server's own queue. A stream counts as ended
// when its socket reports a reset or a FIN; one the server's kernel dropped silently
// (TCP_USER_TIMEOUT sends no reset) is never seen to end from here, and is listed as open.
//
// One thread, blocking connects, then one epoll set that reports only hang-ups and errors:
// nothing here reads, so nothing here wakes for data. No Qt, as sseload.
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t stopped = 0; // SIGTERM or SIGINT: report and exit

struct Options
{
    int port = 8080;
    std::string path = "/stream";
    int clients = 200;
    int receiveBuffer = 4096; // SO_RCVBUF; Linux doubles it and keeps a minimum
    int durationS = 90;
};

[[noreturn]] void usage(const char *error)
{
    std::fprintf(stderr,
                 "stallload: %s\n"
                 "usage: stallload --port PORT [--path /stream] [--clients N] [--rcvbuf BYTES]\n"
                 "                 [--duration S]\n"
                 "Connects to 127.0.0.1 only.\n",
                 error);
    std::exit(2);
}

Options parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (i + 1 >= argc)
            usage(("missing value for " + name).c_str());
        const char *value = argv[++i];
        if (name == "--port")
            options.port = std::atoi(value);
        else if (name == "--path")
            options.path = value;
        else if (name == "--clients")
            options.clients = std::atoi(value);
        else if (name == "--rcvbuf")
            options.receiveBuffer = std::atoi(value);
        else if (name == "--duration")
            options.durationS = std::atoi(value);
        else
            usage(("unknown option " + name).c_str());
    }
    if (options.port <= 0 || options.port > 65535 || options.clients <= 0 || options.durationS <= 0)
        usage("bad value");
    return options;
}

// A connected socket that has sent its request, or -1.
int openStream(const Options &options)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (options.receiveBuffer > 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &options.receiveBuffer,
                     sizeof options.receiveBuffer);
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(uint16_t(options.port));
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const std::string request = "GET " + options.path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) != 0
        || ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size())) {
        ::close(fd);
        return -1;
    }
    return fd;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(std::lround(p * double(values.size() - 1))))];
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    struct sigaction stop
    {
    };
    stop.sa_handler = [](int) { stopped = 1; }; // no SA_RESTART: epoll_wait returns
    ::sigaction(SIGTERM, &stop, nullptr);
    ::sigaction(SIGINT, &stop, nullptr);
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    const auto start = Clock::now();
    std::vector<Clock::time_point> opened(size_t(options.clients));
    int failed = 0;
    for (int i = 0; i < options.clients; ++i) {
        const int fd = openStream(options);
        if (fd < 0) {
            ++failed;
            continue;
        }
        opened[size_t(i)] = Clock::now();
        epoll_event event {};
        event.events = EPOLLRDHUP; // EPOLLERR and EPOLLHUP come anyway; never EPOLLIN
        event.data.u64 = (uint64_t(i) << 32) | uint32_t(fd);
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    }
    const int connected = options.clients - failed;
    std::printf("stallload: %d streams opened (%d failed), receive buffer %d bytes, never read\n",
                connected, failed, options.receiveBuffer);
    std::fflush(stdout);

    std::vector<double> endedAfterS;
    int resets = 0;
    const auto deadline = Clock::now() + std::chrono::seconds(options.durationS);
    std::array<epoll_event, 256> ready {};
    while (!stopped && Clock::now() < deadline && int(endedAfterS.size()) < connected) {
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        const int count = ::epoll_wait(epoll, ready.data(), int(ready.size()),
                                       int(std::max<long long>(1, left.count())));
        for (int i = 0; i < count; ++i) {
            const auto index = size_t(ready[size_t(i)].data.u64 >> 32);
            const int fd = int(uint32_t(ready[size_t(i)].data.u64));
            int error = 0;
            socklen_t size = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
            resets += error == ECONNRESET ? 1 : 0;
            endedAfterS.push_back(
                std::chrono::duration<double>(Clock::now() - opened[index]).count());
            ::epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nullptr);
            ::close(fd);
        }
    }
    std::printf("stallload: %zu of %d ended by the server (%d reset, %zu closed with a FIN), "
                "%zu still open after %.1f s\n",
                endedAfterS.size(), connected, resets, endedAfterS.size() - size_t(resets),
                size_t(connected) - endedAfterS.size(),
                std::chrono::duration<double>(Clock::now() - start).count());
    if (!endedAfterS.empty())
        std::printf("stallload: ended after min %.1f s, median %.1f s, max %.1f s\n",
                    percentile(endedAfterS, 0), percentile(endedAfterS, 0.5),
                    percentile(endedAfterS, 1));
    // The rest close with the process.
    return 0;
}
