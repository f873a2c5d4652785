#pragma once

#include <QString>
#include <QStringList>

#include <variant>

class QUrlQuery;

namespace quotecast {

// The query of `GET /api/history?symbol=&since=&after=&limit=` (docs/protocol.md), read
// without touching the history: HistoryPages answers the 400 from its error at once and
// reads the page only for a valid one.
struct HistoryQuery
{
    static constexpr int DefaultLimit = 1000; // ticks per page
    static constexpr int MaxLimit = 10000;

    QString symbol; // as symbol::normalized gives it; the feed may have it or not
    qint64 since = 0; // ms since the Unix epoch, >= 0: ticks at or after it
    qint64 after = 0; // a tick's seq, >= 0: ticks after it
    qint64 limit = DefaultLimit; // 1 to MaxLimit

    // The page `query` asks for, or the message of the 400 that says what is wrong (never
    // repeating the client's text): a missing symbol or one that is not a symbol (with
    // `symbols`, the feed's now),
    // since/after not whole numbers >= 0, or limit not one from 1 to MaxLimit. A parameter
    // given twice counts once, by its first value.
    static std::variant<HistoryQuery, QString> parse(const QUrlQuery &query,
                                                     const QStringList &symbols);
};

} // namespace quotecast
