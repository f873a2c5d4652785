#include "httpget.h"
#include "localhub.h"
#include "pricefiles.h"
#include "sseclient.h"
#include <history/tickstore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace quotecast;

// Symbols added and removed and prices set while the feed runs, through the real server (the
// app's pieces, FeedPipeline, on port 0, read by raw sockets and Qt's HTTP client): the status
// events, /api/quotes, ?symbols= filters, Last-Event-ID replay and /api/history follow.
class TestMarketSymbols : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void statusEventsCarryTheNewList();
    void apiQuotesFollowsTheSymbols();
    void aFilteredStreamOnARemovedSymbolIsQuietThenResumes();
    void aNewStreamMayAskForASymbolTheFeedLacks();
    void replayAcrossAnAddedSymbolHasItsTick();
    void aSetPriceReachesStreamsAndQuotes();
    void aRemovedSymbolKeepsItsHistory();
    void aReplaysNewSymbolsAreQuotedBeforeTheirFirstRow();

private:
    // The app's pieces with a new feed (seeded, paused: only the test ticks it), in memory or
    // on a history file in a temporary folder.
    void startPipeline(bool withHistory = false);
    // Opens `target` and waits for its preamble; fails the test when it does not come.
    std::unique_ptr<SseClient> openStream(const QByteArray &target, const StreamPreamble &preamble,
                                          const QByteArray &extraHeaders = {});
    void addSymbol(const QString &symbol, qint64 priceCents);
    void removeSymbol(const QString &symbol);
    void addTicks(int count);
    // /api/quotes' quotes by symbol, in its order; empty (and the test failed) on an error.
    QList<QJsonObject> apiQuotes();
    QByteArray id(quint64 seq) const { return hub()->runId() + '-' + QByteArray::number(seq); }
    MarketSimulator &market() const { return *m_pipeline->simulator(); }
    StreamHub *hub() const { return m_pipeline->hub(); }

    std::unique_ptr<QTemporaryDir> m_historyDir;
    std::unique_ptr<FeedPipeline> m_pipeline;
    QNetworkAccessManager m_network;
};

namespace {

QJsonObject json(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

// What a stream brought after its preamble, heartbeats left out (one may come at any time).
QList<SseClient::Event> eventsAfter(const SseClient &client, const StreamPreamble &preamble)
{
    QList<SseClient::Event> events;
    for (const SseClient::Event &event : client.afterPreamble(preamble)) {
        if (event.event != "heartbeat")
            events.append(event);
    }
    return events;
}

QStringList symbolsOf(const QList<QJsonObject> &objects)
{
    QStringList symbols;
    for (const QJsonObject &object : objects)
        symbols.append(object.value(u"symbol").toString());
    return symbols;
}

// The events as `<symbol>` for a quote and `status:<symbols>` for a status, in order.
QStringList describe(const QList<SseClient::Event> &events)
{
    QStringList described;
    for (const SseClient::Event &event : events) {
        const QJsonObject object = json(event.data);
        if (event.event == "status")
            described.append(QStringLiteral("status:")
                             + object.value(u"symbols").toVariant().toStringList().join(u','));
        else
            described.append(object.value(u"symbol").toString());
    }
    return described;
}

} // namespace

void TestMarketSymbols::init()
{
    m_historyDir.reset();
}

void TestMarketSymbols::cleanup()
{
    m_pipeline.reset();
    m_historyDir.reset();
}

void TestMarketSymbols::startPipeline(bool withHistory)
{
    AppOptions options = localOptions();
    options.seed = 17;
    if (withHistory) {
        m_historyDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_historyDir->isValid());
        options.inMemory = false;
        options.historyFile = m_historyDir->filePath(QStringLiteral("history.sqlite"));
    }
    m_pipeline = startLocalPipeline(options);
    QVERIFY(m_pipeline);
    QVERIFY2(m_pipeline->historyError().isEmpty(), qPrintable(m_pipeline->historyError()));
}

