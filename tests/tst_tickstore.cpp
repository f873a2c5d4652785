#include "recordedfeed.h"
#include <feed/marketsimulator.h>
#include <feed/runid.h>
#include <feed/symbol.h>
#include <history/tickreader.h>
#include <history/tickstore.h>

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace quotecast;

// The durable tick history, on real SQLite files in a temporary folder.
class TestTickStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void ticksSurviveReopening();
    void aBatchIsWrittenSoonWithoutAFlush();
    void retentionDeletesOldTicksButKeepsTheLast();
    void exportsEveryTickAsCsv();
    void exportToAnUnwritablePlaceFailsCleanly();
    void unusableFilesAreReported_data();
    void unusableFilesAreReported();
    void oneStoreWritesAFileAtATime();
    void theSymbolListSurvivesReopening();
    void aHistoryWithoutASymbolListGetsOne();
    void symbolRowsThatCannotBuildAMarketAreLeftOut();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTickStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTickStore::ticksSurviveReopening()
{
    MarketSimulator market;
    market.setSeed(11);
    QList<Quote> ticks;
    QByteArray historyId;
    {
        TickStore store;
        StoredFeed feed;
        QVERIFY2(store.open(dbPath(), 7, 100, &feed), qPrintable(store.errorString()));
        QVERIFY(feed.latest.isEmpty());
        QCOMPARE(feed.lastSeq, quint64(0));
        historyId = feed.historyId;
        QVERIFY(!historyId.isEmpty() && !historyId.contains('-'));
        connect(&market, &MarketSimulator::quoteUpdated, &store, &TickStore::append);
        ticks = tickAndRecord(market, 2500); // more than one batch
    } // the destructor writes the rest

    TickStore reopened;
    StoredFeed feed;
    QVERIFY2(reopened.open(dbPath(), 7, 100, &feed), qPrintable(reopened.errorString()));
    QCOMPARE(feed.historyId, historyId);
    QCOMPARE(feed.lastSeq, quint64(2500));
    QCOMPARE(feed.recent, ticks.mid(ticks.size() - 100));
    // The last tick of every symbol, in the order they were last ticked.
    QCOMPARE(feed.latest.size(), market.quotes().size());
    for (const Quote &latest : feed.latest)
        QVERIFY(market.quotes().contains(latest));
    QCOMPARE(feed.latest.constLast(), ticks.constLast());
}

void TestTickStore::aBatchIsWrittenSoonWithoutAFlush()
{
    TickStore writer;
    StoredFeed feed;
    QVERIFY(writer.open(dbPath(), 7, 10, &feed));
    const Quote tick { QStringLiteral("AAPL"), 171'00, 1'00, QDateTime::currentMSecsSinceEpoch(),
                       1 };
    writer.append(tick);
    // Another connection, as after a crash, sees it once the batch timer fired.
    TickReader reader(dbPath());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QString error;
            const auto page = reader.ticks(QStringLiteral("AAPL"), 0, 0, 10, &error);
            return page && page->ticks == QList<Quote> { tick };
        }(),
        5000);
}

