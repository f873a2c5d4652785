#include "localhub.h"
#include "sseclient.h"
#include <server/guardedtcpserver.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace quotecast;

// Resume with Last-Event-ID, the snapshot, and the ?symbols= filter, on a real server, and
// the same stream whichever way it opens: directly at the connection's accept, or through the
// guard and Qt's route.
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
    void aDirectStreamIsTheRoutedOne_data();
    void aDirectStreamIsTheRoutedOne();

private:
    // The app's pieces (a new feed, seeded) with a server of these settings.
    void startHub(const ServerSettings &settings);
    void addTicks(int count);
    // Waits for what a stream opens with and checks its snapshot: one event per symbol of the
    // feed, in the feed's order, only the last with an id, `lastId`.
    void verifySnapshot(SseClient &client, const QByteArray &lastId);
    StreamPreamble preamble() const { return StreamPreamble::of(market()); }
    QByteArray id(quint64 seq) const { return hub()->runId() + '-' + QByteArray::number(seq); }
    MarketSimulator &market() const { return *m_pipeline->simulator(); }
    StreamHub *hub() const { return m_pipeline->hub(); }

    std::unique_ptr<FeedPipeline> m_pipeline;
};

namespace {
QString symbolOf(const SseClient::Event &event)
{
    return QJsonDocument::fromJson(event.data).object().value(u"symbol").toString();
}

// Reads `socket` into `*received` until it holds the whole event whose id is `id`; false
// after 5 s.
bool readUntilEvent(QTcpSocket &socket, QByteArray *received, const QByteArray &id)
{
    return QTest::qWaitFor(
        [&] {
            *received += socket.readAll();
            const qsizetype at = received->indexOf("id: " + id + '\n');
            return at >= 0 && received->indexOf("\n\n", at) >= 0;
        },
        5000);
}

// A stream's answer as the client read it, for comparing two: its head, the status line then
// the fields sorted (Date's value left out: the second may have turned), and what follows its
// own `retry:` advice, which is spread per stream.
struct StreamAnswer
{
    QByteArray head;
    QByteArray afterRetry;
};

StreamAnswer streamAnswer(const QByteArray &received)
{
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QByteArrayList lines = received.left(headEnd).split('\n');
    for (QByteArray &line : lines)
        line = line.toLower().startsWith("date:") ? "Date: *" : line.trimmed();
    std::sort(lines.begin() + 1, lines.end());
    const QByteArray body = received.mid(headEnd + 4);
    return { lines.join('\n'),
             body.startsWith("retry: ") ? body.mid(body.indexOf("\n\n") + 2) : QByteArray() };
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
        market().tick();
}

void TestStreamResume::verifySnapshot(SseClient &client, const QByteArray &lastId)
{
    QVERIFY(client.waitForBlocks(preamble().blocks()));
    const QList<SseClient::Event> snapshot = client.snapshot(preamble());
    QCOMPARE(snapshot.size(), market().symbols().size());
    for (qsizetype i = 0; i < snapshot.size(); ++i) {
        QCOMPARE(symbolOf(snapshot[i]), market().symbols().at(i));
        QCOMPARE(snapshot[i].id, i == snapshot.size() - 1 ? lastId : QByteArray());
    }
}

// The last id goes in the header (a browser's own reconnection) or in `?lastEventId=` (a page
// opening a new EventSource), with exactly the same result.
void TestStreamResume::resumesExactlyAfterAForcedDisconnect_data()
{
    // LAST stands for the last id seen, RUN for the server's run id, ALL for every symbol.
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("headers");
    QTest::addRow("Last-Event-ID header")
        << QByteArray("/stream") << QByteArray("Last-Event-ID: LAST\r\n");
    QTest::addRow("lastEventId query") << QByteArray("/stream?lastEventId=LAST") << QByteArray();
    QTest::addRow("query with a filter of every symbol")
        << QByteArray("/stream?symbols=ALL&lastEventId=LAST") << QByteArray();
    QTest::addRow("header, and a stale query from an earlier EventSource")
        << QByteArray("/stream?lastEventId=RUN-1") << QByteArray("Last-Event-ID: LAST\r\n");
}

void TestStreamResume::resumesExactlyAfterAForcedDisconnect()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    auto client = std::make_unique<SseClient>();
    client->open(hub()->serverPort());
    QVERIFY(client->waitForBlocks(preamble().blocks()));
    addTicks(3);
    QVERIFY(client->waitForBlocks(preamble().blocks() + 3));
    const QByteArray lastSeen = client->blocks().last().id;
    QCOMPARE(lastSeen, id(3));
    client->socket().abort(); // the network drops
    QTRY_COMPARE(hub()->clientCount(), 0);

    addTicks(5); // missed while away: 4..8

