#include "recordedfeed.h"
#include "replayrows.h"
#include <feed/marketsimulator.h>
#include <history/tickstore.h>
#include <replay/pricereplay.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quotecast;

// A replay of several files (CsvPriceFile reads each): what it plays and in which order,
// the end and the loop, what it says of itself for the status, and what it refuses.
class TestPriceReplay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void playsWhatTheTickStoreExports();
    void interleavesFilesByTime();
    void equalTimesKeepTheOrderFilesWereGiven();
    void reportsTheEnd();
    void namesSymbolsAsGiven();
    void refusesWhatCannotBePlayed_data();
    void refusesWhatCannotBePlayed();
    void aHugeLineIsRefusedWithoutReadingIt();
    void stopsWhenAFileChangesWhilePlaying();

private:
    QString write(const QString &name, const QByteArray &content) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

using Rows = ReplayRows;

ReplayRow day(const char *symbol, int dayOfJanuary, qint64 cents)
{
    return { QString::fromLatin1(symbol), cents,
             QDateTime(QDate(2024, 1, dayOfJanuary), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
             true };
}

// Every row to the end, which must come without an error.
Rows playAll(PriceReplay *replay)
{
    Rows rows;
    while (const std::optional<ReplayRow> row = replay->next())
        rows.append(*row);
    if (!replay->errorString().isEmpty() || !replay->atEnd())
        qWarning("not at the end: %s", qPrintable(replay->errorString()));
    return rows;
}

// Yahoo Finance's download of closes on the given days of January 2024.
QByteArray yahoo(const QList<QPair<int, const char *>> &closes)
{
    QByteArray file = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    for (const auto &[day, close] : closes) {
        file += "2024-01-" + QByteArray::number(day).rightJustified(2, '0') + ",1,1,1," + close
            + ",1,100\n";
    }
    return file;
}

// The most memory this process has held (VmHWM), in KiB: -1 where /proc does not tell.
qint64 peakMemoryKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

} // namespace