std::unique_ptr<SseClient> TestMarketSymbols::openStream(const QByteArray &target,
                                                         const StreamPreamble &preamble,
                                                         const QByteArray &extraHeaders)
{
    auto client = std::make_unique<SseClient>();
    client->open(hub()->serverPort(), target, extraHeaders);
    if (!client->waitForBlocks(preamble.blocks()) || client->statusCode() != 200) {
        QTest::qFail(qPrintable(QStringLiteral("GET %1: status %2, %3 blocks of %4")
                                    .arg(QString::fromUtf8(target))
                                    .arg(client->statusCode())
                                    .arg(client->blocks().size())
                                    .arg(preamble.blocks())),
                     __FILE__, __LINE__);
        return nullptr;
    }
    return client;
}

void TestMarketSymbols::addSymbol(const QString &symbol, qint64 priceCents)
{
    QString error;
    QVERIFY2(market().addSymbol(symbol, priceCents, &error), qPrintable(error));
}

void TestMarketSymbols::removeSymbol(const QString &symbol)
{
    QString error;
    QVERIFY2(market().removeSymbol(symbol, &error), qPrintable(error));
}

void TestMarketSymbols::addTicks(int count)
{
    for (int i = 0; i < count; ++i)
        market().tick();
}

QList<QJsonObject> TestMarketSymbols::apiQuotes()
{
    const HttpAnswer reply = httpGet(m_network, hub()->serverPort(), QStringLiteral("/api/quotes"));
    if (reply.status != 200) {
        QTest::qFail(qPrintable(QStringLiteral("/api/quotes: %1").arg(reply.status)), __FILE__,
                     __LINE__);
        return {};
    }
    QList<QJsonObject> quotes;
    for (const QJsonValue &quote : json(reply.body).value(u"quotes").toArray())
        quotes.append(quote.toObject());
    return quotes;
}

