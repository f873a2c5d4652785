#include "quotespy.h"
#include <feed/marketsimulator.h>

#include <QSignalSpy>
#include <QTest>

using namespace quotecast;

// The market playing recorded prices from a PriceSource, whatever reads them (src/replay reads
// CSV files, tst_pricereplay tests that): here a list of prices in memory.
class TestMarketReplay : public QObject
{
    Q_OBJECT

private slots:
    void startReplacesTheSymbolsWithTheirFirstPrices();
    void playsOnePriceATickInOrder();
    void theEndStopsTheFeedAndStartPlaysItAgain();
    void aLoopStartsOver();
    void anErrorStopsTheFeedAndSaysWhy();
    void startAfterAFailureStaysStopped();
    void changesAreRefusedUntilItStops();
};

namespace {

constexpr qint64 Day = 24 * 3600 * 1000;
constexpr qint64 March1 = 1709251200000; // 2024-03-01, midnight UTC

// Prices in memory, as a replay would read them; `failAt` makes next() fail there, as when a
// file changes while it is played, and without `rewinds` rewind() fails, as when it is gone.
class ListSource : public PriceSource
{
public:
    explicit ListSource(QList<SourcePrice> prices, qsizetype failAt = -1, bool rewinds = true)
        : m_prices(std::move(prices))
        , m_failAt(failAt)
        , m_rewinds(rewinds)
    { }
    QList<SourcePrice> firstPrices() const override
    {
        QList<SourcePrice> firsts;
        for (const SourcePrice &price : m_prices) {
            if (std::none_of(firsts.cbegin(), firsts.cend(),
                             [&](const SourcePrice &p) { return p.symbol == price.symbol; }))
                firsts.append(price);
        }
        return firsts;
    }
    qint64 firstTimeMs() const override { return m_prices.first().marketTimeMs; }
    qint64 lastTimeMs() const override { return m_prices.last().marketTimeMs; }
    std::optional<SourcePrice> next() override
    {
        if (m_next == m_failAt) {
            m_error = QStringLiteral("prices.csv, line 9: the file changed while it was played");
            return std::nullopt;
        }
        if (m_next >= m_prices.size())
            return std::nullopt;
        return m_prices[m_next++];
    }
    QString errorString() const override { return m_error; }
    bool rewind() override
    {
        if (!m_rewinds) {
            m_error = QStringLiteral("prices.csv cannot be read again: it was removed");
            return false;
        }
        m_next = 0;
        m_error.clear();
        return true;
    }

private:
    QList<SourcePrice> m_prices;
    qsizetype m_failAt;
    bool m_rewinds;
    qsizetype m_next = 0;
    QString m_error;
};

// Two symbols over three days, interleaved as a replay of two files gives them.
QList<SourcePrice> threeDays()
{
    return { { "AAPL", 180'00, March1 },           { "TSLA", 200'00, March1 },
             { "AAPL", 181'50, March1 + Day },     { "TSLA", 195'25, March1 + Day },
             { "AAPL", 179'99, March1 + 2 * Day }, { "TSLA", 199'00, March1 + 2 * Day } };
}

} // namespace

