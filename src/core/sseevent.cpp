#include "sseevent.h"

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
    return { { QStringLiteral("symbol"), quote.symbol },
             { QStringLiteral("price"), toCurrencyUnits(quote.priceCents) },
             { QStringLiteral("change"), toCurrencyUnits(quote.changeCents) },
             { QStringLiteral("ts"), quote.timestampMs },
             { QStringLiteral("seq"), qint64(quote.seq) } };
}

QByteArray quoteJson(const Quote &quote)
{
    return QJsonDocument(quoteObject(quote)).toJson(QJsonDocument::Compact);
}

QByteArray quote(const Quote &quote, const QByteArray &id)
{
    return dataEvent(id.isEmpty() ? QByteArray() : "id: " + id + '\n', quoteJson(quote));
}

QByteArray status(const FeedStatus &status)
{
    const QJsonObject object { { QStringLiteral("running"), status.running },
                               { QStringLiteral("intervalMs"), status.intervalMs },
                               { QStringLiteral("symbols"),
                                 QJsonArray::fromStringList(status.symbols) } };
    return dataEvent("event: status\n", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray retry(int milliseconds)
{
    return "retry: " + QByteArray::number(milliseconds) + "\n\n";
}

QByteArray comment(const QByteArray &text)
{
    return ": " + text + "\n\n";
}

QByteArray eventId(const QByteArray &runId, quint64 seq)
{
    return runId + '-' + QByteArray::number(seq);
}

} // namespace quotecast::SseEvent
