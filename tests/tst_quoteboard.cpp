#include <server/quoteboard.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace quotecast;

// What /api/quotes and a new stream's snapshot show while the market's symbols change: the
// market ticks an added symbol before the status that lists it, and sends a status without a
// removed one (MarketSimulator). On the wire: tst_marketsymbols.
class TestQuoteBoard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void aSymbolJoinsOnItsFirstTick();
    void theStatusOrdersTheSymbolsAndDropsTheOthers();
    void aListedSymbolWithoutAQuoteJoinsOnItsFirst();
    void aSymbolAddedBackStartsANewTrail();

private:
    QStringList symbols() const;
    // The `recent` prices of `symbol` in toJson(), in cents; empty when it is not there.
    QList<qint64> recentOf(const QString &symbol) const;
    Quote tick(const QString &symbol, qint64 priceCents, qint64 changeCents)
    {
        ++m_seq;
        return { symbol, priceCents, changeCents, Day + qint64(m_seq), m_seq };
    }

    static constexpr qint64 Day = 1'795'000'000'000; // a time of one day, in ms
    QuoteBoard m_board;
    quint64 m_seq = 0;
};

void TestQuoteBoard::init()
{
    m_seq = 0;
    m_board.reset({ { QStringLiteral("AAPL"), 170'00, 0, Day, 0 },
                    { QStringLiteral("GOOG"), 1500'00, 0, Day, 0 },
                    { QStringLiteral("MSFT"), 250'00, 0, Day, 0 } });
}

QStringList TestQuoteBoard::symbols() const
{
    QStringList result;
    for (const Quote &quote : m_board.quotes())
        result.append(quote.symbol);
    return result;
}

QList<qint64> TestQuoteBoard::recentOf(const QString &symbol) const
{
    for (const QJsonValue &value : m_board.toJson()) {
        const QJsonObject object = value.toObject();
        if (object.value(u"symbol").toString() != symbol)
            continue;
        QList<qint64> cents;
        for (const QJsonValue &price : object.value(u"recent").toArray())
            cents.append(qRound64(price.toDouble() * 100));
        return cents;
    }
    return {};
}

void TestQuoteBoard::aSymbolJoinsOnItsFirstTick()
{
    const Quote added = tick(QStringLiteral("BRK.B"), 412'50, 0);
    m_board.update(added);
    QCOMPARE(symbols(), QStringList({ "AAPL", "GOOG", "MSFT", "BRK.B" }));
    QCOMPARE(m_board.quotes().constLast(), added);
    QCOMPARE(recentOf(QStringLiteral("BRK.B")), QList<qint64> { 412'50 });
    const QJsonObject json = m_board.toJson().last().toObject();
    QCOMPARE(json.value(u"open").toDouble(), 412.5);
    QCOMPARE(json.value(u"change").toDouble(), 0.0);

    // Its next tick extends its own trail.
    m_board.update(tick(QStringLiteral("BRK.B"), 413'00, 50));
    QCOMPARE(recentOf(QStringLiteral("BRK.B")), QList<qint64>({ 412'50, 413'00 }));
    QCOMPARE(m_board.quotes().size(), 4);
}

void TestQuoteBoard::theStatusOrdersTheSymbolsAndDropsTheOthers()
{
    m_board.update(tick(QStringLiteral("AAPL"), 171'00, 1'00));
    m_board.followSymbols({ QStringLiteral("MSFT"), QStringLiteral("AAPL") });
    QCOMPARE(symbols(), QStringList({ "MSFT", "AAPL" }));
    // The trails go with their symbols.
    QCOMPARE(recentOf(QStringLiteral("AAPL")), QList<qint64>({ 170'00, 171'00 }));
    QCOMPARE(recentOf(QStringLiteral("MSFT")), QList<qint64> { 250'00 });
    QCOMPARE(m_board.toJson().size(), 2);
}

void TestQuoteBoard::aListedSymbolWithoutAQuoteJoinsOnItsFirst()
{
    m_board.followSymbols({ QStringLiteral("AAPL"), QStringLiteral("TSLA"), QStringLiteral("GOOG"),
                            QStringLiteral("MSFT") });
    QCOMPARE(symbols(), QStringList({ "AAPL", "GOOG", "MSFT" })); // no price to show yet
    m_board.update(tick(QStringLiteral("TSLA"), 240'00, 0));
    QCOMPARE(symbols(), QStringList({ "AAPL", "GOOG", "MSFT", "TSLA" }));
}

void TestQuoteBoard::aSymbolAddedBackStartsANewTrail()
{
    m_board.update(tick(QStringLiteral("GOOG"), 1490'00, -10'00));
    m_board.followSymbols({ QStringLiteral("AAPL"), QStringLiteral("MSFT") });
    QVERIFY(recentOf(QStringLiteral("GOOG")).isEmpty());

    m_board.update(tick(QStringLiteral("GOOG"), 900'00, 0));
    m_board.followSymbols(
        { QStringLiteral("AAPL"), QStringLiteral("MSFT"), QStringLiteral("GOOG") });
    QCOMPARE(symbols(), QStringList({ "AAPL", "MSFT", "GOOG" }));
    QCOMPARE(recentOf(QStringLiteral("GOOG")), QList<qint64> { 900'00 });
    const QJsonObject json = m_board.toJson().last().toObject();
    QCOMPARE(json.value(u"high").toDouble(), 900.0); // not the old 1500
}

QTEST_GUILESS_MAIN(TestQuoteBoard)
#include "tst_quoteboard.moc"
