#include "localhub.h"
#include "nginxnode.h"
#include "redisserver.h"
#include "sseclient.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace quotecast;

// quotecast --publish in front of real nginx nodes with nchan, configured by the files that
// packaging/nchan ships: one node keeping its buffer in memory, and two nodes sharing one
// real redis-server. Every event reaches every node's subscribers, in order; the publisher's
// queue rides out a node's restart, and stays bounded while no nchan answers (a test that needs
// no nginx); with Redis, a browser resumes on any node.
class TestNchan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void publishQueueIsBoundedWhileNchanIsAway();
    void everyEventReachesNchanSubscribersInOrder_data();
    void everyEventReachesNchanSubscribersInOrder();
    void eventsQueuedWhileNginxIsDownArriveWhenItIsBack();
    void theOpeningEventsLeaveFromTheServerThread();
    void aPageResumesThroughTheQueryAndSeesHeartbeats();
    void aBrowserResumesOnAnotherNode();
    void aNodeRestartLosesNoEventAndNoBufferWithRedis();

private:
    NginxNode &node(const QString &name);
    // A hub publishing the market's ticks to `node`, once its opening events went out.
    bool startPublishingTo(const NginxNode &node);
    PublisherStatus lastStatus() const;
    // Ticks the market `count` times; returns the first tick's number (nchan's buffers
    // outlive a test's hub, so numbers go on from test to test).
    qint64 tick(int count);
    static QList<qint64> range(qint64 first, qint64 last);
    // The event id the client got with tick `seq`.
    static QByteArray idOf(const SseClient &client, qint64 seq);

    NginxNode m_single; // quotecast-nchan.conf
    RedisServer m_redis;
    NginxNode m_nodeA; // quotecast-nchan-redis.conf, the node quotecast publishes to
    NginxNode m_nodeB; // quotecast-nchan-redis.conf, on the same Redis
    QString m_nginxMissing; // why the tests with nginx skip, or empty
    QString m_redisMissing; // why the tests with Redis skip, or empty
    MarketSimulator m_market;
    std::unique_ptr<StreamHub> m_hub;
    std::unique_ptr<QSignalSpy> m_statuses;
};

void TestNchan::initTestCase()
{
    // Each test skips on its own when what it needs is missing, so that the others still run:
    // without Redis, the single node is still tested.
    m_nginxMissing = NginxNode::missing();
    m_redisMissing = m_nginxMissing.isEmpty() ? RedisServer::missing() : m_nginxMissing;
    if (!m_nginxMissing.isEmpty())
        return;
    QVERIFY(m_single.configure(QStringLiteral("quotecast-nchan.conf")));
    QVERIFY(m_single.start());
    if (!m_redisMissing.isEmpty())
        return;
    QVERIFY(m_redis.start());
    for (NginxNode *redisNode : { &m_nodeA, &m_nodeB }) {
        QVERIFY(redisNode->configure(QStringLiteral("quotecast-nchan-redis.conf"), m_redis.port()));
        QVERIFY(redisNode->start());
    }
}

void TestNchan::cleanup()
{
    m_statuses.reset();
    m_hub.reset();
    m_market.disconnect();
}

NginxNode &TestNchan::node(const QString &name)
{
    return name == u"A" ? m_nodeA : name == u"B" ? m_nodeB : m_single;
}

bool TestNchan::startPublishingTo(const NginxNode &node)
{
    ServerSettings settings = localServerSettings();
    settings.publishUrl = node.publishUrl();
    m_hub = startLocalHub(m_market, settings);
    if (!m_hub)
        return false;
    connect(&m_market, &MarketSimulator::quoteUpdated, m_hub.get(), &StreamHub::addTick);
    m_statuses = std::make_unique<QSignalSpy>(m_hub.get(), &StreamHub::publisherStatusChanged);
    return QTest::qWaitFor([this] { return !m_statuses->isEmpty() && lastStatus().queued == 0; });
}

