#include "localhub.h"
#include "recordedfeed.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace quotecast;

// The market's symbol list is remembered in the tick history: the next start (FeedPipeline on
// the same file, as the app and the headless server build it) has the same symbols, at their
// latest prices, unless --symbols names others. TickStore's side: tst_tickstore.
class TestRememberedSymbols : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void theNextStartHasTheSameSymbols();
    void pricesWithoutTicksAreTheRememberedOnes();
    void givenSymbolsWinAndAreRemembered();

private:
    // The app's pieces on the test's history file, not listening: the market and the history.
    std::unique_ptr<FeedPipeline> build(const QList<MarketSimulator::Opening> &givenSymbols = {});

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QStringList pricesOf(const MarketSimulator &market)
{
    QStringList items;
    for (const Quote &quote : market.quotes())
        items.append(quote.symbol + u':' + QString::number(quote.priceCents));
    return items;
}

} // namespace

void TestRememberedSymbols::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<FeedPipeline>
TestRememberedSymbols::build(const QList<MarketSimulator::Opening> &givenSymbols)
{
    AppOptions options = localOptions();
    options.seed = 31;
    options.inMemory = false;
    options.historyFile = m_dir->filePath(QStringLiteral("history.sqlite"));
    if (!givenSymbols.isEmpty()) {
        options.openings = givenSymbols;
        options.symbolsGiven = true;
    }
    auto pipeline
        = std::make_unique<FeedPipeline>(options, FeedPipeline::ServerThreading::CallerThread);
    if (!pipeline->keepsHistory()) {
        QTest::qFail(qPrintable(pipeline->historyError()), __FILE__, __LINE__);
        return nullptr;
    }
    return pipeline;
}

void TestRememberedSymbols::theNextStartHasTheSameSymbols()
{
    QStringList before;
    quint64 lastSeq = 0;
    {
        const auto pipeline = build();
        QVERIFY(pipeline);
        MarketSimulator &market = *pipeline->simulator();
        QCOMPARE(market.symbols().size(), MarketSimulator::defaultOpenings().size());
        tickAndRecord(market, 30);
        QString error;
        QVERIFY2(market.addSymbol(QStringLiteral("NFLX"), 600'00, &error), qPrintable(error));
        tickAndRecord(market, 30);
        QVERIFY2(market.removeSymbol(market.symbols().at(1), &error), qPrintable(error));
        tickAndRecord(market, 30);
        before = pricesOf(market);
        lastSeq = market.quotes().constLast().seq;
        for (const Quote &quote : market.quotes())
            lastSeq = qMax(lastSeq, quote.seq);
    } // written as the app is closed

    const auto pipeline = build();
    QVERIFY(pipeline);
    // The same symbols in the same order, each at its latest price, and the sequence goes on.
    QCOMPARE(pricesOf(*pipeline->simulator()), before);
    QCOMPARE(tickAndRecord(*pipeline->simulator(), 1).constFirst().seq, lastSeq + 1);
}

void TestRememberedSymbols::pricesWithoutTicksAreTheRememberedOnes()
{
    const QList<MarketSimulator::Opening> given { { QStringLiteral("BRK.B"), 412'50 },
                                                  { QStringLiteral("AAPL"), 170'00 } };
    QVERIFY(build(given)); // paused, never ticked
    const auto pipeline = build();
    QVERIFY(pipeline);
    QCOMPARE(pricesOf(*pipeline->simulator()),
             QStringList({ QStringLiteral("BRK.B:41250"), QStringLiteral("AAPL:17000") }));
}

void TestRememberedSymbols::givenSymbolsWinAndAreRemembered()
{
    {
        const auto pipeline = build();
        QVERIFY(pipeline);
        QString error;
        QVERIFY2(pipeline->simulator()->addSymbol(QStringLiteral("NFLX"), 600'00, &error),
                 qPrintable(error));
    }
    // --symbols TSLA=240: the options win over the remembered list...
    {
        const auto pipeline = build({ { QStringLiteral("TSLA"), 240'00 } });
        QVERIFY(pipeline);
        QCOMPARE(pricesOf(*pipeline->simulator()), QStringList { QStringLiteral("TSLA:24000") });
        tickAndRecord(*pipeline->simulator(), 5);
    }
    // ... and are the list the next start without --symbols has.
    const auto pipeline = build();
    QVERIFY(pipeline);
    QCOMPARE(pipeline->simulator()->symbols(), QStringList { QStringLiteral("TSLA") });
}

QTEST_GUILESS_MAIN(TestRememberedSymbols)
#include "tst_rememberedsymbols.moc"
