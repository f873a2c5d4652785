#include <feed/marketsimulator.h>
#include <feed/pricemodel.h>

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace quotecast;

// The price models alone: each step's distribution, drawn from a fixed price so that the
// statistics are those of one tick, not of a walk.
class TestPriceModel : public QObject
{
    Q_OBJECT

private slots:
    void theSeedsModelIsUnchanged();
    void uniformMovesWithinVolatilityInWholeCents_data();
    void uniformMovesWithinVolatilityInWholeCents();
    void gbmLogReturnsHaveTheirMeanAndDeviation_data();
    void gbmLogReturnsHaveTheirMeanAndDeviation();
    void sameSeedGivesSameSequence_data();
    void sameSeedGivesSameSequence();
    void pricesStayInRange_data();
    void pricesStayInRange();
    void namesAndRanges();
};

// The default model is the seed's, draw for draw: seed 42's 100,000 ticks end on the prices
// the market reached before price models existed (fbd178b's MarketSimulator::tick).
void TestPriceModel::theSeedsModelIsUnchanged()
{
    MarketSimulator market;
    market.setSeed(42);
    for (int i = 0; i < 100'000; ++i)
        market.tick();
    QStringList ends;
    for (const Quote &quote : market.quotes())
        ends.append(QStringLiteral("%1 %2 %3")
                        .arg(quote.symbol)
                        .arg(quote.priceCents)
                        .arg(quote.changeCents));
    QCOMPARE(
        ends,
        QStringList({ "AAPL 16075 -67", "GOOG 297468 -776", "MSFT 19374 -88", "AMZN 9341 -46" }));
}

void TestPriceModel::uniformMovesWithinVolatilityInWholeCents_data()
{
    QTest::addColumn<int>("volatilityPpm");
    QTest::addColumn<qint64>("priceCents");
    QTest::addRow("the seed's 0.5 %% of 170.00") << 5000 << qint64(170'00);
    QTest::addRow("0.5 %% of 1.99") << 5000 << qint64(199);
    QTest::addRow("2 %% of 250.00") << 20'000 << qint64(250'00);
    QTest::addRow("20 %% of 1,000,000.00") << PriceModel::MaxVolatilityPpm << qint64(1'000'000'00);
}

void TestPriceModel::uniformMovesWithinVolatilityInWholeCents()
{
    QFETCH(int, volatilityPpm);
    QFETCH(qint64, priceCents);
    const PriceModel model = PriceModel::uniform(volatilityPpm);
    QRandomGenerator rng(11);
    // Whole cents by construction (integers); the bound is |change| <= price × ppm / 10^6.
    const qint64 bound = priceCents * volatilityPpm / 1'000'000;
    qint64 largest = 0;
    for (int i = 0; i < 20'000; ++i) {
        const qint64 change
            = model.nextPriceCents(priceCents, MarketSimulator::MaxPriceCents, rng) - priceCents;
        QVERIFY2(qAbs(change) <= bound, qPrintable(QString::number(change)));
        largest = qMax(largest, qAbs(change));
    }
    QVERIFY2(largest * 100 >= bound * 99, qPrintable(QString::number(largest))); // spans it
}

void TestPriceModel::gbmLogReturnsHaveTheirMeanAndDeviation_data()
{
    QTest::addColumn<int>("volatilityPpm");
    QTest::addColumn<int>("driftPpm");
    QTest::addRow("the default: 0.25 %%, no drift") << PriceModel::DefaultGbmVolatilityPpm << 0;
    QTest::addRow("1 %%, drift +0.1 %%") << 10'000 << 1000;
    QTest::addRow("5 %%, drift -0.5 %%") << 50'000 << -5000;
}

// Over 100,000 seeded ticks the sample mean of ln(next / price) is within 5 standard errors
// (σ/√n) of drift − σ²/2, and the sample standard deviation within 2 % of σ (its own standard
// error is σ/√(2n), 0.22 %). The price is 1,000,000.00 so that whole cents do not matter.
void TestPriceModel::gbmLogReturnsHaveTheirMeanAndDeviation()
{
    QFETCH(int, volatilityPpm);
    QFETCH(int, driftPpm);
    const PriceModel model = PriceModel::gbm(volatilityPpm, driftPpm);
    QRandomGenerator rng(2026);
    constexpr int Ticks = 100'000;
    constexpr qint64 Price = 1'000'000'00;
    double sum = 0, sumOfSquares = 0;
    for (int i = 0; i < Ticks; ++i) {
        const double logReturn = std::log(
            double(model.nextPriceCents(Price, MarketSimulator::MaxPriceCents, rng)) / Price);
        sum += logReturn;
        sumOfSquares += logReturn * logReturn;
    }
    const double mean = sum / Ticks;
    const double deviation = std::sqrt((sumOfSquares - sum * mean) / (Ticks - 1));
    const double sigma = volatilityPpm / 1e6;
    const double expectedMean = driftPpm / 1e6 - sigma * sigma / 2;
    QVERIFY2(std::abs(mean - expectedMean) <= 5 * sigma / std::sqrt(double(Ticks)),
             qPrintable(QStringLiteral("mean %1, expected %2").arg(mean).arg(expectedMean)));
    QVERIFY2(std::abs(deviation / sigma - 1) <= 0.02,
             qPrintable(QStringLiteral("deviation %1, expected %2").arg(deviation).arg(sigma)));
}

void TestPriceModel::sameSeedGivesSameSequence_data()
{
    QTest::addColumn<PriceModel>("model");
    QTest::addRow("uniform") << PriceModel::uniform();
    QTest::addRow("gbm") << PriceModel::gbm(10'000, 100);
}

void TestPriceModel::sameSeedGivesSameSequence()
{
    QFETCH(PriceModel, model);
    const auto walk = [&](quint32 seed) {
        MarketSimulator market;
        market.setPriceModel(model);
        market.setSeed(seed);
        QList<qint64> prices;
        for (int i = 0; i < 500; ++i) {
            market.tick();
            for (const Quote &quote : market.quotes())
                prices.append(quote.priceCents);
        }
        return prices;
    };
    QCOMPARE(walk(7), walk(7));
    QVERIFY(walk(7) != walk(8));
}

void TestPriceModel::pricesStayInRange_data()
{
    QTest::addColumn<PriceModel>("model");
    QTest::addColumn<qint64>("priceCents");
    QTest::addRow("uniform at one cent")
        << PriceModel::uniform(PriceModel::MaxVolatilityPpm) << qint64(1);
    QTest::addRow("gbm at one cent")
        << PriceModel::gbm(PriceModel::MaxVolatilityPpm, -10'000) << qint64(1);
    QTest::addRow("gbm at the largest price")
        << PriceModel::gbm(PriceModel::MaxVolatilityPpm, PriceModel::MaxDriftPpm)
        << MarketSimulator::MaxPriceCents;
    QTest::addRow("uniform at the largest price")
        << PriceModel::uniform(PriceModel::MaxVolatilityPpm) << MarketSimulator::MaxPriceCents;
}

void TestPriceModel::pricesStayInRange()
{
    QFETCH(PriceModel, model);
    QFETCH(qint64, priceCents);
    QRandomGenerator rng(5);
    qint64 price = priceCents;
    for (int i = 0; i < 10'000; ++i) {
        price = model.nextPriceCents(price, MarketSimulator::MaxPriceCents, rng);
        QVERIFY2(price >= 1 && price <= MarketSimulator::MaxPriceCents,
                 qPrintable(QString::number(price)));
    }
}

void TestPriceModel::namesAndRanges()
{
    QCOMPARE(PriceModel::kindNamed(u"GBM"), PriceModel::Kind::Gbm);
    QCOMPARE(PriceModel::kindNamed(u"uniform"), PriceModel::Kind::Uniform);
    QCOMPARE(PriceModel::kindNamed(u"brownian"), std::nullopt);
    QCOMPARE(PriceModel::gbm().name(), QStringLiteral("gbm"));
    QCOMPARE(PriceModel(), PriceModel::uniform()); // the seed's model is the default
    QVERIFY(PriceModel::gbm().isValid());
    QVERIFY(!PriceModel::uniform(0).isValid());
    QVERIFY(!PriceModel::uniform(PriceModel::MaxVolatilityPpm + 1).isValid());
    QVERIFY(!PriceModel({ PriceModel::Kind::Uniform, 5000, 100 }).isValid()); // drift is gbm's
    QVERIFY(!PriceModel::gbm(2500, -PriceModel::MaxDriftPpm - 1).isValid());

    // An invalid model is not taken.
    MarketSimulator market;
    market.setPriceModel(PriceModel::uniform(0));
    QCOMPARE(market.priceModel(), PriceModel::uniform());
}

QTEST_GUILESS_MAIN(TestPriceModel)
#include "tst_pricemodel.moc"