PublisherStatus TestNchan::lastStatus() const
{
    return m_statuses->constLast().constFirst().value<PublisherStatus>();
}

qint64 TestNchan::tick(int count)
{
    qint64 last = 0;
    for (const Quote &quote : m_market.quotes())
        last = qMax(last, qint64(quote.seq));
    for (int i = 0; i < count; ++i)
        m_market.tick();
    return last + 1;
}

QList<qint64> TestNchan::range(qint64 first, qint64 last)
{
    QList<qint64> result;
    for (qint64 seq = first; seq <= last; ++seq)
        result.append(seq);
    return result;
}

QByteArray TestNchan::idOf(const SseClient &client, qint64 seq)
{
    for (const SseClient::Event &event : client.blocks()) {
        if (SseClient::seqOf(event) == seq)
            return event.id;
    }
    return {};
}

void TestNchan::publishQueueIsBoundedWhileNchanIsAway()
{
    // An nchan that is not there: a port nothing listens on (no nginx needed).
    const quint16 port = freeLoopbackPort();
    QVERIFY(port != 0);
    ServerSettings settings = localServerSettings();
    settings.publishUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/pub/quotes").arg(port));
    settings.publishQueue = 5;
    // A headless server has no status bar: each change is logged, once, not once per event
    // (the second of either fails the test).
    const QRegularExpression unreachable(
        QStringLiteral("cannot publish to http://127.0.0.1:\\d+/pub/quotes \\(.+\\); retrying"));
    const QRegularExpression dropping(
        QStringLiteral("is full \\(5 events\\): dropping the oldest"));
    QTest::ignoreMessage(QtWarningMsg, unreachable);
    QTest::ignoreMessage(QtWarningMsg, dropping);
    QTest::failOnWarning(unreachable);
    QTest::failOnWarning(dropping);
    MarketSimulator market;
    const auto hub = startLocalHub(market, settings); // publishes what a stream opens with
    QVERIFY(hub);
    connect(&market, &MarketSimulator::quoteUpdated, hub.get(), &StreamHub::addTick);
    constexpr int ticks = 20;
    for (int i = 0; i < ticks; ++i)
        market.tick();
    QVERIFY(hub->metrics().publisher);
    // Once the first post was refused (which the first warning says):
    QTRY_VERIFY(!hub->metrics().publisher->lastError.isEmpty());
    const PublisherStatus status = *hub->metrics().publisher;
    QVERIFY(!status.connected);
    QCOMPARE(status.queued, 5);
    QCOMPARE(status.published, quint64(0));
    // Every event but the 5 queued ones was dropped: what a stream opens with, and the ticks.
    QCOMPARE(status.dropped, quint64(StreamPreamble::of(market).dataEvents() + ticks - 5));
}

void TestNchan::everyEventReachesNchanSubscribersInOrder_data()
{
    QTest::addColumn<QString>("publishTo");
    QTest::addColumn<QString>("subscribeTo");
    QTest::newRow("one node") << QString() << QString();
    QTest::newRow("Redis, the publishing node") << QStringLiteral("A") << QStringLiteral("A");
    QTest::newRow("Redis, another node") << QStringLiteral("A") << QStringLiteral("B");
}

void TestNchan::everyEventReachesNchanSubscribersInOrder()
{
    QFETCH(QString, publishTo);
    QFETCH(QString, subscribeTo);
    if (!m_nginxMissing.isEmpty())
        QSKIP(qPrintable(m_nginxMissing));
    if (!publishTo.isEmpty() && !m_redisMissing.isEmpty())
        QSKIP(qPrintable(m_redisMissing));
    QVERIFY(startPublishingTo(node(publishTo)));

    SseClient client;
    client.open(node(subscribeTo).port(), "/stream");
    QVERIFY(client.waitForHeaders());
    QCOMPARE(client.statusCode(), 200);
    const qint64 first = tick(200);
    const qint64 last = first + 199;
    QTRY_VERIFY_WITH_TIMEOUT(client.quoteSeqs().contains(last), 10000);
    // After what the buffer held on connect: each of the 200 ticks once, in order.
    const QList<qint64> all = client.quoteSeqs();
    QCOMPARE(all.mid(all.indexOf(first)), range(first, last));
    QVERIFY(m_hub->metrics().toPrometheusText().contains("quotecast_publish_connected 1"));
}