void TestPriceReplay::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestPriceReplay::write(const QString &name, const QByteArray &content) const
{
    QString path = m_dir->filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestPriceReplay::playsWhatTheTickStoreExports()
{
    // A seeded feed's ticks, timed 250 ms apart, stored and exported as the window does.
    MarketSimulator market({ { QStringLiteral("AAPL"), 170'00 },
                             { QStringLiteral("BRK.B"), 412'50 },
                             { QStringLiteral("X"), 1'00 } });
    market.setSeed(17);
    QList<Quote> ticks = tickAndRecord(market, 300);
    const qint64 start = QDateTime(QDate(2026, 11, 30), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();
    const QString csv = m_dir->filePath(QStringLiteral("export/ticks.csv"));
    {
        TickStore store;
        StoredFeed feed;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("export/history.sqlite")), 7, 10, &feed));
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            ticks[i].timestampMs = start + i * 250;
            store.append(ticks[i]);
        }
        QSignalSpy finished(&store, &TickStore::exportFinished);
        store.exportCsv(csv);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().at(2).toString(), QString());
    }
    Rows expected;
    for (const Quote &tick : std::as_const(ticks))
        expected.append({ tick.symbol, tick.priceCents, tick.timestampMs, false });

    PriceReplay replay;
    QString error;
    QVERIFY2(replay.open({ csv }, &error), qPrintable(error));
    QCOMPARE(playAll(&replay), expected);
    QVERIFY(!replay.datesOnly());
    QCOMPARE(replay.rowCount(), ticks.size());
    QCOMPARE(replay.firstTimeMs(), start);
    QCOMPARE(replay.lastTimeMs(), ticks.constLast().timestampMs);
    // The symbols in the order of their first ticks, at their first prices.
    QList<PriceReplay::Symbol> firsts;
    for (const Quote &tick : std::as_const(ticks)) {
        if (std::none_of(firsts.cbegin(), firsts.cend(),
                         [&](const PriceReplay::Symbol &s) { return s.name == tick.symbol; }))
            firsts.append({ tick.symbol, tick.priceCents, tick.timestampMs });
    }
    QCOMPARE(replay.symbols().size(), 3);
    for (qsizetype i = 0; i < firsts.size(); ++i) {
        QCOMPARE(replay.symbols().at(i).name, firsts.at(i).name);
        QCOMPARE(replay.symbols().at(i).firstPriceCents, firsts.at(i).firstPriceCents);
        QCOMPARE(replay.symbols().at(i).firstTimeMs, firsts.at(i).firstTimeMs);
    }

    // One symbol of it.
    QVERIFY2(replay.open({ QStringLiteral("BRK.B=") + csv }, &error), qPrintable(error));
    expected.removeIf([](const ReplayRow &row) { return row.symbol != QLatin1String("BRK.B"); });
    QCOMPARE(playAll(&replay), expected);
    QCOMPARE(replay.symbols().size(), 1);
}

void TestPriceReplay::interleavesFilesByTime()
{
    // Dates (midnight UTC) and an export's times in between: oldest first, whatever the file.
    const QString apple = write(QStringLiteral("merge/AAPL.csv"),
                                yahoo({ { 2, "185.64" }, { 4, "181.91" }, { 8, "185.56" } }));
    const QString microsoft = write(QStringLiteral("merge/msft_us_d.csv"),
                                    "Date,Open,High,Low,Close,Volume\n2024-01-03,1,1,1,370.6,1\n"
                                    "2024-01-05,1,1,1,367.75,1\n");
    const QString ticks = write(QStringLiteral("merge/ticks.csv"),
                                "seq,time,symbol,price,change\n"
                                "1,2024-01-04T14:30:00.000Z,TSLA,238.45,0.00\n"
                                "2,2024-01-04T20:59:59.999Z,TSLA,237.93,-0.52\n");
    PriceReplay replay;
    QString error;
    QVERIFY2(replay.open({ apple, microsoft, ticks }, &error), qPrintable(error));
    const qint64 jan4 = day("TSLA", 4, 0).timeMs;
    const Rows expected = { day("AAPL", 2, 185'64),
                            day("MSFT", 3, 370'60),
                            day("AAPL", 4, 181'91),
                            { QStringLiteral("TSLA"), 238'45, jan4 + 52'200'000, false },
                            { QStringLiteral("TSLA"), 237'93, jan4 + 75'599'999, false },
                            day("MSFT", 5, 367'75),
                            day("AAPL", 8, 185'56) };
    QCOMPARE(playAll(&replay), expected);
    QCOMPARE(replay.firstTimeMs(), expected.constFirst().timeMs);
    QCOMPARE(replay.lastTimeMs(), expected.constLast().timeMs);
    QCOMPARE(replay.rowCount(), expected.size());
    QVERIFY(!replay.datesOnly());
    const QStringList order
        = { QStringLiteral("AAPL"), QStringLiteral("MSFT"), QStringLiteral("TSLA") };
    QCOMPARE(replay.symbols().size(), order.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        QCOMPARE(replay.symbols().at(i).name, order.at(i));
    QCOMPARE(replay.symbols().at(1).firstPriceCents, 370'60);
}

void TestPriceReplay::equalTimesKeepTheOrderFilesWereGiven()
{
    const QString a
        = write(QStringLiteral("ties/A.csv"), yahoo({ { 2, "1" }, { 2, "2" }, { 3, "3" } }));
    const QString b = write(QStringLiteral("ties/B.csv"), yahoo({ { 2, "4" }, { 3, "5" } }));
    PriceReplay replay;
    QString error;
    QVERIFY2(replay.open({ a, b }, &error), qPrintable(error));
    QCOMPARE(playAll(&replay),
             Rows({ day("A", 2, 1'00), day("A", 2, 2'00), day("B", 2, 4'00), day("A", 3, 3'00),
                    day("B", 3, 5'00) }));
    QVERIFY(replay.datesOnly());
    QVERIFY2(replay.open({ b, a }, &error), qPrintable(error));
    QCOMPARE(playAll(&replay),
             Rows({ day("B", 2, 4'00), day("A", 2, 1'00), day("A", 2, 2'00), day("B", 3, 5'00),
                    day("A", 3, 3'00) }));
}

void TestPriceReplay::reportsTheEnd()
{
    const QString a = write(QStringLiteral("end/A.csv"), yahoo({ { 2, "1" }, { 3, "2" } }));
    PriceReplay replay;
    QString error;
    QVERIFY2(replay.open({ a }, &error), qPrintable(error));
    QVERIFY(!replay.atEnd());
    QCOMPARE(replay.position(), 0);
    QCOMPARE(replay.next(), day("A", 2, 1'00));
    QCOMPARE(replay.next(), day("A", 3, 2'00));
    QCOMPARE(replay.position(), 2);
    QVERIFY(!replay.atEnd()); // not until a row is asked for that is not there
    QCOMPARE(replay.next(), std::nullopt);
    QVERIFY(replay.atEnd());
    QCOMPARE(replay.errorString(), QString());
    QCOMPARE(replay.next(), std::nullopt); // and stays there
    QVERIFY(replay.rewind());
    QVERIFY(!replay.atEnd());
    QCOMPARE(playAll(&replay), Rows({ day("A", 2, 1'00), day("A", 3, 2'00) }));
}

void TestPriceReplay::namesSymbolsAsGiven()
{
    const QString download = write(QStringLiteral("names/download (1).csv"), yahoo({ { 2, "9" } }));
    QDir::setCurrent(m_dir->path());
    const QString inFolder = write(QStringLiteral("names/a=b/AAPL.csv"), yahoo({ { 3, "8" } }));
    PriceReplay replay;
    QString error;
    QVERIFY2(
        replay.open({ QStringLiteral("brk.b=") + download, QStringLiteral("./names/a=b/AAPL.csv") },
                    &error),
        qPrintable(error));
    QCOMPARE(playAll(&replay), Rows({ day("BRK.B", 2, 9'00), day("AAPL", 3, 8'00) }));
    QVERIFY2(replay.open({ inFolder }, &error), qPrintable(error)); // absolute: `=` after a `/`
}

void TestPriceReplay::refusesWhatCannotBePlayed_data()
{
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QString>("message");
    const QString apple = write(QStringLiteral("bad/AAPL.csv"), yahoo({ { 2, "1" }, { 5, "2" } }));
    const QString stooqApple = write(QStringLiteral("bad/aapl_us_d.csv"), yahoo({ { 3, "1" } }));
    const QString exportApple = write(QStringLiteral("bad/ticks.csv"),
                                      "seq,time,symbol,price,change\n"
                                      "1,2024-01-04T14:30:00.000Z,TSLA,238.45,0.00\n"
                                      "2,2024-01-04T14:30:01.000Z,AAPL,181.90,0.00\n");
    QByteArray fifty = "seq,time,symbol,price,change\n";
    for (int i = 0; i < 50; ++i)
        fifty += "1,2024-01-0" + QByteArray::number(3 + i / 25) + "T00:00:00.000Z,S"
            + QByteArray::number(i) + ",1.00,0.00\n";
    const QString fiftySymbols = write(QStringLiteral("bad/fifty.csv"), fifty);
    const QString broken = write(QStringLiteral("bad/MSFT.csv"), "Date,Close\n2024-01-02,x\n");

    QTest::addRow("nothing") << QStringList() << "no price file given";
    QTest::addRow("51 files") << QStringList(51, apple) << "more than 50 price files";
    QTest::addRow("not a symbol") << QStringList { "BRK-B=" + apple }
                                  << "BRK-B=" + apple
            + ": \"BRK-B\" is not a symbol (a letter, then up to 9 letters, digits or dots)";
    QTest::addRow("no file") << QStringList { "AAPL=" } << "AAPL=: no file after the =";
    QTest::addRow("a symbol twice, named") << QStringList { apple, "AAPL=" + fiftySymbols }
                                           << fiftySymbols + ": AAPL is also given by " + apple;
    QTest::addRow("a symbol twice, from names")
        << QStringList { apple, stooqApple } << stooqApple + ": AAPL is also given by " + apple;
    QTest::addRow("a symbol of an export and a file")
        << QStringList { exportApple, apple } << exportApple + ": AAPL is also given by " + apple;
    QTest::addRow("51 symbols") << QStringList { apple, fiftySymbols }
                                << fiftySymbols
            + ": more than 50 symbols in all, the market's most";
    QTest::addRow("a malformed file")
        << QStringList { apple, broken }
        << broken + ", line 2: the Close column is not a number: \"x\"";
}

void TestPriceReplay::refusesWhatCannotBePlayed()
{
    QFETCH(QStringList, sources);
    QFETCH(QString, message);
    PriceReplay replay;
    QString error;
    QVERIFY(!replay.open(sources, &error));
    QCOMPARE(error, message);
    QVERIFY(!replay.isOpen());
    QCOMPARE(replay.next(), std::nullopt);
}

void TestPriceReplay::aHugeLineIsRefusedWithoutReadingIt()
{
    // 8 MiB of one line, written in pieces; then 2 GiB of one line, a sparse file of zeros
    // past its header (no disk used). Neither may cost more than the reader's bound.
    const QByteArray start = "Date,Close\n2024-01-02,";
    const QString path = write(QStringLiteral("huge/AAPL.csv"), start);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        const QByteArray piece(64 * 1024, '7');
        for (int i = 0; i < 128; ++i)
            QCOMPARE(file.write(piece), piece.size());
    }
    const QString sparse = write(QStringLiteral("huge/MSFT.csv"), start);
    QVERIFY(QFile::resize(sparse, qint64(2) << 30));
    const qint64 before = peakMemoryKiB();
    for (const QString &file : { path, sparse }) {
        PriceReplay replay;
        QString error;
        QVERIFY(!replay.open({ file }, &error));
        QCOMPARE(error, file + ", line 2: the line is longer than 64 KiB");
    }
    if (before < 0)
        QSKIP("no /proc/self/status: the memory was not measured");
    const qint64 grown = peakMemoryKiB() - before;
    QVERIFY2(grown < 4 * 1024, qPrintable(QStringLiteral("the peak grew by %1 KiB").arg(grown)));
}

void TestPriceReplay::stopsWhenAFileChangesWhilePlaying()
{
    // Longer than what the reader reads ahead (128 KiB), so that it reads the change.
    QByteArray rows = "Date,Close\n";
    const QDate first(1990, 1, 1);
    constexpr int Rows = 10'000;
    for (int i = 0; i < Rows; ++i)
        rows += first.addDays(i).toString(Qt::ISODate).toLatin1() + ",1.00\n";
    const QString a = write(QStringLiteral("changed/A.csv"), rows);
    const QString b = write(QStringLiteral("changed/B.csv"), yahoo({ { 2, "4" } }));
    PriceReplay replay;
    QString error;
    QVERIFY2(replay.open({ a, b }, &error), qPrintable(error));
    // The same file, rewritten in place: row 9,000 (line 9,001, past 128 KiB) is no longer a
    // number.
    const qsizetype at = rows.indexOf(first.addDays(8999).toString(Qt::ISODate).toLatin1());
    write(QStringLiteral("changed/A.csv"), rows.replace(at + 11, 4, "oops"));
    qint64 played = 0;
    while (replay.next())
        ++played;
    QCOMPARE(played, 8999);
    QCOMPARE(replay.errorString(), a + ", line 9001: the Close column is not a number: \"oops\"");
    QVERIFY(!replay.atEnd());
    QCOMPARE(replay.next(), std::nullopt); // stopped for good
    QVERIFY(!replay.rewind());
}

QTEST_GUILESS_MAIN(TestPriceReplay)
#include "tst_pricereplay.moc"
