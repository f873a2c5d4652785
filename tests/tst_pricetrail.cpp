#include <feed/pricetrail.h>

#include <QDateTime>
#include <QTest>

using namespace quotecast;

class TestPriceTrail : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLastPricesOldestFirst();
    void tracksTheDaysOpenHighAndLow();
    void aNewDayStartsANewOpen();
};

namespace {
const qint64 Noon = QDateTime(QDate(2026, 11, 25), QTime(12, 0)).toMSecsSinceEpoch();

Quote at(qint64 priceCents, qint64 timestampMs = Noon)
{
    return { QStringLiteral("AAPL"), priceCents, 0, timestampMs, 0 };
}
} // namespace

void TestPriceTrail::keepsTheLastPricesOldestFirst()
{
    PriceTrail trail(5);
    QVERIFY(trail.isEmpty());
    for (qint64 price = 1; price <= 1000; ++price)
        trail.add(at(price));
    QCOMPARE(trail.pricesCents(), (QList<qint64> { 996, 997, 998, 999, 1000 }));
    QCOMPARE(PriceTrail().capacity(), PriceTrail::DefaultCapacity);
}

void TestPriceTrail::tracksTheDaysOpenHighAndLow()
{
    PriceTrail trail(3);
    const QList<qint64> prices { 170'00, 171'50, 168'25, 169'00, 170'10 };
    for (qint64 price : prices)
        trail.add(at(price));
    QCOMPARE(trail.openCents(), 170'00);
    // The high and the low cover the whole day, not only the prices still kept.
    QCOMPARE(trail.highCents(), 171'50);
    QCOMPARE(trail.lowCents(), 168'25);
    QCOMPARE(trail.day(), QDate(2026, 11, 25));
}

void TestPriceTrail::aNewDayStartsANewOpen()
{
    PriceTrail trail;
    trail.add(at(100'00));
    trail.add(at(120'00));
    trail.add(at(80'00));
    const qint64 nextMorning = Noon + 20 * 3600 * 1000;
    trail.add(at(90'00, nextMorning));
    trail.add(at(95'00, nextMorning));
    QCOMPARE(trail.day(), QDate(2026, 11, 26));
    QCOMPARE(trail.openCents(), 90'00);
    QCOMPARE(trail.highCents(), 95'00);
    QCOMPARE(trail.lowCents(), 90'00);
    // The sparkline itself runs on across midnight.
    QCOMPARE(trail.pricesCents().size(), 5);
}

QTEST_GUILESS_MAIN(TestPriceTrail)
#include "tst_pricetrail.moc"