void TestNchan::eventsQueuedWhileNginxIsDownArriveWhenItIsBack()
{
    if (!m_nginxMissing.isEmpty())
        QSKIP(qPrintable(m_nginxMissing));
    QVERIFY(startPublishingTo(m_single));
    const quint64 published = lastStatus().published;
    tick(5);
    QTRY_COMPARE(lastStatus().published, published + 5);

    m_single.stop();
    // Up again for the next tests, also when this one fails before it restarts it.
    const auto restart = qScopeGuard([this] {
        if (!m_single.isRunning())
            m_single.start();
    });
    // Ticks while nginx is away: they wait, and the status says so.
    const qint64 first = tick(15);
    QTRY_VERIFY(!lastStatus().connected);
    QVERIFY(m_hub->metrics().toPrometheusText().contains("quotecast_publish_connected 0"));

    QVERIFY(m_single.start());
    // nginx lost its buffer with its restart (the 5 ticks before it); a subscriber now gets
    // the ones queued meanwhile, once the publisher's retry has sent them.
    QTRY_VERIFY_WITH_TIMEOUT(lastStatus().connected && lastStatus().queued == 0, 15000);
    SseClient client;
    client.open(m_single.port(), "/stream");
    QTRY_VERIFY_WITH_TIMEOUT(client.quoteSeqs().contains(first + 14), 10000);
    QCOMPARE(client.quoteSeqs(), range(first, first + 14));
    QVERIFY(m_hub->metrics().toPrometheusText().contains("quotecast_publish_dropped_total 0"));
}

void TestNchan::theOpeningEventsLeaveFromTheServerThread()
{
    if (!m_nginxMissing.isEmpty())
        QSKIP(qPrintable(m_nginxMissing));
    // As main.cpp does (FeedPipeline): the hub is fed its opening status and prices as its
    // thread starts, and the network objects of the posts must belong to that thread.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("different thread")));
    ServerSettings settings = localServerSettings();
    settings.publishUrl = m_single.publishUrl();
    FeedPipeline pipeline(localOptions(settings), FeedPipeline::ServerThreading::OwnThread);
    QVERIFY(pipeline.start());

    QList<qint64> openings;
    for (const Quote &quote : pipeline.simulator()->quotes())
        openings.append(qint64(quote.seq));
    // What it publishes first is what a stream opens with: the status, then the snapshot.
    const StreamPreamble preamble = StreamPreamble::ofSymbols(openings.size());
    SseClient client;
    client.open(m_single.port(), "/stream");
    QTRY_COMPARE(client.quoteSeqs().mid(client.quoteSeqs().size() - preamble.snapshotEvents),
                 openings);
    const QList<SseClient::Event> events = client.dataEvents();
    QCOMPARE(events.value(events.size() - preamble.dataEvents()).event, "status");
}

// What the page does through the relay: it opens a new EventSource with ?lastEventId= (URL-
// encoded, as URLSearchParams writes nchan's `<time>:<tag>` ids), and its watchdog counts on
// heartbeats that EventSource delivers, which needs a data line.
void TestNchan::aPageResumesThroughTheQueryAndSeesHeartbeats()
{
    if (!m_nginxMissing.isEmpty())
        QSKIP(qPrintable(m_nginxMissing));
    QVERIFY(startPublishingTo(m_single));
    SseClient first;
    first.open(m_single.port(), "/stream");
    QVERIFY(first.waitForHeaders());
    const qint64 from = tick(6);
    QTRY_VERIFY(first.quoteSeqs().contains(from + 5));
    const QByteArray lastSeen = idOf(first, from + 2);
    QVERIFY(!lastSeen.isEmpty());

    SseClient resumed;
    resumed.open(m_single.port(),
                 "/stream?lastEventId=" + QUrl::toPercentEncoding(QString::fromLatin1(lastSeen)));
    QTRY_VERIFY(resumed.quoteSeqs().contains(from + 5));
    QCOMPARE(resumed.quoteSeqs(), range(from + 3, from + 5));

    // The shipped interval is 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(
        !resumed.blocks().isEmpty() && resumed.blocks().constLast().event == "heartbeat", 8000);
    QVERIFY(!resumed.blocks().constLast().data.isEmpty()); // else EventSource drops it
    QVERIFY(resumed.blocks().constLast().id.isEmpty());
}

