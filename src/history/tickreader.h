#pragma once

#include <feed/quote.h>

#include <QList>
#include <QString>

#include <optional>

namespace quotecast {

// Reads the tick history for `GET /api/history`, on a read-only connection of its own,
// opened in the thread that first uses it (the server's). SQLite's WAL mode lets it read
// while the TickStore writes.
class TickReader
{
public:
    explicit TickReader(const QString &path);
    ~TickReader();
    TickReader(const TickReader &) = delete;
    TickReader &operator=(const TickReader &) = delete;

    struct Page
    {
        QList<Quote> ticks; // in feed order
        bool more = false; // further ticks match
    };
    // `symbol`'s ticks from `sinceMs` on and after tick `afterSeq`, at most `limit` of them;
    // nullopt with `error` set when the database cannot be read.
    std::optional<Page> ticks(const QString &symbol, qint64 sinceMs, quint64 afterSeq, int limit,
                              QString *error);

private:
    const QString m_path;
    QString m_connection; // empty until first used
};

} // namespace quotecast
