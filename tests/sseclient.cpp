#include "sseclient.h"

#include <feed/marketsimulator.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

StreamPreamble StreamPreamble::of(const quotecast::MarketSimulator &feed)
{
    return { feed.quotes().size() };
}

StreamPreamble StreamPreamble::ofDefaultSymbols()
{
    return { quotecast::MarketSimulator::defaultOpenings().size() };
}

SseClient::SseClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &SseClient::readAvailable);
}

void SseClient::open(quint16 port, const QByteArray &target, const QByteArray &extraHeaders)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                   + "\r\nAccept: text/event-stream\r\n" + extraHeaders + "\r\n");
}

bool SseClient::waitForHeaders(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_headersDone; }, timeoutMs);
}

bool SseClient::waitForBlocks(int count, int timeoutMs)
{
    return QTest::qWaitFor([this, count] { return m_blocks.size() >= count; }, timeoutMs);
}

QList<SseClient::Event> SseClient::dataEvents() const
{
    QList<Event> result;
    for (const Event &block : m_blocks) {
        if (!block.data.isEmpty())
            result.append(block);
    }
    return result;
}

qint64 SseClient::seqOf(const Event &event)
{
    if (!event.event.isEmpty() || event.data.isEmpty())
        return -1;
    return QJsonDocument::fromJson(event.data).object().value(u"seq").toInteger(-1);
}

QList<qint64> SseClient::quoteSeqs() const
{
    QList<qint64> result;
    for (const Event &block : m_blocks) {
        if (const qint64 seq = seqOf(block); seq >= 0)
            result.append(seq);
    }
    return result;
}

void SseClient::readAvailable()
{
    m_buffer += m_socket.readAll();
    if (!m_headersDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                m_headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        m_buffer.remove(0, end + 4);
        m_headersDone = true;
        emit headersReceived();
    }
    m_body += m_buffer;
    parseBlocks();
}

void SseClient::parseBlocks()
{
    qsizetype end;
    while ((end = m_buffer.indexOf("\n\n")) >= 0) {
        Event event;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 2);
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray field = colon < 0 ? line : line.left(colon);
            QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
            if (value.startsWith(' '))
                value.remove(0, 1);
            if (field.isEmpty())
                event.comment = value;
            else if (field == "id")
                event.id = value;
            else if (field == "event")
                event.event = value;
            else if (field == "data")
                event.data += (event.data.isEmpty() ? QByteArray() : "\n") + value;
            else if (field == "retry")
                event.retryMs = value.toInt();
        }
        m_blocks.append(event);
        emit blockReceived(event);
    }
}
