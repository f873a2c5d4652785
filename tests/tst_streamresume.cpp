#include "localhub.h"
#include "sseclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace quotecast;

// Resume with Last-Event-ID, the snapshot, and the ?symbols= filter, on a real server.
class TestStreamResume : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void resumesExactlyAfterAForcedDisconnect_data();
    void resumesExactlyAfterAForcedDisconnect();
    void theHeaderWinsOverTheQuery();
    void unresumableLastEventIdGetsTheSnapshot_data();
    void unresumableLastEventIdGetsTheSnapshot();
    void snapshotThenLiveHasNoGapNorDuplicate();
    void filterLimitsSnapshotReplayAndLive();
    void badFilterIsA400NamingTheProblem_data();
    void badFilterIsA400NamingTheProblem();
    void aReplayLargerThanTheClientBufferIsNotCut();

private:
    // The app's pieces (a new feed, seeded) with a server of these settings.
    void startHub(const ServerSettings &settings);
    void addTicks(int count);
    QByteArray id(quint64 seq) const { return hub()->runId() + '-' + QByteArray::number(seq); }
    MarketSimulator &model() const { return *m_pipeline->simulator(); }
    StreamHub *hub() const { return m_pipeline->hub(); }

    std::unique_ptr<FeedPipeline> m_pipeline;
};

namespace {
QString symbolOf(const SseClient::Event &event)
{
    return QJsonDocument::fromJson(event.data).object().value(u"symbol").toString();
}

// The events after `retry:` and `event: status`.
QList<SseClient::Event> afterStatus(const SseClient &client)
{
    return client.blocks().mid(2);
}
} // namespace

void TestStreamResume::startHub(const ServerSettings &settings)
{
    AppOptions options = localOptions(settings);
    options.seed = 9;
    m_pipeline = startLocalPipeline(options);
    QVERIFY(m_pipeline);
}

void TestStreamResume::init()
{
    ServerSettings settings = localServerSettings();
    settings.resumeBufferSize = 20;
    startHub(settings);
}

void TestStreamResume::cleanup()
{
    m_pipeline.reset();
}

void TestStreamResume::addTicks(int count)
{
    for (int i = 0; i < count; ++i)
        model().tick();
}

// The last id goes in the header (a browser's own reconnection) or in `?lastEventId=` (a page
// opening a new EventSource), with exactly the same result.
void TestStreamResume::resumesExactlyAfterAForcedDisconnect_data()
{
    QTest::addColumn<QByteArray>("target"); // LAST stands for the last id seen
    QTest::addColumn<QByteArray>("headers");
    QTest::addRow("Last-Event-ID header")
        << QByteArray("/stream") << QByteArray("Last-Event-ID: LAST\r\n");
    QTest::addRow("lastEventId query") << QByteArray("/stream?lastEventId=LAST") << QByteArray();
    QTest::addRow("query with a filter of every symbol")
        << QByteArray("/stream?symbols=AAPL,GOOG,MSFT,AMZN&lastEventId=LAST") << QByteArray();
    QTest::addRow("header, and a stale query from an earlier EventSource")
        << QByteArray("/stream?lastEventId=RUN-1") << QByteArray("Last-Event-ID: LAST\r\n");
}

void TestStreamResume::resumesExactlyAfterAForcedDisconnect()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    auto client = std::make_unique<SseClient>();
    client->open(hub()->serverPort());
    QVERIFY(client->waitForBlocks(6));
    addTicks(3);
    QVERIFY(client->waitForBlocks(9));
    const QByteArray lastSeen = client->blocks().last().id;
    QCOMPARE(lastSeen, id(3));
    client->socket().abort(); // the network drops
    QTRY_COMPARE(hub()->clientCount(), 0);

    addTicks(5); // missed while away: 4..8

    SseClient resumed;
    const auto fill = [&](QByteArray text) {
        return text.replace("LAST", lastSeen).replace("RUN", hub()->runId());
    };
    resumed.open(hub()->serverPort(), fill(target), fill(headers));
    QVERIFY(resumed.waitForBlocks(2 + 5));
    addTicks(1);
    QVERIFY(resumed.waitForBlocks(2 + 6));
    const QList<SseClient::Event> events = afterStatus(resumed);
    QCOMPARE(events.size(), 6); // no snapshot, nothing twice
    for (int i = 0; i < 6; ++i)
        QCOMPARE(events[i].id, id(quint64(4 + i)));
}

void TestStreamResume::theHeaderWinsOverTheQuery()
{
    addTicks(3);
    // The query names a tick it could resume after; the header, which wins, one of another run.
    SseClient client;
    client.open(hub()->serverPort(), "/stream?lastEventId=" + id(1), "Last-Event-ID: zzzz0-1\r\n");
    QVERIFY(client.waitForBlocks(6));
    const QList<SseClient::Event> snapshot = afterStatus(client);
    QCOMPARE(snapshot.size(), 4); // one per symbol, not ticks 2 and 3
    QCOMPARE(snapshot.last().id, id(3));
}

void TestStreamResume::unresumableLastEventIdGetsTheSnapshot_data()
{
    QTest::addColumn<QByteArray>("lastEventId");
    QTest::addRow("another run") << QByteArray("zzzz0-3");
    QTest::addRow("garbage") << QByteArray("hello");
    QTest::addRow("garbage sequence") << QByteArray("RUN-3x");
    QTest::addRow("from the future") << QByteArray("RUN-999");
    QTest::addRow("too old for the history") << QByteArray("RUN-1");
    QTest::addRow("empty") << QByteArray();
}

