#include "quotespy.h"
#include <feed/marketsimulator.h>
#include <feed/symbol.h>

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace quotecast;

// What a person does to the market while it runs: symbols added and removed, a price set, a
// shock. Every price reached is a tick in sequence.
class TestMarketControl : public QObject
{
    Q_OBJECT

private slots:
    void addedSymbolTicksItsOpeningAndJoinsTheStatus();
    void addSymbolRefuses_data();
    void addSymbolRefuses();
    void removedSymbolTicksNoMore();
    void removeSymbolRefuses();
    void setPriceTicksThatPrice();
    void setPriceRefuses();
    void shockMovesEverySymbolAlongItsPath();
    void shockOfOneSymbolMovesOnlyIt();
    void hardShocksNeverReachZero();
    void shockRefuses();
    void setPriceTakesASymbolOutOfTheShock();
    void removingTheShockedSymbolEndsTheShock();
    void aSecondShockReplacesTheFirst();
};

namespace {

qint64 priceOf(const MarketSimulator &market, const QString &symbol)
{
    for (const Quote &quote : market.quotes()) {
        if (quote.symbol == symbol)
            return quote.priceCents;
    }
    return -1;
}

} // namespace

void TestMarketControl::addedSymbolTicksItsOpeningAndJoinsTheStatus()
{
    MarketSimulator market;
    market.setSeed(1);
    market.tick();
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    QSignalSpy status(&market, &MarketSimulator::statusChanged);
    QString error;
    QVERIFY(market.addSymbol(QStringLiteral(" brk.b "), 412'50, &error));
    QVERIFY(error.isEmpty());

    const QList<Quote> added = takeQuotes(ticks);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added[0].symbol, QStringLiteral("BRK.B"));
    QCOMPARE(added[0].priceCents, 412'50);
    QCOMPARE(added[0].changeCents, 0);
    QCOMPARE(added[0].seq, quint64(2));
    QCOMPARE(status.size(), 1);
    const auto symbols = status.first().first().value<FeedStatus>().symbols;
    QCOMPARE(symbols, QStringList({ "AAPL", "GOOG", "MSFT", "AMZN", "BRK.B" }));
    QCOMPARE(market.symbols(), symbols);

    // From then on the random ticks move it too.
    for (int i = 0; i < 200; ++i)
        market.tick();
    QVERIFY(priceOf(market, QStringLiteral("BRK.B")) != 412'50);
}

void TestMarketControl::addSymbolRefuses_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<qint64>("priceCents");
    QTest::addColumn<QString>("error");
    const QString notASymbol
        = QStringLiteral("'%1' is not a symbol: a letter, then up to 9 letters, digits or dots");
    QTest::addRow("empty") << "" << qint64(100) << notASymbol.arg("");
    QTest::addRow("a digit first") << "7203" << qint64(100) << notASymbol.arg("7203");
    QTest::addRow("11 characters") << "ABCDEFGHIJK" << qint64(100) << notASymbol.arg("ABCDEFGHIJK");
    QTest::addRow("markup") << "<b>X</b>" << qint64(100) << notASymbol.arg("<b>X</b>");
    QTest::addRow("one it has, in lower case")
        << "aapl" << qint64(100) << "The market has AAPL already";
    QTest::addRow("zero") << "TSLA" << qint64(0)
                          << "The price of TSLA must be from 0.01 to 1000000";
    QTest::addRow("past the largest") << "TSLA" << symbol::MaxGivenPriceCents + 1
                                      << "The price of TSLA must be from 0.01 to 1000000";
}

void TestMarketControl::addSymbolRefuses()
{
    QFETCH(QString, symbol);
    QFETCH(qint64, priceCents);
    QFETCH(QString, error);
    MarketSimulator market;
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    QSignalSpy status(&market, &MarketSimulator::statusChanged);
    QString message;
    QVERIFY(!market.addSymbol(symbol, priceCents, &message));
    QCOMPARE(message, error);
    QCOMPARE(market.symbols().size(), 4);
    QCOMPARE(ticks.size(), 0);
    QCOMPARE(status.size(), 0);
}

void TestMarketControl::removedSymbolTicksNoMore()
{
    MarketSimulator market;
    market.setSeed(3);
    QSignalSpy status(&market, &MarketSimulator::statusChanged);
    QString error;
    QVERIFY(market.removeSymbol(QStringLiteral("goog"), &error));
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().first().value<FeedStatus>().symbols,
             QStringList({ "AAPL", "MSFT", "AMZN" }));

    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    for (int i = 0; i < 300; ++i)
        market.tick();
    for (const Quote &quote : takeQuotes(ticks))
        QVERIFY(quote.symbol != QLatin1String("GOOG"));

    // Added back, it starts again from the price given.
    QVERIFY(market.addSymbol(QStringLiteral("GOOG"), 1400'00, &error));
    QCOMPARE(market.symbols().last(), QStringLiteral("GOOG"));
    QCOMPARE(priceOf(market, QStringLiteral("GOOG")), 1400'00);
}

void TestMarketControl::removeSymbolRefuses()
{
    MarketSimulator market({ { QStringLiteral("ONLY"), 100 } });
    QString error;
    QVERIFY(!market.removeSymbol(QStringLiteral("TSLA"), &error));
    QCOMPARE(error, QStringLiteral("The market has no symbol TSLA"));
    QVERIFY(!market.removeSymbol(QStringLiteral("ONLY"), &error));
    QCOMPARE(error, QStringLiteral("ONLY is the market's last symbol: add another one first"));
    QCOMPARE(market.symbols(), QStringList({ "ONLY" }));
}

void TestMarketControl::setPriceTicksThatPrice()
{
    MarketSimulator market;
    market.setSeed(4);
    for (int i = 0; i < 10; ++i)
        market.tick();
    const qint64 before = priceOf(market, QStringLiteral("MSFT"));
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    QString error;
    QVERIFY(market.setPrice(QStringLiteral("MSFT"), 199'99, &error));
    const QList<Quote> set = takeQuotes(ticks);
    QCOMPARE(set.size(), 1);
    QCOMPARE(set[0].symbol, QStringLiteral("MSFT"));
    QCOMPARE(set[0].priceCents, 199'99);
    QCOMPARE(set[0].changeCents, 199'99 - before);
    QCOMPARE(set[0].seq, quint64(11));
    QCOMPARE(priceOf(market, QStringLiteral("MSFT")), 199'99);
}

void TestMarketControl::setPriceRefuses()
{
    MarketSimulator market;
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    QString error;
    QVERIFY(!market.setPrice(QStringLiteral("TSLA"), 100, &error));
    QCOMPARE(error, QStringLiteral("The market has no symbol TSLA"));
    QVERIFY(!market.setPrice(QStringLiteral("AAPL"), 0, &error));
    QCOMPARE(error, QStringLiteral("The price of AAPL must be from 0.01 to 1000000"));
    QCOMPARE(ticks.size(), 0);
}

// A crash of −10 % over 20 ticks: each tick moves every symbol one step down, the same
// percentage each time, to exactly 90 % at the last; then random ticks again.
void TestMarketControl::shockMovesEverySymbolAlongItsPath()
{
    MarketSimulator market;
    market.setSeed(5);
    QHash<QString, qint64> start;
    for (const Quote &quote : market.quotes())
        start.insert(quote.symbol, quote.priceCents);
    QSignalSpy shocking(&market, &MarketSimulator::shockingChanged);
    QString error;
    QVERIFY(market.startShock({ QString(), -10, 20 }, &error));
    QVERIFY(market.isShocking());
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    for (int step = 1; step <= 20; ++step) {
        market.tick();
        const QList<Quote> moved = takeQuotes(ticks);
        QCOMPARE(moved.size(), 4);
        for (const Quote &quote : moved) {
            const double expected = double(start[quote.symbol]) * std::pow(0.9, step / 20.0);
            QVERIFY2(qAbs(quote.priceCents - expected) <= 0.5,
                     qPrintable(QStringLiteral("%1 at step %2: %3, expected %4")
                                    .arg(quote.symbol)
                                    .arg(step)
                                    .arg(quote.priceCents)
                                    .arg(expected)));
            QVERIFY(quote.changeCents < 0);
        }
    }
    QVERIFY(!market.isShocking());
    QCOMPARE(shocking.size(), 2);
    QCOMPARE(priceOf(market, QStringLiteral("AAPL")), 153'00);
    QCOMPARE(priceOf(market, QStringLiteral("GOOG")), 1350'00);
    market.tick();
    QCOMPARE(ticks.size(), 1);
}

void TestMarketControl::shockOfOneSymbolMovesOnlyIt()
{
    MarketSimulator market;
    QString error;
    QVERIFY(market.startShock({ QStringLiteral("amzn"), 50, 4 }, &error));
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    for (int i = 0; i < 4; ++i)
        market.tick();
    const QList<Quote> moved = takeQuotes(ticks);
    QCOMPARE(moved.size(), 4);
    for (const Quote &quote : moved)
        QCOMPARE(quote.symbol, QStringLiteral("AMZN"));
    QCOMPARE(moved.last().priceCents, 195'00);
}

void TestMarketControl::hardShocksNeverReachZero()
{
    MarketSimulator market({ { QStringLiteral("PENNY"), 3 }, { QStringLiteral("DIME"), 10 } });
    QString error;
    for (int crash = 0; crash < 10; ++crash) {
        QVERIFY(market.startShock({ QString(), Shock::MinPercent, 1 + crash }, &error));
        while (market.isShocking())
            market.tick();
        for (const Quote &quote : market.quotes())
            QVERIFY2(quote.priceCents >= 1, qPrintable(quote.symbol));
    }
    QCOMPARE(priceOf(market, QStringLiteral("PENNY")), 1);
}

void TestMarketControl::shockRefuses()
{
    MarketSimulator market;
    QString error;
    QVERIFY(!market.startShock({ QString(), -100, 10 }, &error));
    QCOMPARE(error,
             QStringLiteral("A shock moves prices by -99 to 1000 percent over 1 to 10000 ticks"));
    QVERIFY(!market.startShock({ QString(), -10, 0 }, &error));
    QVERIFY(!market.startShock({ QStringLiteral("TSLA"), -10, 5 }, &error));
    QCOMPARE(error, QStringLiteral("The market has no symbol TSLA"));
    QVERIFY(!market.isShocking());
}

void TestMarketControl::setPriceTakesASymbolOutOfTheShock()
{
    MarketSimulator market;
    QString error;
    QVERIFY(market.startShock({ QStringLiteral("AAPL"), -10, 5 }, &error));
    QSignalSpy shocking(&market, &MarketSimulator::shockingChanged);
    QVERIFY(market.setPrice(QStringLiteral("AAPL"), 200'00, &error));
    QVERIFY(!market.isShocking());
    QCOMPARE(shocking.size(), 1);
}

void TestMarketControl::removingTheShockedSymbolEndsTheShock()
{
    MarketSimulator market;
    QString error;
    QVERIFY(market.startShock({ QStringLiteral("AAPL"), -10, 5 }, &error));
    QSignalSpy shocking(&market, &MarketSimulator::shockingChanged);
    QVERIFY(market.removeSymbol(QStringLiteral("AAPL"), &error));
    QVERIFY(!market.isShocking());
    QCOMPARE(shocking.size(), 1);
    // Added back, it is not shocked: the next tick is an ordinary one of one symbol.
    QVERIFY(market.addSymbol(QStringLiteral("AAPL"), 170'00, &error));
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.tick();
    QCOMPARE(ticks.size(), 1);
}

void TestMarketControl::aSecondShockReplacesTheFirst()
{
    MarketSimulator market;
    QString error;
    QSignalSpy shocking(&market, &MarketSimulator::shockingChanged);
    QVERIFY(market.startShock({ QStringLiteral("AAPL"), -10, 5 }, &error));
    market.tick();
    QVERIFY(market.startShock({ QStringLiteral("MSFT"), 20, 2 }, &error));
    QCOMPARE(shocking.size(), 1); // still under way, not started twice
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    market.tick();
    market.tick();
    const QList<Quote> moved = takeQuotes(ticks);
    QCOMPARE(moved.size(), 2);
    QCOMPARE(moved[0].symbol, QStringLiteral("MSFT"));
    QCOMPARE(moved[1].priceCents, 300'00);
    QVERIFY(!market.isShocking());
    QCOMPARE(shocking.size(), 2);
}

QTEST_GUILESS_MAIN(TestMarketControl)
#include "tst_marketcontrol.moc"
