#include <server/historypages.h>

#include <history/tickreader.h>
#include <server/sse/sseevent.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <limits>

Q_LOGGING_CATEGORY(lcHistoryPages, "quotecast.hub", QtInfoMsg)

namespace quotecast {

using StatusCode = HttpReply::StatusCode;

HistoryPages::HistoryPages(const QString &historyFile)
{
    if (!historyFile.isEmpty())
        m_reader = std::make_unique<TickReader>(historyFile);
}

HistoryPages::~HistoryPages() = default;

HttpReply::Body HistoryPages::page(const QUrlQuery &query, const QStringList &symbols) const
{
    const auto error = [](StatusCode status, const QString &message) {
        return HttpReply::Body { status, "text/plain; charset=utf-8", message.toUtf8() + '\n' };
    };
    if (!m_reader) {
        return error(StatusCode::ServiceUnavailable,
                     QStringLiteral("No history here: this quotecast keeps no tick history on "
                                    "disk (--in-memory, or its history file could not be used)"));
    }
    const QString symbol = query.queryItemValue(QStringLiteral("symbol")).trimmed().toUpper();
    if (!symbols.contains(symbol)) {
        return error(StatusCode::BadRequest,
                     QStringLiteral("Bad request: symbol=%1 is not one of %2")
                         .arg(symbol.left(32), symbols.join(u',')));
    }
    // A whole number from `min` to `max`, or `fallback` when the parameter is absent.
    QString badNumber;
    const auto number = [&](const QString &key, qint64 fallback, qint64 min, qint64 max) {
        if (!query.hasQueryItem(key))
            return fallback;
        bool ok = false;
        const qint64 value = query.queryItemValue(key).toLongLong(&ok);
        if (!ok || value < min || value > max) {
            badNumber = QStringLiteral("Bad request: %1 must be a whole number from %2 to %3")
                            .arg(key)
                            .arg(min)
                            .arg(max);
        }
        return value;
    };
    constexpr qint64 Any = std::numeric_limits<qint64>::max();
    const qint64 since = number(QStringLiteral("since"), 0, 0, Any);
    const qint64 after = badNumber.isEmpty() ? number(QStringLiteral("after"), 0, 0, Any) : 0;
    const qint64 limit
        = badNumber.isEmpty() ? number(QStringLiteral("limit"), DefaultLimit, 1, MaxLimit) : 0;
    if (!badNumber.isEmpty())
        return error(StatusCode::BadRequest, badNumber);

    QString readError;
    const std::optional<TickReader::Page> page
        = m_reader->ticks(symbol, since, quint64(after), int(limit), &readError);
    if (!page) {
        qCWarning(lcHistoryPages) << "cannot read the tick history:" << readError;
        return error(StatusCode::InternalServerError,
                     QStringLiteral("The tick history cannot be read right now"));
    }
    QJsonArray ticks;
    for (const Quote &tick : page->ticks) {
        QJsonObject object = SseEvent::quoteObject(tick);
        object.remove(QStringLiteral("symbol")); // said once, at the top
        ticks.append(object);
    }
    QJsonObject result { { QStringLiteral("symbol"), symbol },
                         { QStringLiteral("ticks"), ticks },
                         { QStringLiteral("more"), page->more } };
    if (page->more) {
        // The next page starts after the last tick of this one, with the same filter.
        QUrlQuery next;
        next.addQueryItem(QStringLiteral("symbol"), symbol);
        next.addQueryItem(QStringLiteral("since"), QString::number(since));
        next.addQueryItem(QStringLiteral("after"), QString::number(page->ticks.constLast().seq));
        next.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        result.insert(QStringLiteral("next"),
                      QStringLiteral("/api/history?") + next.toString(QUrl::FullyEncoded));
    }
    return { StatusCode::Ok, "application/json",
             QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n' };
}

} // namespace quotecast
