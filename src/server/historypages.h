#pragma once

#include <server/historyquery.h>
#include <server/httpreply.h>

#include <QObject>
#include <QStringList>

#include <memory>

class QUrlQuery;

namespace quotecast {

template<typename T> class ThreadHost;
class PageReader;

// GET /api/history?symbol=&since=&after=&limit=: one symbol's stored ticks, oldest first, a
// page at a time, read from the tick history's SQLite file (docs/protocol.md). SQLite is read
// in a thread of its own, so that a slow page never holds up the thread that accepts
// connections and opens streams.
class HistoryPages : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultLimit = HistoryQuery::DefaultLimit; // ticks per page
    static constexpr int MaxLimit = HistoryQuery::MaxLimit;
    static constexpr int MaxPendingPages = 64; // being read at once; more get 503

    // `historyFile` empty: no history here, every page answers 503.
    explicit HistoryPages(const QString &historyFile, QObject *parent = nullptr);
    ~HistoryPages() override;

    // Answers the page `query` asks for (any symbol; `symbols`, the feed's, are named in a 400),
    // with `extra` headers (CORS), the body only when `withBody`. At once: 400 with what is
    // wrong (no symbol, or not a symbol; since/after not whole numbers >= 0; limit not 1 to
    // MaxLimit); 503 without a history, or with MaxPendingPages already being read
    // (Retry-After: 1). Once the page is read: 200 with JSON (a symbol without stored ticks has
    // none), or 500 when SQLite fails (logged); a page whose client has left is not read.
    // Until then the connection's next request waits (its GuardedSocket holds it back).
    void answer(const QUrlQuery &query, const QStringList &symbols,
                QHttpServerResponder &&responder, const HttpReply::Headers &extra, bool withBody);

private:
    std::unique_ptr<ThreadHost<PageReader>> m_reader; // null without a history
    int m_pending = 0; // pages asked for and not answered yet
};

} // namespace quotecast
