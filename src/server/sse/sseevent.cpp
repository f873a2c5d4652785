#include <server/sse/sseevent.h>

#include <feed/markettime.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace quotecast::SseEvent {

namespace {
QByteArray dataEvent(const QByteArray &header, const QByteArray &json)
{
    // QJsonDocument::Compact never emits a newline, so one `data:` line is enough.
    return header + "data: " + json + "\n\n";
}
} // namespace

QJsonObject quoteObject(const Quote &quote)
{
    QJsonObject object { { QStringLiteral("symbol"), quote.symbol },
                         { QStringLiteral("price"), toCurrencyUnits(quote.priceCents) },
                         { QStringLiteral("change"), toCurrencyUnits(quote.changeCents) },
                         { QStringLiteral("ts"), quote.timestampMs },
                         { QStringLiteral("seq"), qint64(quote.seq) } };
    if (quote.marketTimeMs != 0)
        object.insert(QStringLiteral("date"), marketTimeText(quote.marketTimeMs));
    return object;
}

QByteArray quoteJson(const Quote &quote)
{
    return QJsonDocument(quoteObject(quote)).toJson(QJsonDocument::Compact);
}

QByteArray quote(const Quote &quote, const QByteArray &id)
{
    return SseEvent::quote(quoteJson(quote), id); // the parameter hides the name
}

QByteArray quote(const QByteArray &json, const QByteArray &id)
{
    return dataEvent(id.isEmpty() ? QByteArray() : "id: " + id + '\n', json);
}

QByteArray statusJson(const FeedStatus &status, int heartbeatMs)
{
    QJsonObject object { { QStringLiteral("running"), status.running },
                         { QStringLiteral("intervalMs"), status.intervalMs },
                         { QStringLiteral("heartbeatMs"), heartbeatMs },
                         { QStringLiteral("symbols"),
                           QJsonArray::fromStringList(status.symbols) } };
    if (status.isReplay()) {
        object.insert(QStringLiteral("replay"),
                      QJsonObject { { QStringLiteral("from"), marketTimeText(status.replayFromMs) },
                                    { QStringLiteral("to"), marketTimeText(status.replayToMs) } });
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray status(const FeedStatus &status, int heartbeatMs)
{
    return dataEvent("event: status\n", statusJson(status, heartbeatMs));
}

QByteArray retry(int milliseconds)
{
    return "retry: " + QByteArray::number(milliseconds) + "\n\n";
}

QByteArray heartbeat()
{
    // An empty `data:` line still makes EventSource dispatch the event (WHATWG HTML
    // §9.2.6: the data buffer holds a newline); a comment would never reach the page.
    return QByteArrayLiteral("event: heartbeat\ndata:\n\n");
}

QByteArray eventId(const QByteArray &runId, quint64 seq)
{
    return runId + '-' + QByteArray::number(seq);
}

} // namespace quotecast::SseEvent
