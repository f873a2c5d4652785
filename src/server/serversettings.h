#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QUrl>

namespace quotecast {

// Everything that shapes the HTTP side. Every limit has a default here, a command-line
// option (AppOptions) and a test.
struct ServerSettings
{
    static constexpr quint16 DefaultPort = 8080;

    QHostAddress bindAddress = QHostAddress::Any;
    quint16 port = DefaultPort; // 0 picks a free port
    int retryMs = 3000; // reconnection advice sent as `retry:`
    // `event: heartbeat` period: proxies drop idle streams after ~30-60 s, and a page declares
    // its stream dead after two periods without data (docs/protocol.md).
    int heartbeatMs = 5000;
    int resumeBufferSize = 10000; // events kept for Last-Event-ID replay (~1.5 MB)
    int maxClients = 10000; // open streams; past it /stream answers 503
    // Unsent bytes a slow client may owe before it is cut (1 KiB to 1 GiB): what quotecast
    // still queues for it and what its socket's kernel buffer holds unacknowledged
    // (StreamSet::create says how each fan-out counts them).
    qint64 clientBufferBytes = 256 * 1024;
    // 1 s to 1 h. A stream client whose connection makes no progress for this long (power
    // loss, Wi-Fi gone: nothing acknowledged; a reader that stopped reading: its receive
    // window stays shut) is dropped by the kernel: TCP_USER_TIMEOUT (RFC 5482). A reader
    // that stopped usually owes clientBufferBytes first.
    int clientTimeoutMs = 60000;
    int requestTimeoutMs = 10000; // for each request to arrive, from its first byte
    int idleTimeoutMs = 30000; // a keep-alive connection without requests is closed
    int streamThreads = 0; // threads that write the streams; 0: one per core but one
    qint64 maxRequestBytes = 16 * 1024; // request line and headers
    QByteArray corsOrigin; // Access-Control-Allow-Origin for this origin only; none if empty
    QByteArray runId; // the `<run>` of event ids: the stored history's id; empty: new per process
    QString historyFile; // the SQLite tick history behind /api/history; none if empty
    QUrl publishUrl; // an nchan publisher endpoint that gets every event; none if empty
    int publishQueue = 10000; // events waiting for nchan; past it the oldest are dropped
};

} // namespace quotecast
