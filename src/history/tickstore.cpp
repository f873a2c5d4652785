#include <history/tickstore.h>

#include <feed/runid.h>
#include <feed/symbol.h>
#include <history/tickrows.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace quotecast {

namespace {

// The remembered symbol list, as a market can be built from it (StoredFeed::symbols).
QString readSymbols(QSqlQuery &query, QList<MarketSimulator::Opening> *symbols)
{
    if (!query.exec(QStringLiteral("SELECT symbol, price_cents FROM symbols ORDER BY position")))
        return query.lastError().text();
    QSet<QString> seen;
    while (query.next() && symbols->size() < symbol::MaxCount) {
        const QString name = query.value(0).toString();
        bool ok = false;
        const qint64 priceCents = query.value(1).toLongLong(&ok);
        if (symbol::normalized(name) != name || seen.contains(name) || !ok || priceCents < 1
            || priceCents > MarketSimulator::MaxPriceCents)
            continue;
        seen.insert(name);
        symbols->append({ name, priceCents });
    }
    return {};
}

// Creates the tables when new (a history of an older quotecast gets the symbols table, empty),
// applies the retention and reads where the feed stood; the error when any statement fails (a
// file that is not a database, or read-only).
QString prepare(QSqlDatabase &db, int retentionDays, int recentCount, StoredFeed *feed)
{
    // Constants of their own: a literal split over two lines inside the list reads like a
    // missing comma.
    static constexpr char CreateTicks[]
        = "CREATE TABLE IF NOT EXISTS ticks (seq INTEGER PRIMARY KEY, symbol TEXT NOT NULL, "
          "price_cents INTEGER NOT NULL, change_cents INTEGER NOT NULL, ts INTEGER NOT NULL)";
    static constexpr char CreateSymbols[]
        = "CREATE TABLE IF NOT EXISTS symbols (position INTEGER PRIMARY KEY, "
          "symbol TEXT NOT NULL, price_cents INTEGER NOT NULL)";
    QSqlQuery query(db);
    for (const char *sql :
         { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
           "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
           CreateTicks, "CREATE INDEX IF NOT EXISTS ticks_by_time ON ticks (ts)",
           "CREATE INDEX IF NOT EXISTS ticks_by_symbol ON ticks (symbol, seq)", CreateSymbols }) {
        if (!query.exec(QString::fromLatin1(sql)))
            return query.lastError().text();
    }

    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'history_id'")))
        return query.lastError().text();
    if (query.next()) {
        feed->historyId = query.value(0).toByteArray();
        // A history that names itself otherwise was not written by quotecast, or is damaged:
        // its name would go out on every stream's id lines (found by tests/fuzz).
        if (!isRunId(feed->historyId))
            return TickStore::tr(
                "not a quotecast tick history (its id is not one quotecast makes)");
    } else {
        feed->historyId = newRunId();
        query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('history_id', ?)"));
        query.addBindValue(QString::fromLatin1(feed->historyId));
        if (!query.exec())
            return query.lastError().text();
    }

    // The newest tick always stays, whatever its age: the sequence continues from it.
    const qint64 dayMs = 24 * 3600 * 1000;
    query.prepare(
        QStringLiteral("DELETE FROM ticks WHERE ts < ? AND seq < (SELECT MAX(seq) FROM ticks)"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch() - qint64(retentionDays) * dayMs);
    if (!query.exec())
        return query.lastError().text();

    if (!query.exec(QStringLiteral("SELECT %1 FROM ticks WHERE seq IN "
                                   "(SELECT MAX(seq) FROM ticks GROUP BY symbol) ORDER BY seq")
                        .arg(QLatin1String(TickRows::Columns))))
        return query.lastError().text();
    while (query.next())
        feed->latest.append(TickRows::tickFrom(query));
    query.prepare(QStringLiteral("SELECT %1 FROM (SELECT * FROM ticks ORDER BY seq DESC LIMIT ?) "
                                 "ORDER BY seq")
                      .arg(QLatin1String(TickRows::Columns)));
    query.addBindValue(recentCount);
    if (!query.exec())
        return query.lastError().text();
    while (query.next())
        feed->recent.append(TickRows::tickFrom(query));
    feed->lastSeq = feed->latest.isEmpty() ? 0 : feed->latest.constLast().seq;
    return readSymbols(query, &feed->symbols);
}

} // namespace

TickStore::TickStore(QObject *parent)
    : QObject(parent)
    , m_flushTimer(this)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &TickStore::flush);
}

TickStore::~TickStore()
{
    flush();
    TickRows::closeConnection(m_connection);
}

bool TickStore::fail(const QString &error)
{
    m_errorString = error;
    TickRows::closeConnection(std::exchange(m_connection, QString()));
    m_lock.reset();
    return false;
}