void TestStreamResume::unresumableLastEventIdGetsTheSnapshot()
{
    QFETCH(QByteArray, lastEventId);
    lastEventId.replace("RUN", hub()->runId());
    addTicks(30); // the history keeps 11..30
    SseClient client;
    client.open(hub()->serverPort(), "/stream", "Last-Event-ID: " + lastEventId + "\r\n");
    QVERIFY(client.waitForBlocks(6));
    const QList<SseClient::Event> snapshot = afterStatus(client);
    QCOMPARE(snapshot.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(symbolOf(snapshot[i]), model().symbols()[i]);
        QCOMPARE(snapshot[i].id, i == 3 ? id(30) : QByteArray());
    }
}

void TestStreamResume::snapshotThenLiveHasNoGapNorDuplicate()
{
    // Ticks flow while clients connect: whatever the timing, the snapshot's id plus
    // the live ids that follow are consecutive.
    model().setIntervalMs(10);
    model().start();
    SseClient client;
    client.open(hub()->serverPort());
    QVERIFY(client.waitForBlocks(6 + 10));
    model().stop();
    const QList<SseClient::Event> events = afterStatus(client);
    const QByteArray snapshotId = events[3].id;
    quint64 expected = snapshotId.mid(snapshotId.lastIndexOf('-') + 1).toULongLong() + 1;
    for (const SseClient::Event &event : events.mid(4))
        QCOMPARE(event.id, id(expected++));
}

void TestStreamResume::filterLimitsSnapshotReplayAndLive()
{
    const QSet<QString> wanted { QStringLiteral("AAPL"), QStringLiteral("MSFT") };
    auto client = std::make_unique<SseClient>();
    client->open(hub()->serverPort(), "/stream?symbols=aapl,%20MSFT");
    QVERIFY(client->waitForBlocks(2 + 2));
    QList<SseClient::Event> events = afterStatus(*client);
    QCOMPARE(symbolOf(events[0]), QStringLiteral("AAPL"));
    QCOMPARE(symbolOf(events[1]), QStringLiteral("MSFT"));
    QCOMPARE(events[1].id, id(0));

    QSignalSpy ticks(&model(), &MarketSimulator::quoteUpdated);
    addTicks(12);
    QList<QByteArray> wantedIds;
    for (const QList<QVariant> &tick : std::as_const(ticks)) {
        const Quote quote = tick.first().value<Quote>();
        if (wanted.contains(quote.symbol))
            wantedIds.append(id(quote.seq));
    }
    QVERIFY(!wantedIds.isEmpty() && wantedIds.size() < 12);
    QVERIFY(client->waitForBlocks(2 + 2 + int(wantedIds.size())));
    QList<QByteArray> liveIds;
    for (const SseClient::Event &event : afterStatus(*client).mid(2)) {
        QVERIFY2(wanted.contains(symbolOf(event)), qPrintable(symbolOf(event)));
        liveIds.append(event.id);
    }
    QCOMPARE(liveIds, wantedIds);

    // Resume from the snapshot's id with the same filter: the same ticks, replayed.
    SseClient resumed;
    resumed.open(hub()->serverPort(), "/stream?symbols=AAPL,MSFT",
                 "Last-Event-ID: " + id(0) + "\r\n");
    QVERIFY(resumed.waitForBlocks(2 + int(wantedIds.size())));
    QList<QByteArray> replayedIds;
    for (const SseClient::Event &event : afterStatus(resumed))
        replayedIds.append(event.id);
    QCOMPARE(replayedIds, wantedIds);
}

void TestStreamResume::badFilterIsA400NamingTheProblem_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("mentions");
    QTest::addRow("unknown symbol") << QByteArray("/stream?symbols=TSLA") << QByteArray("TSLA");
    QTest::addRow("one unknown among known")
        << QByteArray("/stream?symbols=AAPL,NOPE") << QByteArray("NOPE");
    QTest::addRow("empty list") << QByteArray("/stream?symbols=") << QByteArray("empty");
    QTest::addRow("empty item") << QByteArray("/stream?symbols=AAPL,,MSFT") << QByteArray("empty");
    QTest::addRow("encoded control bytes")
        << QByteArray("/stream?symbols=%00%01") << QByteArray("unknown");
}

void TestStreamResume::badFilterIsA400NamingTheProblem()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, mentions);
    SseClient client;
    client.open(hub()->serverPort(), target);
    QVERIFY(client.waitForHeaders());
    QCOMPARE(client.statusCode(), 400);
    QTRY_VERIFY2(client.body().contains(mentions), client.body().constData());
    QVERIFY(client.body().contains("AAPL,GOOG,MSFT,AMZN")); // says what would work
    QCOMPARE(hub()->clientCount(), 0);
}

void TestStreamResume::aReplayLargerThanTheClientBufferIsNotCut()
{
    // A long history and a small client buffer: replaying it all at once would be more
    // unsent data than a client may owe, and the client would be cut as too slow, come back
    // with the same Last-Event-ID and be cut again, for ever.
    ServerSettings settings = localServerSettings();
    settings.resumeBufferSize = 200'000;
    settings.clientBufferBytes = 64 * 1024;
    startHub(settings);
    addTicks(100'000); // about 11 MB of events
    SseClient client;
    client.open(hub()->serverPort(), "/stream", "Last-Event-ID: " + id(1) + "\r\n");
    QVERIFY(client.waitForHeaders());
    addTicks(1);
    // It stays connected and is brought up to date: with the ticks it missed when they fit,
    // else with the snapshot, and the live tick after them.
    QTRY_VERIFY_WITH_TIMEOUT(
        !client.dataEvents().isEmpty() && client.dataEvents().constLast().id == id(100'001), 10000);
    QCOMPARE(hub()->slowClientsDropped(), quint64(0));
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(TestStreamResume)
#include "tst_streamresume.moc"
