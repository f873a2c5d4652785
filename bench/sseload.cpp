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
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options
{
    int port = 8080;
    std::string path = "/stream";
    int clients = 100;
    int rampMs = 1000;
    int settleMs = 5000; // after the ramp, before measuring: the connection storm's wake
    int durationS = 10;
    int serverPid = 0;
    bool reconnect = false;
    std::string json;
};

[[noreturn]] void usage(const char *error)
{
    std::fprintf(stderr,
                 "sseload: %s\n"
                 "usage: sseload --url http://127.0.0.1:PORT/PATH [--clients N] [--ramp-ms MS]\n"
                 "               [--settle-ms MS] [--duration S] [--server-pid PID] [--json FILE]\n"
                 "               [--reconnect]\n"
                 "Only 127.0.0.1 is accepted as a target.\n",
                 error);
    std::exit(2);
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--reconnect") {
            options.reconnect = true;
            continue;
        }
        if (i + 1 >= argc)
            usage(("missing value for " + arg).c_str());
        const std::string value = argv[++i];
        const auto number = [&] {
            char *end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (*end || n < 0)
                usage((arg + " needs a whole number").c_str());
            return int(n);
        };
        if (arg == "--url") {
            const std::string prefix = "http://127.0.0.1:";
            if (value.rfind(prefix, 0) != 0)
                usage("the URL must start with http://127.0.0.1:");
            const std::string rest = value.substr(prefix.size());
            const size_t slash = rest.find('/');
            options.port = std::atoi(rest.substr(0, slash).c_str());
            options.path = slash == std::string::npos ? "/" : rest.substr(slash);
        } else if (arg == "--clients") {
            options.clients = number();
        } else if (arg == "--ramp-ms") {
            options.rampMs = number();
        } else if (arg == "--settle-ms") {
            options.settleMs = number();
        } else if (arg == "--duration") {
            options.durationS = number();
        } else if (arg == "--server-pid") {
            options.serverPid = number();
        } else if (arg == "--json") {
            options.json = value;
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (options.port <= 0 || options.clients <= 0)
        usage("need a port and at least one client");
    return options;
}

long long nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Latency histogram in milliseconds: constant memory however many events arrive.
struct Histogram
{
    std::array<long long, 60001> counts {};
    long long total = 0;
    long long max = 0;

    void add(long long ms)
    {
        ms = std::clamp(ms, 0LL, 60000LL);
        ++counts[size_t(ms)];
        ++total;
        max = std::max(max, ms);
    }
    long long percentile(double p) const
    {
        long long seen = 0;
        const long long rank = (long long)(p * double(total));
        for (size_t ms = 0; ms < counts.size(); ++ms) {
            seen += counts[ms];
            if (seen > rank)
                return (long long)ms;
        }
        return max;
    }
};

struct Connection
{
    int fd = -1;
    bool headersDone = false;
    bool open = false;
    std::string buffer;
    std::string run; // the `<run>` part of the last id: a new one restarts the sequence
    long long lastSeq = -1;
    std::string pendingId;
    std::string lastId; // sent as Last-Event-ID when reconnecting
    int retryMs = 3000; // until the server advises otherwise
    Clock::time_point reconnectAt {}; // when closed and due to reconnect
    bool everConnected = false;
    long long firstOpenedMs = 0; // when the ramp opened it (system clock, like `ts`)
};

struct Stats
{
    long long connected = 0, failed = 0, dropped = 0, reconnected = 0;
    Clock::time_point firstReconnect {}, lastReconnect {};
    long long events = 0, missing = 0;
    std::map<std::string, long long> failures; // why, for connections that got no answer
    Histogram latency;

    void fail(const std::string &why)
    {
        ++failed;
        ++failures[why];
    }
};

struct ProcSample
{
    long long rssKb = 0;
    long long cpuTicks = 0;
};

