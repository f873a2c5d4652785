// publisher: feeds an nchan channel at a fixed rate with the same JSON quotecast sends
// (plus "seq", since nchan's own event ids carry no sequence), so that both servers
// are measured with the same events at the same rate. Stops by itself.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

// A connection to nchan's publisher endpoint, with Nagle off: each event leaves at once.
int connectTo(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 5) {
        std::fprintf(stderr,
                     "usage: publisher PORT PATH EVENTS_PER_SECOND DURATION_S\n"
                     "posts to http://127.0.0.1:PORT/PATH\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const std::string path = argv[2];
    const double rate = std::atof(argv[3]);
    const int duration = std::atoi(argv[4]);
    if (port <= 0 || rate <= 0 || duration <= 0) {
        std::fprintf(stderr, "publisher: bad arguments\n");
        return 2;
    }

    int fd = connectTo(port);
    if (fd < 0) {
        std::perror("publisher: connect");
        return 1;
    }

    using Clock = std::chrono::steady_clock;
    const auto period = std::chrono::duration<double>(1.0 / rate);
    const auto start = Clock::now();
    const char *symbols[] = { "AAPL", "GOOG", "MSFT", "AMZN" };
    char reply[4096];
    for (long long seq = 1;; ++seq) {
        const auto due
            = start + std::chrono::duration_cast<Clock::duration>(period * double(seq - 1));
        if (due - start > std::chrono::seconds(duration))
            break;
        std::this_thread::sleep_until(due);
        const long long ts = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
        const std::string body = "{\"symbol\":\"" + std::string(symbols[seq % 4])
            + "\",\"price\":170.85,\"change\":0.85,\"ts\":" + std::to_string(ts)
            + ",\"seq\":" + std::to_string(seq) + "}";
        std::string request = "POST " + path;
        request += " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   "Content-Type: application/json\r\nContent-Length: ";
        request += std::to_string(body.size());
        request += "\r\n\r\n";
        request += body;
        // nginx may close the connection when it runs out of connections (at 19,000
        // subscribers it does): reconnect and post the event again, a few times.
        int attempts = 0;
        while (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) < 0
               || ::recv(fd, reply, sizeof reply, 0) <= 0) {
            ::close(fd);
            fd = connectTo(port);
            if (fd < 0 || ++attempts == 10) {
                std::fprintf(stderr, "publisher: connection lost at event %lld\n", seq);
                return 1;
            }
        }
    }
    ::close(fd);
    return 0;
}
