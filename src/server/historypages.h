#pragma once

#include <server/httpreply.h>

#include <QStringList>

#include <memory>

class QUrlQuery;

namespace quotecast {

class TickReader;

// GET /api/history?symbol=&since=&after=&limit=: one symbol's stored ticks, oldest first, a
// page at a time, read from the tick history's SQLite file (docs/protocol.md).
class HistoryPages
{
public:
    static constexpr int DefaultLimit = 1000; // ticks per page
    static constexpr int MaxLimit = 10000;

    // `historyFile` empty: no history here, every page answers 503.
    explicit HistoryPages(const QString &historyFile);
    ~HistoryPages();

    // The page `query` asks for, among `symbols` (the feed's): 200 with JSON; 400 with what is
    // wrong (unknown symbol; since/after not whole numbers >= 0; limit not 1 to MaxLimit); 503
    // without a history; 500 when SQLite fails (logged). Reads SQLite on the calling thread.
    HttpReply::Body page(const QUrlQuery &query, const QStringList &symbols) const;

private:
    std::unique_ptr<TickReader> m_reader;
};

} // namespace quotecast
