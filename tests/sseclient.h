#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpSocket>

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
