#include <feed/marketsimulator.h>

#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace quotecast;

class TestMarketSimulator : public QObject
{
    Q_OBJECT

private slots:
    void defaults_data();
    void defaults();
    void startsStopped();
    void tickMovesExactlyOneSymbol();
    void changesStayWithinHalfPercentInWholeCents();
    void sameSeedGivesSameSequence();
    void differentSeedsDiffer();
    void priceNeverReachesZero();
    void continuesFromAStoredHistory_data();
    void continuesFromAStoredHistory();
    void startStopAndIntervalSignals();
    void timerTicksWhileRunning();
    void stopHaltsTicks();
    void intervalHasAFloor();
};

void TestMarketSimulator::defaults_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<qint64>("priceCents");
    QTest::addRow("AAPL") << 0 << "AAPL" << qint64(170'00);
    QTest::addRow("GOOG") << 1 << "GOOG" << qint64(1500'00);
    QTest::addRow("MSFT") << 2 << "MSFT" << qint64(250'00);
    QTest::addRow("AMZN") << 3 << "AMZN" << qint64(130'00);
}

void TestMarketSimulator::defaults()
{
    QFETCH(int, index);
    QFETCH(QString, symbol);
    QFETCH(qint64, priceCents);
    const MarketSimulator market;
    QCOMPARE(market.quotes().size(), 4);
    QCOMPARE(market.quotes().at(index).symbol, symbol);
    QCOMPARE(market.quotes().at(index).priceCents, priceCents);
    QCOMPARE(market.quotes().at(index).changeCents, 0);
    QCOMPARE(market.intervalMs(), 2000);
}

void TestMarketSimulator::startsStopped()
{
    MarketSimulator market;
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    QVERIFY(!market.isRunning());
    QVERIFY(!ticks.wait(50));
}

void TestMarketSimulator::tickMovesExactlyOneSymbol()
{
    MarketSimulator market;
    market.setSeed(1);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    for (int i = 1; i <= 200; ++i) {
        const QList<Quote> before = market.quotes();
        market.tick();
        QCOMPARE(ticks.size(), i);
        const Quote quote = ticks.last().first().value<Quote>();
        QCOMPARE(quote.seq, quint64(i));
        QVERIFY(quote.timestampMs > 0);
        const QList<Quote> after = market.quotes();
        int moved = 0;
        for (qsizetype s = 0; s < after.size(); ++s) {
            if (after[s].seq != before[s].seq) {
                ++moved;
                QCOMPARE(after[s], quote);
            }
        }
        QCOMPARE(moved, 1);
    }
}

void TestMarketSimulator::changesStayWithinHalfPercentInWholeCents()
{
    MarketSimulator market;
    market.setSeed(42);
    QHash<QString, qint64> price;
    for (const Quote &quote : market.quotes())
        price[quote.symbol] = quote.priceCents;
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    qint64 largestRatioPpm = 0;
    for (int i = 0; i < 20'000; ++i) {
        market.tick();
        const Quote quote = ticks.takeFirst().first().value<Quote>();
        const qint64 old = price[quote.symbol];
        QCOMPARE(quote.changeCents, quote.priceCents - old);
        // |change| <= 0.5 % of the old price, compared in integers.
        QVERIFY2(qAbs(quote.changeCents) * 1000 <= old * 5,
                 qPrintable(QStringLiteral("%1 -> %2").arg(old).arg(quote.priceCents)));
        largestRatioPpm = qMax(largestRatioPpm, qAbs(quote.changeCents) * 1'000'000 / old);
        price[quote.symbol] = quote.priceCents;
    }
    // The draw really spans the range: some move comes close to the 0.5 % bound.
    QVERIFY2(largestRatioPpm > 4900, qPrintable(QString::number(largestRatioPpm)));
}

void TestMarketSimulator::sameSeedGivesSameSequence()
{
    MarketSimulator a, b;
    a.setSeed(7);
    b.setSeed(7);
    for (int i = 0; i < 500; ++i) {
        a.tick();
        b.tick();
    }
    const QList<Quote> qa = a.quotes(), qb = b.quotes();
    for (qsizetype i = 0; i < qa.size(); ++i) {
        QCOMPARE(qa[i].priceCents, qb[i].priceCents);
        QCOMPARE(qa[i].seq, qb[i].seq);
    }
}

void TestMarketSimulator::differentSeedsDiffer()
{
    MarketSimulator a, b;
    a.setSeed(7);
    b.setSeed(8);
    for (int i = 0; i < 100; ++i) {
        a.tick();
        b.tick();
    }
    bool anyDifferent = false;
    for (qsizetype i = 0; i < a.quotes().size(); ++i)
        anyDifferent |= a.quotes()[i].priceCents != b.quotes()[i].priceCents;
    QVERIFY(anyDifferent);
}

void TestMarketSimulator::continuesFromAStoredHistory_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<qint64>("storedCents");
    QTest::addColumn<qint64>("expectedCents"); // of that symbol once continued

    const qint64 Max = MarketSimulator::MaxPriceCents;
    QTest::addRow("a stored price") << "AAPL" << qint64(123'45) << qint64(123'45);
    QTest::addRow("one cent") << "AAPL" << qint64(1) << qint64(1);
    QTest::addRow("the largest price") << "AAPL" << Max << Max;
    QTest::addRow("a symbol the market has not") << "TSLA" << qint64(240'00) << qint64(-1);
    // A damaged history's prices: the symbol starts again from its opening price.
    QTest::addRow("zero") << "AAPL" << qint64(0) << qint64(170'00);
    QTest::addRow("negative") << "AAPL" << qint64(-5) << qint64(170'00);
    QTest::addRow("past the largest") << "AAPL" << Max + 1 << qint64(170'00);
    QTest::addRow("2^63 - 1") << "AAPL" << std::numeric_limits<qint64>::max() << qint64(170'00);
}

void TestMarketSimulator::continuesFromAStoredHistory()
{
    QFETCH(QString, symbol);
    QFETCH(qint64, storedCents);
    QFETCH(qint64, expectedCents);
    MarketSimulator market;
    const QList<Quote> openings = market.quotes();
    market.continueFrom({ { symbol, storedCents, 7, 1'700'000'000'000, 41 } }, 42);
    for (const Quote &quote : market.quotes()) {
        const qint64 expected = quote.symbol == symbol
            ? expectedCents
            : openings.at(market.symbols().indexOf(quote.symbol)).priceCents;
        QCOMPARE(quote.priceCents, expected);
    }
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.setSeed(5);
    for (int i = 0; i < 1000; ++i) // every symbol moves, none overflows (UBSan in dev-asan)
        market.tick();
    QCOMPARE(ticks.constFirst().constFirst().value<Quote>().seq, quint64(43));
    for (const Quote &quote : market.quotes())
        QVERIFY(quote.priceCents >= 1);
}

void TestMarketSimulator::priceNeverReachesZero()
{
    MarketSimulator market({ { QStringLiteral("PENNY"), 1 }, { QStringLiteral("DIME"), 250 } });
    market.setSeed(3);
    for (int i = 0; i < 50'000; ++i)
        market.tick();
    for (const Quote &quote : market.quotes())
        QVERIFY2(quote.priceCents > 0, qPrintable(quote.symbol));
}

void TestMarketSimulator::startStopAndIntervalSignals()
{
    MarketSimulator market;
    QSignalSpy running(&market, &MarketSimulator::runningChanged);
    QSignalSpy interval(&market, &MarketSimulator::intervalMsChanged);
    QSignalSpy status(&market, &MarketSimulator::statusChanged);

    market.start();
    QVERIFY(market.isRunning());
    QCOMPARE(running.size(), 1);
    QCOMPARE(running.last().first().toBool(), true);
    market.start(); // already running: no signal
    QCOMPARE(running.size(), 1);

    market.setIntervalMs(500);
    QCOMPARE(market.intervalMs(), 500);
    QCOMPARE(interval.size(), 1);
    QCOMPARE(interval.last().first().toInt(), 500);

    market.stop();
    QVERIFY(!market.isRunning());
    QCOMPARE(running.size(), 2);
    QCOMPARE(running.last().first().toBool(), false);

    QCOMPARE(status.size(), 3);
    const auto last = status.last().first().value<FeedStatus>();
    QCOMPARE(last.running, false);
    QCOMPARE(last.intervalMs, 500);
    QCOMPARE(last.symbols, market.symbols());
}

void TestMarketSimulator::timerTicksWhileRunning()
{
    MarketSimulator market;
    market.setIntervalMs(20);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.start();
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 3, 5000);
}

void TestMarketSimulator::stopHaltsTicks()
{
    MarketSimulator market;
    market.setIntervalMs(20);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.start();
    QVERIFY(ticks.wait(5000));
    market.stop();
    const auto count = ticks.size();
    // Ten intervals without a single tick.
    QVERIFY(!ticks.wait(200));
    QCOMPARE(ticks.size(), count);
}

void TestMarketSimulator::intervalHasAFloor()
{
    MarketSimulator market;
    market.setIntervalMs(0);
    QCOMPARE(market.intervalMs(), MarketSimulator::MinIntervalMs);
}

QTEST_GUILESS_MAIN(TestMarketSimulator)
#include "tst_marketsimulator.moc"