bool TickStore::open(const QString &path, int retentionDays, int recentCount, StoredFeed *feed)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(tr("cannot create the folder of %1").arg(path));
    // One writer per file: two quotecasts on one history would interleave their sequence
    // numbers. The lock of a process that is gone (a crash, SIGKILL) is taken over.
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    if (!m_lock->tryLock()) {
        qint64 pid = 0;
        QString host, application;
        if (m_lock->error() == QLockFile::LockFailedError
            && m_lock->getLockInfo(&pid, &host, &application))
            return fail(tr("%1 is in use by another quotecast (process %2 on %3)")
                            .arg(path, QString::number(pid), host));
        return fail(tr("cannot lock %1 (%2.lock)").arg(path, path));
    }
    m_connection = QStringLiteral("quotecast-ticks-%1").arg(quintptr(this), 0, 16);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        error = db.open() ? prepare(db, retentionDays, recentCount, feed) : db.lastError().text();
    } // no query or handle may outlive the connection that fail() removes
    if (!error.isEmpty())
        return fail(path + QStringLiteral(": ") + error);
    for (const MarketSimulator::Opening &remembered : std::as_const(feed->symbols))
        m_symbols.append(remembered.symbol);
    return true;
}

void TickStore::rememberSymbols(const QList<MarketSimulator::Opening> &symbols)
{
    QStringList names;
    for (const MarketSimulator::Opening &opening : symbols)
        names.append(opening.symbol);
    if (!isOpen() || names == m_symbols)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    bool written = db.transaction() && query.exec(QStringLiteral("DELETE FROM symbols"));
    query.prepare(
        QStringLiteral("INSERT INTO symbols (position, symbol, price_cents) VALUES (?, ?, ?)"));
    for (qsizetype i = 0; written && i < symbols.size(); ++i) {
        query.addBindValue(i);
        query.addBindValue(symbols[i].symbol);
        query.addBindValue(symbols[i].priceCents);
        written = query.exec();
    }
    if (written && db.commit()) {
        m_symbols = names;
        return;
    }
    db.rollback();
    writeFailedOnce(query.lastError().text() + db.lastError().text());
}

void TickStore::append(const Quote &quote)
{
    if (!isOpen())
        return;
    m_pending.append(quote);
    if (m_pending.size() >= MaxBatch)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TickStore::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty() || !isOpen())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QVariantList seqs, symbols, prices, changes, times;
    for (const Quote &quote : std::as_const(m_pending)) {
        seqs.append(quote.seq);
        symbols.append(quote.symbol);
        prices.append(quote.priceCents);
        changes.append(quote.changeCents);
        times.append(quote.timestampMs);
    }
    m_pending.clear();
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT OR REPLACE INTO ticks (seq, symbol, price_cents, change_cents, ts) "
                       "VALUES (?, ?, ?, ?, ?)"));
    for (const QVariantList &column : { seqs, symbols, prices, changes, times })
        insert.addBindValue(column);
    const bool written = db.transaction() && insert.execBatch() && db.commit();
    if (!written) {
        db.rollback();
        writeFailedOnce(insert.lastError().text() + db.lastError().text());
    }
}

void TickStore::writeFailedOnce(const QString &error)
{
    if (!std::exchange(m_writeFailed, true))
        emit writeFailed(error);
}

void TickStore::exportCsv(const QString &path)
{
    flush();
    const auto finish
        = [&](qint64 ticks, const QString &error) { emit exportFinished(path, ticks, error); };
    if (!isOpen())
        return finish(0, tr("no tick history is kept"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return finish(0, file.errorString());
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true); // a month of ticks is a million rows: stream them
    if (!query.exec(QStringLiteral("SELECT %1 FROM ticks ORDER BY seq")
                        .arg(QLatin1String(TickRows::Columns))))
        return finish(0, query.lastError().text());
    const auto money = [](qint64 cents) {
        // Unsigned: the magnitude of -2^63, which a damaged file may hold, is no qint64.
        const quint64 magnitude = cents < 0 ? 0 - quint64(cents) : quint64(cents);
        return QByteArray(cents < 0 ? "-" : "") + QByteArray::number(magnitude / 100) + '.'
            + QByteArray::number(magnitude % 100).rightJustified(2, '0');
    };
    file.write("seq,time,symbol,price,change\n");
    qint64 ticks = 0;
    while (query.next()) {
        const Quote tick = TickRows::tickFrom(query);
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(tick.timestampMs, Qt::UTC);
        file.write(QByteArray::number(tick.seq) + ',' + time.toString(Qt::ISODateWithMs).toLatin1()
                   + ',' + tick.symbol.toUtf8() + ',' + money(tick.priceCents) + ','
                   + money(tick.changeCents) + '\n');
        ++ticks;
    }
    if (!file.commit())
        return finish(0, file.errorString());
    finish(ticks, QString());
}

} // namespace quotecast
