#include <replay/csvfields.h>

#include <QDateTime>
#include <QTest>

using namespace quotecast;

Q_DECLARE_METATYPE(quotecast::csvfields::CentsResult)

// The fields of a line of prices, read from their bytes: prices as exact cents, dates and
// UTC times, the split at commas, what counts as text.
class TestCsvFields : public QObject
{
    Q_OBJECT

private slots:
    void pricesAreExactCents_data();
    void pricesAreExactCents();
    void timesAreUtc_data();
    void timesAreUtc();
    void badTimesAreRefused_data();
    void badTimesAreRefused();
    void splitsAtCommasOutsideQuotes();
    void textIsUtf8WithoutNul_data();
    void textIsUtf8WithoutNul();
};

void TestCsvFields::pricesAreExactCents_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<csvfields::CentsResult>("result");
    QTest::addColumn<qint64>("cents");
    constexpr qint64 Max = 1'000'000'00;
    const auto ok = [](const char *tag, const char *text, qint64 cents) {
        QTest::addRow("%s", tag) << QByteArray(text) << csvfields::CentsResult::Ok << cents;
    };
    const auto refused = [](const char *tag, const QByteArray &text, csvfields::CentsResult why) {
        QTest::addRow("%s", tag) << text << why << qint64(0);
    };
    ok("Yahoo's six decimals", "185.639999", 185'64);
    ok("half a cent rounds up", "185.635", 185'64);
    ok("just under half", "185.634999", 185'63);
    // As doubles 1.005 and 0.285 are just under: ×100 and rounding would give 100 and 28.
    ok("1.005", "1.005", 1'01);
    ok("0.285", "0.285", 29);
    ok("many decimals", "185.64000000000000000000001", 185'64);
    ok("half a cent is a cent", "0.005", 1);
    ok("whole dollars", "42", 42'00);
    ok("no leading digit", ".5", 50);
    ok("nothing after the dot", "5.", 5'00);
    ok("plus sign, leading zeros", "+0001.10", 1'10);
    ok("the highest", "1000000", Max);
    ok("rounds down to the highest", "1000000.004", Max);
    using R = csvfields::CentsResult;
    refused("empty", "", R::NotANumber);
    refused("a dot", ".", R::NotANumber);
    refused("a sign", "-", R::NotANumber);
    refused("null", "null", R::NotANumber);
    refused("exponent", "1e3", R::NotANumber);
    refused("two dots", "1.2.3", R::NotANumber);
    refused("comma", "1,5", R::NotANumber);
    refused("inner space", "1 5", R::NotANumber);
    refused("dollar sign", "$1.50", R::NotANumber);
    refused("zero", "0.00", R::OutOfRange);
    refused("rounds to zero", "0.004999", R::OutOfRange);
    refused("negative", "-1.50", R::OutOfRange);
    refused("negative zero", "-0", R::OutOfRange);
    refused("rounds past the highest", "1000000.005", R::OutOfRange);
    refused("past 2^63", "99999999999999999999999", R::OutOfRange);
    refused("a thousand digits", QByteArray(1000, '9'), R::OutOfRange);
    refused("a thousand digits, then a letter", QByteArray(1000, '9') + 'x', R::NotANumber);
}

void TestCsvFields::pricesAreExactCents()
{
    QFETCH(QByteArray, text);
    QFETCH(csvfields::CentsResult, result);
    QFETCH(qint64, cents);
    qint64 read = 0;
    QCOMPARE(csvfields::cents(text, 1'000'000'00, &read), result);
    QCOMPARE(read, cents);
}

void TestCsvFields::timesAreUtc_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("time");
    const auto utc = [](int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::addRow("a date") << QByteArray("2024-01-02") << utc(2024, 1, 2);
    QTest::addRow("29 February 2000") << QByteArray("2000-02-29") << utc(2000, 2, 29);
    QTest::addRow("29 February 2024") << QByteArray("2024-02-29") << utc(2024, 2, 29);
    QTest::addRow("before 1970") << QByteArray("1927-12-30") << utc(1927, 12, 30);
    QTest::addRow("year 1") << QByteArray("0001-01-01") << utc(1, 1, 1);
    QTest::addRow("year 9999") << QByteArray("9999-12-31") << utc(9999, 12, 31);
    QTest::addRow("as the export writes")
        << QByteArray("2026-11-30T11:56:30.123Z") << utc(2026, 11, 30, 11, 56, 30, 123);
    QTest::addRow("no fraction") << QByteArray("2026-11-30T23:59:59Z")
                                 << utc(2026, 11, 30, 23, 59, 59);
    QTest::addRow("tenths") << QByteArray("2026-11-30T00:00:00.5Z")
                            << utc(2026, 11, 30, 0, 0, 0, 500);
    QTest::addRow("nanoseconds cut")
        << QByteArray("2026-11-30T00:00:00.123999999Z") << utc(2026, 11, 30, 0, 0, 0, 123);
    QTest::addRow("before 1970, a time")
        << QByteArray("1969-12-31T23:59:59.999Z") << utc(1969, 12, 31, 23, 59, 59, 999);
}

void TestCsvFields::timesAreUtc()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, time);
    const std::optional<qint64> ms
        = text.size() == 10 ? csvfields::dateMs(text) : csvfields::utcTimeMs(text);
    QVERIFY(ms);
    QCOMPARE(*ms, time.toMSecsSinceEpoch());
    QCOMPARE(csvfields::timeText(*ms, text.size() == 10),
             text.size() == 10 ? QString::fromLatin1(text) : time.toString(Qt::ISODateWithMs));
}

void TestCsvFields::badTimesAreRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const char *text :
         { "", "2024-1-02", "2024-01-2", "24-01-02", "2024/01/02", "01/02/2024", "2024-00-10",
           "2024-13-01", "2024-01-00", "2024-01-32", "2023-02-29", "1900-02-29", "0000-01-01",
           "2024-04-31", "+024-01-02", "2024-01-02 ", "2024-01-02T00:00:00Z", "2024-01-0x" })
        QTest::addRow("date %s", text) << QByteArray(text);
    for (const char *text :
         { "2026-11-30 11:56:30Z", "2026-11-30T11:56:30", "2026-11-30T11:56:30.123",
           "2026-11-30T24:00:00Z", "2026-11-30T11:60:00Z", "2026-11-30T11:56:60Z",
           "2026-11-30T11:56:30.Z", "2026-11-30T11:56:30.1234567890Z", "2026-11-30T11:56Z",
           "2026-11-30T11:56:30.12aZ", "2026-11-30T11:56:30+00:00", "2026-02-30T11:56:30Z",
           "2026-11-30t11:56:30z" })
        QTest::addRow("time %s", text) << QByteArray(text);
}

void TestCsvFields::badTimesAreRefused()
{
    QFETCH(QByteArray, text);
    const bool isTime = QByteArray(QTest::currentDataTag()).startsWith("time");
    QVERIFY(!(isTime ? csvfields::utcTimeMs(text) : csvfields::dateMs(text)));
}

void TestCsvFields::splitsAtCommasOutsideQuotes()
{
    std::vector<QByteArrayView> fields;
    QCOMPARE(csvfields::split(" a ,\"b,c\", \"d\" ,,\te\t", 10, &fields), 5);
    const std::vector<QByteArrayView> expected = { "a", "b,c", "d", "", "e" };
    QVERIFY(fields == expected);
    // Only the first fields are kept; all are counted.
    QCOMPARE(csvfields::split("1,2,3,4", 2, &fields), 4);
    QVERIFY((fields == std::vector<QByteArrayView> { "1", "2" }));
    QCOMPARE(csvfields::split("", 3, &fields), 1);
    QVERIFY((fields == std::vector<QByteArrayView> { "" }));
    // A quote never closed: the rest of the line is its field.
    QCOMPARE(csvfields::split("1,\"2,3", 3, &fields), 2);
    QVERIFY((fields == std::vector<QByteArrayView> { "1", "\"2,3" }));
}

void TestCsvFields::textIsUtf8WithoutNul_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("text");
    QTest::addRow("ASCII") << QByteArray("Date,Close") << true;
    QTest::addRow("UTF-8") << QByteArray("Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x93\x88") << true;
    QTest::addRow("NUL") << QByteArray("a\0b", 3) << false;
    QTest::addRow("Latin-1") << QByteArray("Z\xFCrich") << false;
    QTest::addRow("overlong") << QByteArray("\xC0\xAF") << false;
    QTest::addRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::addRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::addRow("cut sequence") << QByteArray("\xE2\x82") << false;
}

void TestCsvFields::textIsUtf8WithoutNul()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, text);
    QCOMPARE(csvfields::isText(bytes), text);
}

QTEST_APPLESS_MAIN(TestCsvFields)
#include "tst_csvfields.moc"
