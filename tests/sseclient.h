#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpSocket>

namespace quotecast {
class MarketSimulator;
}

// What a stream sends before its live events, so that tests count from the feed they set up and
// not from the default symbols: the `retry:` advice, the `status` event, then the snapshot, one
// unnamed event per symbol streamed (every symbol of the feed, or those of ?symbols=), only the
// last with an id. A stream resumed with Last-Event-ID replays what it missed instead.
struct StreamPreamble
{
    static constexpr int RetryBlock = 0;
    static constexpr int StatusBlock = 1;
    static constexpr int FirstSnapshotBlock = 2;

    // Every symbol of `feed`, as a hub given its quotes streams them.
    static StreamPreamble of(const quotecast::MarketSimulator &feed);
    // The default symbols, as the quotecast binary streams them without --symbols.
    static StreamPreamble ofDefaultSymbols();
    // A ?symbols= filter of `count` symbols.
    static StreamPreamble ofSymbols(qsizetype count) { return { count }; }
    // No snapshot: a stream resumed with Last-Event-ID.
    static StreamPreamble resumed() { return { 0 }; }

    // Every block up to the snapshot's last event.
    int blocks() const { return FirstSnapshotBlock + int(snapshotEvents); }
    // The events with data among them (the status and the snapshot), as dataEvents() lists them.
    int dataEvents() const { return 1 + int(snapshotEvents); }

    qsizetype snapshotEvents = 0;
};

// A test client that speaks HTTP/1.1 and Server-Sent Events over a raw QTcpSocket,
// so that tests see exactly the bytes a browser would: status line, headers, and
// each event block as it arrives.
class SseClient : public QObject
{
    Q_OBJECT

public:
    struct Event
    {
        QByteArray id; // empty when the block had no id line
        QByteArray event; // empty for unnamed events (EventSource.onmessage)
        QByteArray data;
        int retryMs = -1;
        QByteArray comment;
    };

    explicit SseClient(QObject *parent = nullptr);

    // Connects to 127.0.0.1:port and sends `GET target` with the extra header lines.
    void open(quint16 port, const QByteArray &target = "/stream",
              const QByteArray &extraHeaders = {});
    // Waits (on signals, with a timeout) until at least `count` blocks have arrived.
    bool waitForBlocks(int count, int timeoutMs = 5000);
    bool waitForHeaders(int timeoutMs = 5000);

    QTcpSocket &socket() { return m_socket; }
    int statusCode() const { return m_status; }
    QByteArray header(const QByteArray &name) const { return m_headers.value(name.toLower()); }
    bool hasHeader(const QByteArray &name) const { return m_headers.contains(name.toLower()); }
    // Every block received, in order, including retry-only and comment blocks.
    const QList<Event> &blocks() const { return m_blocks; }
    // Only the blocks that carry data (what EventSource dispatches).
    QList<Event> dataEvents() const;
    // The snapshot events, and every block after the preamble (live ticks, heartbeats, statuses).
    QList<Event> snapshot(const StreamPreamble &preamble) const
    {
        return m_blocks.mid(StreamPreamble::FirstSnapshotBlock, preamble.snapshotEvents);
    }
    QList<Event> afterPreamble(const StreamPreamble &preamble) const
    {
        return m_blocks.mid(preamble.blocks());
    }
    // The `seq` of a quote (an unnamed event's JSON); -1 for anything else.
    static qint64 seqOf(const Event &event);
    // The `seq` of every quote received, in order.
    QList<qint64> quoteSeqs() const;
    QByteArray body() const { return m_body; }

signals:
    void headersReceived();
    void blockReceived(const SseClient::Event &event);

private:
    void readAvailable();
    void parseBlocks();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_body;
    bool m_headersDone = false;
    int m_status = 0;
    QHash<QByteArray, QByteArray> m_headers;
    QList<Event> m_blocks;
};