ProcSample sampleProcess(int pid)
{
    ProcSample sample;
    if (pid <= 0)
        return sample;
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0)
            sample.rssKb = std::atoll(line.c_str() + 6);
    }
    std::ifstream statFile("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(statFile)), {});
    const size_t close = stat.rfind(')');
    if (close != std::string::npos) {
        std::istringstream fields(stat.substr(close + 2));
        std::string field;
        long long utime = 0, stime = 0;
        for (int i = 3; fields >> field; ++i) {
            if (i == 14)
                utime = std::atoll(field.c_str());
            if (i == 15) {
                stime = std::atoll(field.c_str());
                break;
            }
        }
        sample.cpuTicks = utime + stime;
    }
    return sample;
}

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

// Consumes complete lines from the connection's buffer.
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

} // namespace

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
    // servers have caught up with the storm of them.
    const auto settled = rampEnd + std::chrono::milliseconds(options.settleMs);
    const auto end = settled + std::chrono::seconds(options.durationS);
    ProcSample before;
    bool measuring = false;
    auto measureStart = rampEnd;
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

    const double eventsPerSecond = seconds > 0 ? double(stats.events) / seconds : 0;
    const double expected = double(stats.events + stats.missing);
    const double delivered = expected > 0 ? 100.0 * double(stats.events) / expected : 100.0;
    const double cpuCores = seconds > 0 && options.serverPid > 0
        ? double(after.cpuTicks - before.cpuTicks) / double(sysconf(_SC_CLK_TCK)) / seconds
        : 0;
    const double kbPerClient
        = stats.connected > 0 ? double(after.rssKb) / double(stats.connected) : 0;

    std::printf(
        "clients     %d asked, %lld connected, %lld failed, %lld dropped, %lld open at end\n",
        options.clients, stats.connected, stats.failed, stats.dropped, openAtEnd);
    for (const auto &[why, count] : stats.failures)
        std::printf("            %lld failed: %s\n", count, why.c_str());
    if (options.reconnect)
        std::printf(
            "reconnect   %lld reconnected (Last-Event-ID and retry honoured), over %.2f s\n",
            stats.reconnected,
            double((stats.lastReconnect - stats.firstReconnect) / std::chrono::milliseconds(1))
                / 1000.0);
    std::printf("events      %lld in %.1f s = %.0f/s, %lld missing (%.3f %% delivered)\n",
                stats.events, seconds, eventsPerSecond, stats.missing, delivered);
    std::printf("latency ms  p50 %lld  p90 %lld  p99 %lld  max %lld\n",
                stats.latency.percentile(0.50), stats.latency.percentile(0.90),
                stats.latency.percentile(0.99), stats.latency.max);
    if (options.serverPid > 0)
        std::printf("server      RSS %lld KB at the start of the hold, %lld KB at the end (%.1f "
                    "KB/client), CPU %.2f cores\n",
                    before.rssKb, after.rssKb, kbPerClient, cpuCores);

    if (!options.json.empty()) {
        std::ofstream json(options.json);
        json << "{\"clients\":" << options.clients << ",\"connected\":" << stats.connected
             << ",\"failed\":" << stats.failed << ",\"dropped\":" << stats.dropped
             << ",\"reconnected\":" << stats.reconnected << ",\"openAtEnd\":" << openAtEnd
             << ",\"events\":" << stats.events << ",\"seconds\":" << seconds
             << ",\"eventsPerSecond\":" << eventsPerSecond << ",\"missing\":" << stats.missing
             << ",\"deliveredPercent\":" << delivered
             << ",\"latencyMs\":{\"p50\":" << stats.latency.percentile(0.50)
             << ",\"p90\":" << stats.latency.percentile(0.90)
             << ",\"p99\":" << stats.latency.percentile(0.99) << ",\"max\":" << stats.latency.max
             << "},\"serverRssStartKb\":" << before.rssKb << ",\"serverRssKb\":" << after.rssKb
             << ",\"serverKbPerClient\":" << kbPerClient << ",\"serverCpuCores\":" << cpuCores
             << "}\n";
    }
    return 0;
}
