#pragma once

#include "loadoptions.h"
#include "loadstats.h"

#include <cstdint>
#include <string>

namespace sseload {

// One stream of the crowd: its socket, what it has read and not parsed yet, and where its
// sequence is (for gaps, and for Last-Event-ID when it reconnects).
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
    long long openedMs = 0; // when it was last opened: the stream's set-up runs to its head
};

// Consumes the complete lines of the connection's buffer: the answer's head (a connection, or
// a reconnection, when it is a 200; else `open` turns false), then `id:`, `retry:` and `data:`.
// Events are counted, timed and checked for gaps only while `measuring`.
void parse(Connection &c, Stats &stats, bool measuring);

// Adds (EPOLL_CTL_ADD) or changes (EPOLL_CTL_MOD) what epoll watches on fd; `index` is the
// connection's, handed back with each readiness.
void watch(int epoll, int operation, int fd, uint32_t events, uint32_t index);

// A non-blocking connect to 127.0.0.1:port, watched for writing (then the request goes) and
// reading; -1 with errno set when it failed at once.
int openConnection(const Options &options, int epoll, uint32_t index);

// The GET of the stream, with Last-Event-ID once the connection has seen an id.
std::string requestFor(const Options &options, const Connection &c);

} // namespace sseload
