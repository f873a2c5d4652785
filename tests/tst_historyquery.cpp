#include <server/historyquery.h>

#include <QTest>
#include <QUrlQuery>

#include <limits>

using namespace quotecast;

// The query of /api/history read on its own; tst_historyapi has the pages and the 400 on the
// wire.
class TestHistoryQuery : public QObject
{
    Q_OBJECT

private slots:
    void validQueries_data();
    void validQueries();
    void badQueries_data();
    void badQueries();
};

namespace {
const QStringList Symbols { QStringLiteral("AAPL"), QStringLiteral("BRK.B") };
} // namespace

void TestHistoryQuery::validQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<qint64>("since");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<qint64>("limit");

    const qint64 Default = HistoryQuery::DefaultLimit;
    const qint64 Max = std::numeric_limits<qint64>::max();
    QTest::addRow("symbol only") << "symbol=AAPL"
                                 << "AAPL" << qint64(0) << qint64(0) << Default;
    QTest::addRow("lower case, spaces") << "symbol=%20brk.b%20"
                                        << "BRK.B" << qint64(0) << qint64(0) << Default;
    QTest::addRow("every parameter")
        << "symbol=AAPL&since=1700000000000&after=42&limit=5"
        << "AAPL" << qint64(1'700'000'000'000) << qint64(42) << qint64(5);
    QTest::addRow("smallest limit") << "symbol=AAPL&limit=1"
                                    << "AAPL" << qint64(0) << qint64(0) << qint64(1);
    QTest::addRow("largest limit")
        << "symbol=AAPL&limit=10000"
        << "AAPL" << qint64(0) << qint64(0) << qint64(HistoryQuery::MaxLimit);
    QTest::addRow("largest since and after")
        << "symbol=AAPL&since=9223372036854775807&after=9223372036854775807"
        << "AAPL" << Max << Max << Default;
    QTest::addRow("first of two values") << "symbol=AAPL&symbol=NOPE&limit=3&limit=0"
                                         << "AAPL" << qint64(0) << qint64(0) << qint64(3);
    // A symbol the feed lacks now (removed, or never there) has its stored ticks, or none.
    QTest::addRow("a symbol the feed lacks") << "symbol=msft"
                                             << "MSFT" << qint64(0) << qint64(0) << Default;
    QTest::addRow("other parameters ignored") << "symbol=AAPL&format=csv"
                                              << "AAPL" << qint64(0) << qint64(0) << Default;
}

void TestHistoryQuery::validQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, symbol);
    QFETCH(qint64, since);
    QFETCH(qint64, after);
    QFETCH(qint64, limit);
    const auto parsed = HistoryQuery::parse(QUrlQuery(query), Symbols);
    const auto *request = std::get_if<HistoryQuery>(&parsed);
    if (!request)
        QFAIL(qPrintable(std::get<QString>(parsed)));
    QCOMPARE(request->symbol, symbol);
    QCOMPARE(request->since, since);
    QCOMPARE(request->after, after);
    QCOMPARE(request->limit, limit);
}

void TestHistoryQuery::badQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");

    const QString notASymbol = QStringLiteral("Bad request: symbol= is missing or not a symbol (a "
                                              "letter, then up to 9 letters, digits or dots; the "
                                              "feed has AAPL,BRK.B)");
    QTest::addRow("no symbol") << "" << notASymbol;
    QTest::addRow("not a symbol") << "symbol=1x" << notASymbol;
    QTest::addRow("markup, not repeated") << "symbol=%3Cscript%3E" << notASymbol;
    QTest::addRow("limit zero") << "symbol=AAPL&limit=0"
                                << "Bad request: limit must be a whole number from 1 to 10000";
    QTest::addRow("limit too big") << "symbol=AAPL&limit=10001"
                                   << "Bad request: limit must be a whole number from 1 to 10000";
    QTest::addRow("empty limit") << "symbol=AAPL&limit="
                                 << "Bad request: limit must be a whole number from 1 to 10000";
    QTest::addRow("since a word")
        << "symbol=AAPL&since=yesterday"
        << "Bad request: since must be a whole number from 0 to 9223372036854775807";
    QTest::addRow("since past 2^63 - 1")
        << "symbol=AAPL&since=9223372036854775808"
        << "Bad request: since must be a whole number from 0 to 9223372036854775807";
    QTest::addRow("after negative")
        << "symbol=AAPL&after=-1"
        << "Bad request: after must be a whole number from 0 to 9223372036854775807";
    QTest::addRow("the first bad one is named")
        << "symbol=AAPL&after=x&since=y"
        << "Bad request: since must be a whole number from 0 to 9223372036854775807";
}

void TestHistoryQuery::badQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    const auto parsed = HistoryQuery::parse(QUrlQuery(query), Symbols);
    const auto *error = std::get_if<QString>(&parsed);
    QVERIFY2(error, "accepted");
    QCOMPARE(*error, message);
}

QTEST_APPLESS_MAIN(TestHistoryQuery)
#include "tst_historyquery.moc"