    SseClient resumed;
    const auto fill = [&](QByteArray text) {
        return text.replace("LAST", lastSeen)
            .replace("RUN", hub()->runId())
            .replace("ALL", market().symbols().join(u',').toUtf8());
    };
    resumed.open(hub()->serverPort(), fill(target), fill(headers));
    // No snapshot: the 5 ticks missed, then the next one; nothing twice.
    const StreamPreamble replay = StreamPreamble::resumed();
    QVERIFY(resumed.waitForBlocks(replay.blocks() + 5));
    addTicks(1);
    QVERIFY(resumed.waitForBlocks(replay.blocks() + 6));
    const QList<SseClient::Event> events = resumed.afterPreamble(replay);
    QCOMPARE(events.size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(events[i].id, id(quint64(4 + i)));
}

void TestStreamResume::theHeaderWinsOverTheQuery()
{
    addTicks(3);
    // The query names a tick it could resume after; the header, which wins, one of another run.
    SseClient client;
    client.open(hub()->serverPort(), "/stream?lastEventId=" + id(1), "Last-Event-ID: zzzz0-1\r\n");
    verifySnapshot(client, id(3)); // not ticks 2 and 3
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
    verifySnapshot(client, id(30));
}

void TestStreamResume::snapshotThenLiveHasNoGapNorDuplicate()
{
    // Ticks flow while clients connect: whatever the timing, the snapshot's id plus
    // the live ids that follow are consecutive.
    market().setIntervalMs(10);
    market().start();
    SseClient client;
    client.open(hub()->serverPort());
    QVERIFY(client.waitForBlocks(preamble().blocks() + 10));
    market().stop();
    const QByteArray snapshotId = client.snapshot(preamble()).constLast().id;
    quint64 expected = snapshotId.mid(snapshotId.lastIndexOf('-') + 1).toULongLong() + 1;
    for (const SseClient::Event &event : client.afterPreamble(preamble()))
        QCOMPARE(event.id, id(expected++));
}

void TestStreamResume::filterLimitsSnapshotReplayAndLive()
{
    // The first and the last symbol, named in any case, with spaces.
    const QString first = market().symbols().constFirst(), last = market().symbols().constLast();
    const QSet<QString> wanted { first, last };
    const StreamPreamble filtered = StreamPreamble::ofSymbols(wanted.size());
    auto client = std::make_unique<SseClient>();
    client->open(hub()->serverPort(),
                 "/stream?symbols=" + first.toLower().toUtf8() + ",%20" + last.toUtf8());
    QVERIFY(client->waitForBlocks(filtered.blocks()));
    const QList<SseClient::Event> snapshot = client->snapshot(filtered);
    QCOMPARE(symbolOf(snapshot[0]), first);
    QCOMPARE(symbolOf(snapshot[1]), last);
    QCOMPARE(snapshot[1].id, id(0));

    QSignalSpy ticks(&market(), &MarketSimulator::quoteUpdated);
    addTicks(12);
    QList<QByteArray> wantedIds;
    for (const QList<QVariant> &tick : std::as_const(ticks)) {
        const Quote quote = tick.first().value<Quote>();
        if (wanted.contains(quote.symbol))
            wantedIds.append(id(quote.seq));
    }
    QVERIFY(!wantedIds.isEmpty() && wantedIds.size() < 12);
    QVERIFY(client->waitForBlocks(filtered.blocks() + int(wantedIds.size())));
    QList<QByteArray> liveIds;
    for (const SseClient::Event &event : client->afterPreamble(filtered)) {
        QVERIFY2(wanted.contains(symbolOf(event)), qPrintable(symbolOf(event)));
        liveIds.append(event.id);
    }
    QCOMPARE(liveIds, wantedIds);

    // Resume from the snapshot's id with the same filter: the same ticks, replayed.
    SseClient resumed;
    resumed.open(hub()->serverPort(), "/stream?symbols=" + (first + u',' + last).toUtf8(),
                 "Last-Event-ID: " + id(0) + "\r\n");
    const StreamPreamble replay = StreamPreamble::resumed();
    QVERIFY(resumed.waitForBlocks(replay.blocks() + int(wantedIds.size())));
    QList<QByteArray> replayedIds;
    for (const SseClient::Event &event : resumed.afterPreamble(replay))
        replayedIds.append(event.id);
    QCOMPARE(replayedIds, wantedIds);
}

void TestStreamResume::badFilterIsA400NamingTheProblem_data()
{
    QTest::addColumn<QByteArray>("target"); // FIRST and LAST stand for symbols of the feed
    QTest::addColumn<QByteArray>("mentions");
    QTest::addRow("not a symbol") << QByteArray("/stream?symbols=1NOPE")
                                  << QByteArray("name 1 of symbols= is not a symbol");
    QTest::addRow("one bad among known")
        << QByteArray("/stream?symbols=FIRST,NO_PE") << QByteArray("name 2 of symbols=");
    QTest::addRow("empty list") << QByteArray("/stream?symbols=") << QByteArray("empty");
    QTest::addRow("empty item") << QByteArray("/stream?symbols=FIRST,,LAST") << QByteArray("empty");
    QTest::addRow("encoded control bytes")
        << QByteArray("/stream?symbols=%00%01") << QByteArray("not a symbol");
}

void TestStreamResume::badFilterIsA400NamingTheProblem()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, mentions);
    target.replace("FIRST", market().symbols().constFirst().toUtf8())
        .replace("LAST", market().symbols().constLast().toUtf8());
    SseClient client;
    client.open(hub()->serverPort(), target);
    QVERIFY(client.waitForHeaders());
    QCOMPARE(client.statusCode(), 400);
    QTRY_VERIFY2(client.body().contains(mentions), client.body().constData());
    QVERIFY(client.body().contains(market().symbols().join(u',').toUtf8())); // what would work
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

