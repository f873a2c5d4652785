#include <app/quantity.h>

#include <QTest>

using namespace quotecast;
using quantity::Unit;

class TestQuantity : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void format_data();
    void format();
};

void TestQuantity::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<qint64>("value"); // -1: refused

    QTest::addRow("bare ms") << "1500" << Unit::Milliseconds << qint64(1500);
    QTest::addRow("ms") << "500ms" << Unit::Milliseconds << qint64(500);
    QTest::addRow("s") << "15s" << Unit::Milliseconds << qint64(15'000);
    QTest::addRow("decimal s") << "1.5s" << Unit::Milliseconds << qint64(1500);
    QTest::addRow("min") << "2min" << Unit::Milliseconds << qint64(120'000);
    QTest::addRow("h, capital") << "1H" << Unit::Milliseconds << qint64(3'600'000);
    QTest::addRow("space before the unit") << " 15 s " << Unit::Milliseconds << qint64(15'000);
    QTest::addRow("bare decimal ms") << "1.000" << Unit::Milliseconds << qint64(-1);
    QTest::addRow("fraction of a ms") << "0.5ms" << Unit::Milliseconds << qint64(-1);
    QTest::addRow("m is not minutes") << "2m" << Unit::Milliseconds << qint64(-1);
    QTest::addRow("size unit for a duration") << "1KiB" << Unit::Milliseconds << qint64(-1);
    QTest::addRow("word") << "soon" << Unit::Milliseconds << qint64(-1);
    QTest::addRow("negative") << "-5s" << Unit::Milliseconds << qint64(-1);
    QTest::addRow("empty") << "" << Unit::Milliseconds << qint64(-1);
    QTest::addRow("two numbers") << "1s 500ms" << Unit::Milliseconds << qint64(-1);

    QTest::addRow("bare bytes") << "4096" << Unit::Bytes << qint64(4096);
    QTest::addRow("B") << "512B" << Unit::Bytes << qint64(512);
    QTest::addRow("KiB") << "256KiB" << Unit::Bytes << qint64(262'144);
    QTest::addRow("K, as coreutils") << "256K" << Unit::Bytes << qint64(262'144);
    QTest::addRow("kib lower case") << "256kib" << Unit::Bytes << qint64(262'144);
    QTest::addRow("MiB") << "1MiB" << Unit::Bytes << qint64(1'048'576);
    QTest::addRow("half a MiB") << "0.5MiB" << Unit::Bytes << qint64(524'288);
    QTest::addRow("GiB") << "1GiB" << Unit::Bytes << qint64(1'073'741'824);
    QTest::addRow("kB, meant either way, refused") << "256kB" << Unit::Bytes << qint64(-1);
    QTest::addRow("MB refused") << "2MB" << Unit::Bytes << qint64(-1);
    QTest::addRow("bare decimal bytes") << "1.000" << Unit::Bytes << qint64(-1);
    QTest::addRow("fraction of a byte") << "0.1KiB" << Unit::Bytes << qint64(-1);
    QTest::addRow("duration unit for a size") << "5s" << Unit::Bytes << qint64(-1);
    QTest::addRow("overflow") << "999999999999999GiB" << Unit::Bytes << qint64(-1);

    QTest::addRow("count") << "10000" << Unit::Plain << qint64(10'000);
    QTest::addRow("count with a unit") << "10k" << Unit::Plain << qint64(-1);
    QTest::addRow("count with decimals") << "1.5" << Unit::Plain << qint64(-1);
    QTest::addRow("thousands separator") << "10.000" << Unit::Plain << qint64(-1);
    QTest::addRow("port with .0") << "8080.0" << Unit::Plain << qint64(-1);
    QTest::addRow("15 digits") << "999999999999999" << Unit::Plain << qint64(999'999'999'999'999);
    QTest::addRow("16 digits") << "1000000000000000" << Unit::Plain << qint64(-1);
}

void TestQuantity::parse()
{
    QFETCH(QString, text);
    QFETCH(Unit, unit);
    QFETCH(qint64, value);
    const std::optional<qint64> parsed = quantity::parse(text, unit);
    if (value < 0)
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
    else
        QCOMPARE(parsed.value_or(-1), value);
}

void TestQuantity::format_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<QString>("text");

    QTest::addRow("seconds") << qint64(5000) << Unit::Milliseconds << "5s";
    QTest::addRow("not whole seconds") << qint64(1500) << Unit::Milliseconds << "1500ms";
    QTest::addRow("minutes") << qint64(120'000) << Unit::Milliseconds << "2min";
    QTest::addRow("a day in hours") << qint64(86'400'000) << Unit::Milliseconds << "24h";
    QTest::addRow("zero ms") << qint64(0) << Unit::Milliseconds << "0ms";
    QTest::addRow("KiB") << qint64(262'144) << Unit::Bytes << "256KiB";
    QTest::addRow("GiB") << (qint64(1) << 30) << Unit::Bytes << "1GiB";
    QTest::addRow("bytes") << qint64(1000) << Unit::Bytes << "1000B";
    QTest::addRow("count") << qint64(10'000) << Unit::Plain << "10000";
}

void TestQuantity::format()
{
    QFETCH(qint64, value);
    QFETCH(Unit, unit);
    QFETCH(QString, text);
    QCOMPARE(quantity::format(value, unit), text);
    QCOMPARE(quantity::parse(text, unit).value_or(-1), value); // reads back
}

QTEST_APPLESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
