#pragma once

#include <feed/marketsimulator.h>
#include <feed/quote.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class QLockFile;

namespace quotecast {

// Where the feed stood when the history was last written: what a restart resumes from.
struct StoredFeed
{
    QByteArray historyId; // names the history in event ids (`<history>-<seq>`)
    QList<Quote> latest; // the last tick of each symbol that has one
    QList<Quote> recent; // the last ticks in feed order, for Last-Event-ID replay
    quint64 lastSeq = 0;
    // The market's symbols as they were last changed (TickStore::rememberSymbols), in order,
    // each with its price then; empty when the history remembers none (new, or written by a
    // quotecast before it did). Rows that could not build a market are left out: a name that
    // is not a symbol (symbol::normalized), a symbol twice, a price outside 1 to
    // MarketSimulator::MaxPriceCents, past symbol::MaxCount symbols.
    QList<MarketSimulator::Opening> symbols;
};

// Every tick, kept in SQLite (Qt SQL) so that a restart loses neither the prices nor the
// sequence, and the market's symbol list, so that it starts again with the same symbols. Ticks are
// buffered and written in one transaction per batch; the database is in WAL mode, so a crash loses
// at most the last batch and never corrupts what was written. Not thread-safe: it lives in one
// thread (TickStoreThread keeps it off the GUI thread).
class TickStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int FlushDelayMs = 250;
    static constexpr int MaxBatch = 1000;

    explicit TickStore(QObject *parent = nullptr);
    // Writes what is buffered and closes the database.
    ~TickStore() override;

    // Opens or creates the database at `path`, deletes ticks older than `retentionDays`, and
    // reads back where the feed stood (the last `recentCount` ticks for replay). False when
    // the file cannot be used (unwritable, not a database, not quotecast's, another quotecast
    // writes it); errorString() says why.
    bool open(const QString &path, int retentionDays, int recentCount, StoredFeed *feed);
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString errorString() const { return m_errorString; }

public slots:
    void append(const quotecast::Quote &quote);
    // Keeps `symbols` (the market's, in order, each with its price now) as the list the next
    // start builds the market from, in one transaction, when their names differ from the list
    // kept (a price alone is not worth a write: the latest tick of each symbol says it).
    void rememberSymbols(const QList<quotecast::MarketSimulator::Opening> &symbols);
    // Writes the buffered ticks now.
    void flush();
    // Writes every stored tick to `path` as CSV (seq,time,symbol,price,change; time in UTC,
    // ISO 8601), all or nothing (QSaveFile); then exportFinished().
    void exportCsv(const QString &path);

signals:
    // Once, the first time a write fails (disk full, file removed): the feed goes on in memory.
    void writeFailed(const QString &error);
    // `error` is empty on success.
    void exportFinished(const QString &path, qint64 ticks, const QString &error);

private:
    bool fail(const QString &error);
    // Once, the first write that fails.
    void writeFailedOnce(const QString &error);

    std::unique_ptr<QLockFile> m_lock; // `<path>.lock`, held while open
    QString m_connection; // the QSqlDatabase connection's name; empty while closed
    QString m_errorString;
    QList<Quote> m_pending;
    QStringList m_symbols; // the names of the list kept (rememberSymbols)
    QTimer m_flushTimer;
    bool m_writeFailed = false;
};

} // namespace quotecast
