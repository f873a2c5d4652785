#include <server/historyquery.h>

#include <feed/symbol.h>

#include <QUrlQuery>

#include <limits>

namespace quotecast {

std::variant<HistoryQuery, QString> HistoryQuery::parse(const QUrlQuery &query,
                                                        const QStringList &symbols)
{
    HistoryQuery request;
    // Any symbol, one the feed no longer has (or never had) included: a removed symbol's ticks
    // are still in the history, and a symbol without any has an empty page.
    const QString given = query.queryItemValue(QStringLiteral("symbol"));
    request.symbol = symbol::normalized(given);
    if (request.symbol.isEmpty()) {
        // Without the client's text: an error answer never repeats what it sent.
        return QStringLiteral("Bad request: symbol= is missing or not a symbol (a letter, then up "
                              "to 9 letters, digits or dots; the feed has %1)")
            .arg(symbols.join(u','));
    }
    // A whole number from `min` to `max`, or `fallback` when the parameter is absent.
    QString bad;
    const auto number = [&](const QString &key, qint64 fallback, qint64 min, qint64 max) {
        if (!bad.isEmpty() || !query.hasQueryItem(key))
            return fallback;
        bool ok = false;
        const qint64 value = query.queryItemValue(key).toLongLong(&ok);
        if (!ok || value < min || value > max) {
            bad = QStringLiteral("Bad request: %1 must be a whole number from %2 to %3")
                      .arg(key)
                      .arg(min)
                      .arg(max);
        }
        return value;
    };
    constexpr qint64 Any = std::numeric_limits<qint64>::max();
    request.since = number(QStringLiteral("since"), 0, 0, Any);
    request.after = number(QStringLiteral("after"), 0, 0, Any);
    request.limit = number(QStringLiteral("limit"), DefaultLimit, 1, MaxLimit);
    if (!bad.isEmpty())
        return bad;
    return request;
}

} // namespace quotecast