void TestMarketReplay::startReplacesTheSymbolsWithTheirFirstPrices()
{
    MarketSimulator market; // AAPL 170, GOOG, MSFT, AMZN
    QString error;
    QVERIFY(market.startShock({ QString(), -10, 20 }, &error));
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    QSignalSpy status(&market, &MarketSimulator::statusChanged);
    market.startReplay(std::make_unique<ListSource>(threeDays()), false);
    QVERIFY(market.isReplaying());
    QVERIFY(!market.isShocking()); // the recorded prices are the market's
    QCOMPARE(market.symbols(), QStringList({ "AAPL", "TSLA" }));
    QCOMPARE(ticks.size(), 0); // every tick of a replay is a row, once

    // AAPL keeps its price until its first row; TSLA opens at its first price.
    const QList<Quote> quotes = market.quotes();
    QCOMPARE(quotes[0].priceCents, 170'00);
    QCOMPARE(quotes[0].marketTimeMs, 0);
    QCOMPARE(quotes[1].priceCents, 200'00);
    QCOMPARE(quotes[1].seq, quint64(0));
    QCOMPARE(quotes[1].marketTimeMs, March1);

    QCOMPARE(status.size(), 1);
    const FeedStatus replay = status.first().first().value<FeedStatus>();
    QCOMPARE(replay.symbols, QStringList({ "AAPL", "TSLA" }));
    QCOMPARE(replay.replayFromMs, March1);
    QCOMPARE(replay.replayToMs, March1 + 2 * Day);
    QCOMPARE(ticks.size(), 0);

    // The first rows' ticks carry the true change: from the market's 170.00, from the opening.
    market.tick();
    market.tick();
    const QList<Quote> firsts = takeQuotes(ticks);
    QCOMPARE(firsts[0].changeCents, 10'00);
    QCOMPARE(firsts[0].seq, quint64(1));
    QCOMPARE(firsts[1].changeCents, 0);
}

void TestMarketReplay::playsOnePriceATickInOrder()
{
    MarketSimulator market;
    market.startReplay(std::make_unique<ListSource>(threeDays()), false);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    for (const SourcePrice &expected : threeDays()) {
        market.tick();
        const QList<Quote> played = takeQuotes(ticks);
        QCOMPARE(played.size(), 1);
        QCOMPARE(played[0].symbol, expected.symbol);
        QCOMPARE(played[0].priceCents, expected.priceCents);
        QCOMPARE(played[0].marketTimeMs, expected.marketTimeMs);
    }
}

void TestMarketReplay::theEndStopsTheFeedAndStartPlaysItAgain()
{
    MarketSimulator market;
    market.setIntervalMs(MarketSimulator::MinIntervalMs);
    market.startReplay(std::make_unique<ListSource>(threeDays()), false);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    QSignalSpy running(&market, &MarketSimulator::runningChanged);
    market.start();
    QTRY_VERIFY(!market.isRunning());
    QCOMPARE(takeQuotes(ticks).size(), threeDays().size());
    QCOMPARE(running.size(), 2); // started, stopped at the end

    market.start(); // from the first price again
    QTRY_VERIFY(!market.isRunning());
    const QList<Quote> again = takeQuotes(ticks);
    QCOMPARE(again.size(), threeDays().size());
    QCOMPARE(again.first().priceCents, 180'00);
}

void TestMarketReplay::aLoopStartsOver()
{
    MarketSimulator market;
    market.startReplay(std::make_unique<ListSource>(threeDays()), true);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.start();
    for (int i = 0; i < 2 * 6 + 1; ++i)
        market.tick();
    const QList<Quote> played = takeQuotes(ticks);
    QCOMPARE(played[6].priceCents, 180'00); // the seventh is the first again
    QCOMPARE(played[12].priceCents, 180'00);
    QVERIFY(market.isRunning());
}

void TestMarketReplay::anErrorStopsTheFeedAndSaysWhy()
{
    MarketSimulator market;
    market.startReplay(std::make_unique<ListSource>(threeDays(), 2), true);
    QSignalSpy failed(&market, &MarketSimulator::replayFailed);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.start();
    market.tick();
    market.tick();
    market.tick();
    QCOMPARE(takeQuotes(ticks).size(), 2);
    QVERIFY(!market.isRunning());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(),
             QStringLiteral("prices.csv, line 9: the file changed while it was played"));
}

// A replay that failed, or ended and cannot rewind, does not run for one empty tick at Start:
// the feed stays stopped and says why each time.
void TestMarketReplay::startAfterAFailureStaysStopped()
{
    MarketSimulator market;
    market.startReplay(std::make_unique<ListSource>(threeDays(), 2, false), false);
    market.start();
    market.tick();
    market.tick();
    market.tick(); // fails
    QVERIFY(!market.isRunning());
    QSignalSpy failed(&market, &MarketSimulator::replayFailed);
    QSignalSpy running(&market, &MarketSimulator::runningChanged);
    QSignalSpy status(&market, &MarketSimulator::statusChanged);
    market.start();
    market.start();
    QVERIFY(!market.isRunning());
    QCOMPARE(running.size(), 0);
    QCOMPARE(status.size(), 0);
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.last().first().toString(),
             QStringLiteral("prices.csv cannot be read again: it was removed"));
}

void TestMarketReplay::changesAreRefusedUntilItStops()
{
    MarketSimulator market;
    market.setSeed(1);
    market.startReplay(std::make_unique<ListSource>(threeDays()), false);
    market.tick();
    QString error;
    const QString refusal = QStringLiteral(
        "The market is replaying recorded prices: go back to simulated prices first");
    QVERIFY(!market.addSymbol(QStringLiteral("MSFT"), 100, &error));
    QCOMPARE(error, refusal);
    QVERIFY(!market.removeSymbol(QStringLiteral("AAPL"), &error));
    QVERIFY(!market.setPrice(QStringLiteral("AAPL"), 100, &error));
    QVERIFY(!market.startShock({ QString(), -10, 5 }, &error));
    QCOMPARE(error, refusal);

    QSignalSpy status(&market, &MarketSimulator::statusChanged);
    market.stopReplay();
    QVERIFY(!market.isReplaying());
    QCOMPARE(status.size(), 1);
    QVERIFY(!status.first().first().value<FeedStatus>().isReplay());
    // The model moves on from the replay's last prices.
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.tick();
    const Quote moved = takeQuotes(ticks).first();
    QCOMPARE(moved.marketTimeMs, 0);
    QVERIFY(QStringList({ "AAPL", "TSLA" }).contains(moved.symbol));
    QVERIFY(market.addSymbol(QStringLiteral("MSFT"), 100, &error));
}

QTEST_GUILESS_MAIN(TestMarketReplay)
#include "tst_marketreplay.moc"