void TestNchan::aBrowserResumesOnAnotherNode()
{
    if (!m_redisMissing.isEmpty())
        QSKIP(qPrintable(m_redisMissing));
    QVERIFY(startPublishingTo(m_nodeA));
    SseClient onA;
    onA.open(m_nodeA.port(), "/stream");
    QVERIFY(onA.waitForHeaders());
    const qint64 first = tick(10);
    QTRY_VERIFY(onA.quoteSeqs().contains(first + 9));

    // The browser saw tick `first + 3`, lost node A, and its EventSource reconnects (through a
    // load balancer) to node B with the id node A gave: B knows it, from Redis.
    const QByteArray lastSeen = idOf(onA, first + 3);
    QVERIFY(!lastSeen.isEmpty());
    SseClient onB;
    onB.open(m_nodeB.port(), "/stream", "Last-Event-ID: " + lastSeen + "\r\n");
    QTRY_VERIFY(onB.quoteSeqs().contains(first + 9));
    QCOMPARE(onB.quoteSeqs(), range(first + 4, first + 9));
}

void TestNchan::aNodeRestartLosesNoEventAndNoBufferWithRedis()
{
    if (!m_redisMissing.isEmpty())
        QSKIP(qPrintable(m_redisMissing));
    QVERIFY(startPublishingTo(m_nodeA));
    SseClient onB;
    onB.open(m_nodeB.port(), "/stream");
    SseClient onA;
    onA.open(m_nodeA.port(), "/stream");
    QVERIFY(onA.waitForHeaders() && onB.waitForHeaders());
    const qint64 first = tick(5);
    QTRY_VERIFY(onA.quoteSeqs().contains(first + 4));
    // What node A's browser last saw before a network blip: a few ticks ago.
    const QByteArray seenOnA = idOf(onA, first + 1);
    QVERIFY(!seenOnA.isEmpty());

    // Node A, the one quotecast publishes to, goes away for 15 ticks.
    m_nodeA.stop();
    const auto restart = qScopeGuard([this] {
        if (!m_nodeA.isRunning())
            m_nodeA.start();
    });
    tick(15);
    QTRY_VERIFY(!lastStatus().connected);
    QVERIFY(m_nodeA.start());
    QTRY_VERIFY_WITH_TIMEOUT(lastStatus().connected && lastStatus().queued == 0, 15000);

    // Node B's browser stayed connected and gets every tick once, in order.
    QTRY_VERIFY(onB.quoteSeqs().contains(first + 19));
    const QList<qint64> onBSeqs = onB.quoteSeqs();
    QCOMPARE(onBSeqs.mid(onBSeqs.indexOf(first)), range(first, first + 19));
    // Node A's browser comes back with its id from before the restart: Redis kept the
    // buffer, so it gets exactly the ticks it missed, including three from before the
    // restart that node A's memory lost.
    SseClient back;
    back.open(m_nodeA.port(), "/stream", "Last-Event-ID: " + seenOnA + "\r\n");
    QTRY_VERIFY(back.quoteSeqs().contains(first + 19));
    QCOMPARE(back.quoteSeqs(), range(first + 2, first + 19));
    QVERIFY(m_hub->metrics().toPrometheusText().contains("quotecast_publish_dropped_total 0"));
}

QTEST_GUILESS_MAIN(TestNchan)
#include "tst_nchan.moc"