void TestMarketSymbols::statusEventsCarryTheNewList()
{
    startPipeline();
    const StreamPreamble preamble = StreamPreamble::of(market());
    const auto client = openStream("/stream", preamble);
    QVERIFY(client);
    const QStringList before = market().symbols();

    addSymbol(QStringLiteral("brk.b"), 412'50);
    removeSymbol(before.constFirst());
    QTRY_COMPARE(eventsAfter(*client, preamble).size(), 3);
    const QList<SseClient::Event> events = eventsAfter(*client, preamble);
    // The added symbol's opening tick, then the status that lists it, then the one without the
    // removed symbol.
    const QStringList added = before + QStringList { QStringLiteral("BRK.B") };
    const QStringList removed = added.mid(1);
    QCOMPARE(describe(events),
             QStringList({ QStringLiteral("BRK.B"), QStringLiteral("status:") + added.join(u','),
                           QStringLiteral("status:") + removed.join(u',') }));
    const QJsonObject opening = json(events[0].data);
    QCOMPARE(opening.value(u"price").toDouble(), 412.5);
    QCOMPARE(opening.value(u"change").toDouble(), 0.0);
    QCOMPARE(events[0].id, id(market().quotes().constLast().seq));
    QVERIFY(events[1].id.isEmpty() && events[2].id.isEmpty()); // a status moves no id

    // A new stream starts with the status of now, and the snapshot of the symbols it lists.
    const StreamPreamble now = StreamPreamble::of(market());
    const auto late = openStream("/stream", now);
    QVERIFY(late);
    QCOMPARE(json(late->blocks().at(StreamPreamble::StatusBlock).data)
                 .value(u"symbols")
                 .toVariant()
                 .toStringList(),
             removed);
    QStringList snapshot;
    for (const SseClient::Event &event : late->snapshot(now))
        snapshot.append(json(event.data).value(u"symbol").toString());
    QCOMPARE(snapshot, removed);
}

void TestMarketSymbols::apiQuotesFollowsTheSymbols()
{
    startPipeline();
    addTicks(10);
    const QStringList before = market().symbols();
    addSymbol(QStringLiteral("TSLA"), 240'00);
    QList<QJsonObject> quotes = apiQuotes();
    QCOMPARE(symbolsOf(quotes), before + QStringList { QStringLiteral("TSLA") });
    QCOMPARE(quotes.constLast().value(u"price").toDouble(), 240.0);
    QCOMPARE(quotes.constLast().value(u"change").toDouble(), 0.0);
    QCOMPARE(quotes.constLast().value(u"recent").toArray(), QJsonArray { 240.0 });

    // Removed: gone, the others in the status's order.
    removeSymbol(before.at(1));
    quotes = apiQuotes();
    QStringList expected = before + QStringList { QStringLiteral("TSLA") };
    expected.removeAt(1);
    QCOMPARE(symbolsOf(quotes), expected);
    QCOMPARE(symbolsOf(quotes), market().symbols());
    // Each at the market's price.
    for (qsizetype i = 0; i < quotes.size(); ++i)
        QCOMPARE(qRound64(quotes[i].value(u"price").toDouble() * 100),
                 market().quotes().at(i).priceCents);
}

void TestMarketSymbols::aFilteredStreamOnARemovedSymbolIsQuietThenResumes()
{
    startPipeline();
    const QString symbol = market().symbols().at(1);
    const StreamPreamble filtered = StreamPreamble::ofSymbols(1);
    const auto client = openStream("/stream?symbols=" + symbol.toUtf8(), filtered);
    QVERIFY(client);
    // Every tick, for reference: it reaches a stream without a filter.
    const StreamPreamble all = StreamPreamble::of(market());
    const auto everything = openStream("/stream", all);
    QVERIFY(everything);

    removeSymbol(symbol);
    addTicks(30);
    QTRY_COMPARE(eventsAfter(*everything, all).size(), 31); // the status, the ticks
    QString error;
    QVERIFY2(market().addSymbol(symbol, 99'00, &error), qPrintable(error));
    market().tick();
    // The filtered stream: the status without it, nothing while it is away (the 30 ticks of
    // the others came before its return on the same stream, and none is there), its opening
    // tick on its return and the status with it. What comes after is its own ticks only.
    QTRY_VERIFY(eventsAfter(*client, filtered).size() >= 3); // the tick may have been its own
    const QList<SseClient::Event> events = eventsAfter(*client, filtered);
    QCOMPARE(describe(events).mid(0, 3),
             QStringList({ QStringLiteral("status:") + market().symbols().mid(0, 3).join(u','),
                           symbol, QStringLiteral("status:") + market().symbols().join(u',') }));
    QCOMPARE(json(events[1].data).value(u"price").toDouble(), 99.0);
    addTicks(40);
    QTRY_COMPARE(eventsAfter(*everything, all).size(), 31 + 3 + 40);
    for (const SseClient::Event &event : eventsAfter(*client, filtered).mid(3))
        QCOMPARE(json(event.data).value(u"symbol").toString(), symbol);
}

void TestMarketSymbols::aNewStreamMayAskForASymbolTheFeedLacks()
{
    startPipeline();
    QVERIFY(!market().symbols().contains(QStringLiteral("NVDA")));
    // A page reconnecting after its symbol was removed: served, with an empty snapshot.
    const StreamPreamble none = StreamPreamble::ofSymbols(0);
    const auto client = openStream("/stream?symbols=nvda", none);
    QVERIFY(client);
    addTicks(5);
    addSymbol(QStringLiteral("NVDA"), 480'00);
    QTRY_COMPARE(eventsAfter(*client, none).size(), 2);
    QCOMPARE(describe(eventsAfter(*client, none)),
             QStringList({ QStringLiteral("NVDA"),
                           QStringLiteral("status:") + market().symbols().join(u',') }));
}

void TestMarketSymbols::replayAcrossAnAddedSymbolHasItsTick()
{
    startPipeline();
    addTicks(5);
    const StreamPreamble preamble = StreamPreamble::of(market());
    auto client = openStream("/stream", preamble);
    QVERIFY(client);
    const QByteArray lastId = client->snapshot(preamble).constLast().id;
    QCOMPARE(lastId, id(5));
    client.reset(); // gone while the symbol is added

    addTicks(3);
    addSymbol(QStringLiteral("NFLX"), 600'00);
    addTicks(3);
    const StreamPreamble resumed = StreamPreamble::resumed();
    const auto back = openStream("/stream", resumed, "Last-Event-ID: " + lastId + "\r\n");
    QVERIFY(back);
    QTRY_COMPARE(eventsAfter(*back, resumed).size(), 7);
    const QList<SseClient::Event> replay = eventsAfter(*back, resumed);
    // The status it starts with lists the new symbol; the replay is ticks 6 to 12, the add's
    // (9) among them.
    QVERIFY(json(back->blocks().at(StreamPreamble::StatusBlock).data)
                .value(u"symbols")
                .toVariant()
                .toStringList()
                .contains(QStringLiteral("NFLX")));
    for (int i = 0; i < 7; ++i)
        QCOMPARE(replay[i].id, id(6 + i));
    const QJsonObject added = json(replay[3].data);
    QCOMPARE(added.value(u"symbol").toString(), QStringLiteral("NFLX"));
    QCOMPARE(added.value(u"price").toDouble(), 600.0);
    QCOMPARE(added.value(u"change").toDouble(), 0.0);
}

void TestMarketSymbols::aSetPriceReachesStreamsAndQuotes()
{
    startPipeline();
    addTicks(4);
    const StreamPreamble preamble = StreamPreamble::of(market());
    const auto client = openStream("/stream", preamble);
    QVERIFY(client);
    const Quote before = market().quotes().at(2);
    QString error;
    QVERIFY2(market().setPrice(before.symbol, before.priceCents + 12'34, &error),
             qPrintable(error));
    QTRY_COMPARE(eventsAfter(*client, preamble).size(), 1);
    const SseClient::Event event = eventsAfter(*client, preamble).constFirst();
    QCOMPARE(event.id, id(5));
    const QJsonObject tick = json(event.data);
    QCOMPARE(tick.value(u"symbol").toString(), before.symbol);
    QCOMPARE(qRound64(tick.value(u"price").toDouble() * 100), before.priceCents + 12'34);
    QCOMPARE(tick.value(u"change").toDouble(), 12.34);
    QCOMPARE(tick.value(u"seq").toInteger(), 5);

    const QList<QJsonObject> quotes = apiQuotes();
    QCOMPARE(quotes.size(), market().quotes().size());
    const QJsonObject &quote = quotes.at(2);
    QCOMPARE(quote.value(u"symbol").toString(), before.symbol);
    QCOMPARE(quote.value(u"price"), tick.value(u"price"));
    QCOMPARE(quote.value(u"change").toDouble(), 12.34);
    QCOMPARE(quote.value(u"seq").toInteger(), 5);
}

void TestMarketSymbols::aRemovedSymbolKeepsItsHistory()
{
    startPipeline(true);
    const QString symbol = market().symbols().constFirst();
    QSignalSpy ticks(&market(), &MarketSimulator::quoteUpdated);
    addTicks(40);
    qsizetype stored = 0;
    for (const QList<QVariant> &tick : std::as_const(ticks))
        stored += tick.first().value<Quote>().symbol == symbol ? 1 : 0;
    QVERIFY2(stored > 0, qPrintable(symbol));
    removeSymbol(symbol);
    // Written in the history's own thread, in a batch: asked until it is there.
    const QString path = QStringLiteral("/api/history?symbol=") + symbol;
    QTRY_COMPARE(
        json(httpGet(m_network, hub()->serverPort(), path).body).value(u"ticks").toArray().size(),
        stored);
}

// A replay started while the feed is stopped: /api/quotes (and a new stream's snapshot) lists
// the files' symbols at once, a new one at its opening price, not only after its first row.
void TestMarketSymbols::aReplaysNewSymbolsAreQuotedBeforeTheirFirstRow()
{
    startPipeline();
    QTemporaryDir files;
    QVERIFY(files.isValid());
    QFile ibm(files.filePath(QStringLiteral("ibm_us_d.csv"))); // a symbol new to the market
    QVERIFY(ibm.open(QIODevice::WriteOnly) && ibm.write(pricefiles::StooqMsft) > 0);
    ibm.close();
    QString error;
    QVERIFY2(m_pipeline->startReplay({ ibm.fileName() }, false, &error), qPrintable(error));
    QVERIFY(!market().isRunning());
    const QList<QJsonObject> quotes = apiQuotes();
    QCOMPARE(symbolsOf(quotes), QStringList { QStringLiteral("IBM") });
    QCOMPARE(quotes.first().value(u"price").toDouble(), 370.87);
    QCOMPARE(quotes.first().value(u"date").toString(), QStringLiteral("2024-01-02"));
}

QTEST_GUILESS_MAIN(TestMarketSymbols)
#include "tst_marketsymbols.moc"