// GuardedTcpServer opens a `GET /stream` that is whole at the connection's accept itself
// (StreamHub::openStreamDirectly); the same request after another on a kept-alive connection
// goes through the guard to Qt's route. The client must not tell them apart: the same head
// (CORS included), catch-up and live events.
void TestStreamResume::aDirectStreamIsTheRoutedOne_data()
{
    // ORIGIN is the allowed origin, LAST the id of tick 3, ALL every symbol.
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("fields");
    QTest::addRow("resumed by Last-Event-ID, allowed origin")
        << QByteArray("/stream") << QByteArray("Origin: ORIGIN\r\nLast-Event-ID: LAST\r\n");
    QTest::addRow("resumed by the query, every symbol, names in lower case, values padded")
        << QByteArray("/stream?symbols=ALL&lastEventId=LAST")
        << QByteArray("origin: \tORIGIN  \r\nlast-event-id:\r\n");
    QTest::addRow("snapshot: another run's id, another origin")
        << QByteArray("/stream")
        << QByteArray("Origin: https://evil.example\r\nLast-Event-ID: zzzz0-3\r\n");
}

void TestStreamResume::aDirectStreamIsTheRoutedOne()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, fields);
    ServerSettings settings = localServerSettings();
    settings.resumeBufferSize = 20;
    settings.corsOrigin = "https://example.org";
    settings.heartbeatMs = 600'000; // none in either stream while the test runs
    startHub(settings);
    addTicks(8);
    const auto fill = [&](QByteArray text) {
        return text.replace("ORIGIN", settings.corsOrigin)
            .replace("LAST", id(3))
            .replace("ALL", market().symbols().join(u',').toUtf8());
    };
    const QByteArray request = "GET " + fill(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Accept: text/event-stream\r\n" + fill(fields) + "\r\n";
    // The connections the server hands to the guard and Qt: the routed one only.
    QSignalSpy forQt(hub()->findChild<GuardedTcpServer *>(),
                     &QTcpServer::pendingConnectionAvailable);
    QVERIFY(forQt.isValid());
    QTcpSocket direct; // the request whole at the accept
    direct.connectToHost(QHostAddress::LocalHost, hub()->serverPort());
    direct.write(request);
    QTcpSocket routed; // the same after a GET /healthz: the guard's way
    routed.connectToHost(QHostAddress::LocalHost, hub()->serverPort());
    routed.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray healthz;
    QTRY_VERIFY2((healthz += routed.readAll()).endsWith("\nok\n"), healthz.constData());
    routed.write(request);

    // Both catch-ups end with tick 8 (replayed, or the snapshot's last), then the live ones.
    QByteArray directBytes, routedBytes;
    QVERIFY2(readUntilEvent(direct, &directBytes, id(8)), directBytes.constData());
    QVERIFY2(readUntilEvent(routed, &routedBytes, id(8)), routedBytes.constData());
    QCOMPARE(hub()->clientCount(), 2);
    QCOMPARE(forQt.size(), 1);
    addTicks(2);
    QVERIFY2(readUntilEvent(direct, &directBytes, id(10)), directBytes.constData());
    QVERIFY2(readUntilEvent(routed, &routedBytes, id(10)), routedBytes.constData());

    const StreamAnswer directAnswer = streamAnswer(directBytes);
    const StreamAnswer routedAnswer = streamAnswer(routedBytes);
    QVERIFY2(directAnswer.head.startsWith("HTTP/1.1 200 OK\n"), directBytes.constData());
    QCOMPARE(directAnswer.head, routedAnswer.head);
    QVERIFY2(!directAnswer.afterRetry.isEmpty(), directBytes.constData());
    QCOMPARE(directAnswer.afterRetry, routedAnswer.afterRetry);
}

QTEST_GUILESS_MAIN(TestStreamResume)
#include "tst_streamresume.moc"