void TestTickStore::retentionDeletesOldTicksButKeepsTheLast()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 24 * 3600 * 1000;
    {
        TickStore store;
        StoredFeed feed;
        QVERIFY(store.open(dbPath(), 7, 10, &feed));
        store.append({ QStringLiteral("AAPL"), 100'00, 0, now - 10 * day, 1 });
        store.append({ QStringLiteral("MSFT"), 200'00, 0, now - 8 * day, 2 });
        store.append({ QStringLiteral("AAPL"), 101'00, 1'00, now - 1 * day, 3 });
        store.append({ QStringLiteral("GOOG"), 300'00, 0, now - 9 * day, 4 });
    }
    TickStore store;
    StoredFeed feed;
    QVERIFY(store.open(dbPath(), 7, 10, &feed));
    QList<quint64> kept;
    for (const Quote &tick : std::as_const(feed.recent))
        kept.append(tick.seq);
    // 1 and 2 are past 7 days; 4 is too, but it is the newest tick: the sequence goes on from it.
    QCOMPARE(kept, (QList<quint64> { 3, 4 }));
    QCOMPARE(feed.lastSeq, quint64(4));
}

void TestTickStore::exportsEveryTickAsCsv()
{
    TickStore store;
    StoredFeed feed;
    QVERIFY(store.open(dbPath(), 7, 10, &feed));
    MarketSimulator market(
        { { QStringLiteral("AAPL"), 1'00 }, { QStringLiteral("BRK.B"), 412'50 } });
    market.setSeed(4);
    connect(&market, &MarketSimulator::quoteUpdated, &store, &TickStore::append);
    const QList<Quote> ticks = tickAndRecord(market, 500);

    QSignalSpy finished(&store, &TickStore::exportFinished);
    const QString csv = m_dir->filePath(QStringLiteral("ticks.csv"));
    store.exportCsv(csv); // flushes what is still buffered first
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(1).toLongLong(), 500);
    QVERIFY2(finished.constFirst().at(2).toString().isEmpty(),
             qPrintable(finished.constFirst().at(2).toString()));

    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QCOMPARE(file.readLine(), QByteArray("seq,time,symbol,price,change\n"));
    for (const Quote &tick : std::as_const(ticks)) {
        const QList<QByteArray> fields = file.readLine().trimmed().split(',');
        QCOMPARE(fields.size(), 5);
        QCOMPARE(fields[0].toULongLong(), tick.seq);
        QCOMPARE(QDateTime::fromString(QString::fromLatin1(fields[1]), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 tick.timestampMs);
        QCOMPARE(QString::fromLatin1(fields[2]), tick.symbol);
        // Exact cents, never a float's rounding: "0.07", "-0.03", "412.50".
        QVERIFY2(fields[3].contains('.') && fields[3].size() - fields[3].indexOf('.') == 3,
                 fields[3].constData());
        QCOMPARE(qRound64(fields[3].toDouble() * 100), tick.priceCents);
        QCOMPARE(qRound64(fields[4].toDouble() * 100), tick.changeCents);
    }
    QVERIFY(file.atEnd());
}

void TestTickStore::exportToAnUnwritablePlaceFailsCleanly()
{
    TickStore store;
    StoredFeed feed;
    QVERIFY(store.open(dbPath(), 7, 10, &feed));
    store.append({ QStringLiteral("AAPL"), 1'00, 0, 1, 1 });
    QSignalSpy finished(&store, &TickStore::exportFinished);
    const QString csv = m_dir->filePath(QStringLiteral("no/such/folder/ticks.csv"));
    store.exportCsv(csv);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.constFirst().at(2).toString().isEmpty());
    QVERIFY(!QFile::exists(csv));
}

void TestTickStore::unusableFilesAreReported_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addRow("folder is a file") << "folder";
    QTest::addRow("not a database") << "garbage";
    // Its id would go out on the streams' id lines: a line break in it would end one.
    QTest::addRow("history id with a line break") << "id";
}

void TestTickStore::unusableFilesAreReported()
{
    QFETCH(QString, problem);
    QString path = dbPath();
    if (problem == u"folder") {
        QFile file(m_dir->filePath(QStringLiteral("plain-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        path = file.fileName() + QStringLiteral("/history.sqlite");
    } else if (problem == u"garbage") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    } else {
        StoredFeed feed;
        QVERIFY(TickStore().open(path, 7, 10, &feed));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), problem);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(
                QStringLiteral("UPDATE meta SET value = 'lz3k\n9a1b' WHERE key = 'history_id'")));
        }
        QSqlDatabase::removeDatabase(problem);
    }
    TickStore store;
    StoredFeed feed;
    QVERIFY(!store.open(path, 7, 10, &feed));
    QVERIFY(!store.isOpen());
    QVERIFY2(store.errorString().contains(path) || store.errorString().contains(u"folder"),
             qPrintable(store.errorString()));
    store.append({ QStringLiteral("AAPL"), 1, 0, 0, 1 }); // ignored, no crash
}

void TestTickStore::oneStoreWritesAFileAtATime()
{
    StoredFeed feed;
    auto first = std::make_unique<TickStore>();
    QVERIFY(first->open(dbPath(), 7, 10, &feed));
    first->append({ QStringLiteral("AAPL"), 17000, 0, QDateTime::currentMSecsSinceEpoch(), 1 });

    // A second quotecast on the same file would interleave its sequence numbers with ours.
    TickStore second;
    QVERIFY(!second.open(dbPath(), 7, 10, &feed));
    QVERIFY2(
        second.errorString().contains(u"in use by another quotecast")
            && second.errorString().contains(QString::number(QCoreApplication::applicationPid())),
        qPrintable(second.errorString()));

    // Once the first has closed it, the file is free again, with the first's tick.
    first.reset();
    QVERIFY2(second.open(dbPath(), 7, 10, &feed), qPrintable(second.errorString()));
    QCOMPARE(feed.lastSeq, 1u);
}

namespace {

// A symbol list as `SYMBOL:cents` items, for QCOMPARE.
QStringList listed(const QList<MarketSimulator::Opening> &symbols)
{
    QStringList items;
    for (const MarketSimulator::Opening &opening : symbols)
        items.append(opening.symbol + u':' + QString::number(opening.priceCents));
    return items;
}

// Runs `statements` on the database at `path` with a connection of its own.
bool execute(const QString &path, const QStringList &statements)
{
    bool done = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
        db.setDatabaseName(path);
        done = db.open();
        QSqlQuery query(db);
        for (const QString &sql : statements) {
            if (done && !query.exec(sql)) {
                qWarning() << sql << query.lastError().text();
                done = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(path);
    return done;
}

} // namespace

void TestTickStore::theSymbolListSurvivesReopening()
{
    const QList<MarketSimulator::Opening> symbols { { QStringLiteral("MSFT"), 250'00 },
                                                    { QStringLiteral("BRK.B"), 412'50 },
                                                    { QStringLiteral("AAPL"), 170'00 } };
    auto store = std::make_unique<TickStore>();
    QSignalSpy writeFailed(store.get(), &TickStore::writeFailed);
    StoredFeed feed;
    QVERIFY(store->open(dbPath(), 7, 10, &feed));
    QVERIFY(feed.symbols.isEmpty()); // a new history remembers none
    store->rememberSymbols(symbols);
    // The same names at other prices: not written again (the latest ticks say the prices).
    QList<MarketSimulator::Opening> moved = symbols;
    moved[0].priceCents = 251'00;
    store->rememberSymbols(moved);
    QVERIFY(writeFailed.isEmpty());

    store = std::make_unique<TickStore>();
    StoredFeed reopened;
    QVERIFY(store->open(dbPath(), 7, 10, &reopened));
    QCOMPARE(listed(reopened.symbols), listed(symbols)); // in their order, with their prices

    // Another list is written: a symbol removed, one added.
    QList<MarketSimulator::Opening> changed = symbols.mid(1);
    changed.append({ QStringLiteral("TSLA"), 240'00 });
    store->rememberSymbols(changed);
    store = std::make_unique<TickStore>();
    StoredFeed last;
    QVERIFY(store->open(dbPath(), 7, 10, &last));
    QCOMPARE(listed(last.symbols), listed(changed));
}

void TestTickStore::aHistoryWithoutASymbolListGetsOne()
{
    // A history written by a quotecast that did not remember its symbols: no symbols table.
    const QByteArray historyId = newRunId();
    QVERIFY(execute(
        dbPath(),
        { QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE ticks (seq INTEGER PRIMARY KEY, symbol TEXT NOT NULL, "
                         "price_cents INTEGER NOT NULL, change_cents INTEGER NOT NULL, "
                         "ts INTEGER NOT NULL)"),
          QStringLiteral("INSERT INTO meta VALUES ('history_id', '%1')")
              .arg(QString::fromLatin1(historyId)),
          QStringLiteral("INSERT INTO ticks VALUES (1, 'AAPL', 17100, 100, %1)")
              .arg(QDateTime::currentMSecsSinceEpoch()) }));
    {
        TickStore store;
        StoredFeed feed;
        QVERIFY2(store.open(dbPath(), 7, 10, &feed), qPrintable(store.errorString()));
        QCOMPARE(feed.historyId, historyId);
        QCOMPARE(feed.lastSeq, quint64(1));
        QVERIFY(feed.symbols.isEmpty()); // the market is built from the options, as before
        store.rememberSymbols({ { QStringLiteral("AAPL"), 171'00 } });
    }
    TickStore store;
    StoredFeed feed;
    QVERIFY(store.open(dbPath(), 7, 10, &feed));
    QCOMPARE(feed.historyId, historyId);
    QCOMPARE(listed(feed.symbols), QStringList { QStringLiteral("AAPL:17100") });
}

void TestTickStore::symbolRowsThatCannotBuildAMarketAreLeftOut()
{
    StoredFeed created;
    QVERIFY(TickStore().open(dbPath(), 7, 10, &created));
    QStringList rows { QStringLiteral("(0, 'AAPL', 17000)"),
                       QStringLiteral("(1, 'aapl', 1)"),
                       QStringLiteral("(2, '1X', 100)"),
                       QStringLiteral("(3, 'AAPL', 100)"),
                       QStringLiteral("(4, 'MSFT', 0)"),
                       QStringLiteral("(5, 'GOOG', 'cheap')"),
                       QStringLiteral("(6, 'AMZN', %1)").arg(MarketSimulator::MaxPriceCents + 1),
                       QStringLiteral("(7, 'NVDA', %1)").arg(MarketSimulator::MaxPriceCents) };
    // Then more than a market may have.
    for (int i = 0; i < symbol::MaxCount; ++i)
        rows.append(QStringLiteral("(%1, 'S%1', 100)").arg(8 + i));
    QVERIFY(execute(dbPath(), { QStringLiteral("INSERT INTO symbols VALUES ") + rows.join(u',') }));
    TickStore store;
    StoredFeed feed;
    QVERIFY(store.open(dbPath(), 7, 10, &feed));
    QCOMPARE(feed.symbols.size(), symbol::MaxCount);
    QCOMPARE(listed(feed.symbols.mid(0, 3)),
             QStringList({ QStringLiteral("AAPL:17000"),
                           QStringLiteral("NVDA:%1").arg(MarketSimulator::MaxPriceCents),
                           QStringLiteral("S8:100") }));
    QCOMPARE(feed.symbols.constLast().symbol, QStringLiteral("S55"));
}

QTEST_GUILESS_MAIN(TestTickStore)
#include "tst_tickstore.moc"
