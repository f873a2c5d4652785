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

    QString symbol; // upper-cased, one of the feed's
    qint64 since = 0; // ms since the Unix epoch, >= 0: ticks at or after it
    qint64 after = 0; // a tick's seq, >= 0: ticks after it
    qint64 limit = DefaultLimit; // 1 to MaxLimit

    // The page `query` asks for among `symbols` (the feed's), or the message of the 400 that
    // says what is wrong: an unknown or missing symbol (named, at most 32 characters of it),
    // since/after not whole numbers >= 0, or limit not one from 1 to MaxLimit. A parameter
    // given twice counts once, by its first value.
    static std::variant<HistoryQuery, QString> parse(const QUrlQuery &query,
                                                     const QStringList &symbols);
};

} // namespace quotecast
