#include "localhub.h"
#include "sseclient.h"
#include <app/feedpipeline.h>
#include <feed/marketsimulator.h>
#include <server/sse/sseevent.h>
#include <server/streamhub.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace quotecast;

namespace {
QJsonObject json(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

// A stream's bytes after its own `retry:` advice, which differs from client to client.
QByteArray bodyAfterRetry(const QByteArray &body)
{
    return body.mid(body.indexOf("\n\n"));
}
} // namespace

// A real StreamHub on a real port, read by raw sockets.
class TestStreamHub : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void streamHasContractHeaders();
    void connectSendsRetryStatusThenSnapshot();
    void snapshotReflectsPublishedTicks();
    void liveEventsCarryIncreasingIds();
    void clientsShareOneFeed_data();
    void clientsShareOneFeed();
    void statusEventOnStartAndStop();
    void heartbeatKeepsIdleStreamsAlive();
    void closedClientIsForgotten_data();
    void closedClientIsForgotten();
    void killedClientProcessIsForgotten();
    void bytesAfterTheRequestDoNotCorruptTheStream();
    void busyPortIsAnError();
    void runIdsDifferAcrossRuns();
    void threadedHubServesModelAndClosesStreamsOnShutdown();

private:
    // A tick of the feed's symbol `index`, `changeCents` away from its opening price.
    Quote tickOf(qsizetype index, qint64 changeCents, quint64 seq) const;

    std::unique_ptr<StreamHub> m_hub;
    MarketSimulator m_market; // only for its default openings and status
    const StreamPreamble m_preamble = StreamPreamble::of(m_market);
};

Quote TestStreamHub::tickOf(qsizetype index, qint64 changeCents, quint64 seq) const
{
    const Quote opening = m_market.quotes().at(index);
    return { opening.symbol, opening.priceCents + changeCents, changeCents,
             1795000000000 + qint64(seq), seq };
}

void TestStreamHub::init()
{
    QVERIFY2(m_market.quotes().size() >= 2, "the tests tick two different symbols");
    m_hub = startLocalHub(m_market);
    QVERIFY(m_hub);
    QVERIFY(m_hub->serverPort() != 0);
}

void TestStreamHub::cleanup()
{
    m_hub.reset();
}

void TestStreamHub::streamHasContractHeaders()
{
    SseClient client;
    client.open(m_hub->serverPort());
    QVERIFY(client.waitForHeaders());
    QCOMPARE(client.statusCode(), 200);
    QCOMPARE(client.header("Content-Type"), QByteArray("text/event-stream"));
    QCOMPARE(client.header("Cache-Control"), QByteArray("no-cache"));
    QCOMPARE(client.header("Connection"), QByteArray("keep-alive"));
    QCOMPARE(client.header("X-Accel-Buffering"), QByteArray("no"));
    QVERIFY(!client.hasHeader("Content-Length"));
}

void TestStreamHub::connectSendsRetryStatusThenSnapshot()
{
    SseClient client;
    client.open(m_hub->serverPort());
    QVERIFY(client.waitForBlocks(m_preamble.blocks()));
    QVERIFY(client.body().startsWith("retry: "));
    const QList<SseClient::Event> blocks = client.blocks();
    const int retryMs = blocks[StreamPreamble::RetryBlock].retryMs;
    QVERIFY2(retryMs >= 1500 && retryMs <= 4500, QByteArray::number(retryMs)); // 3 s, spread

    QCOMPARE(blocks[StreamPreamble::StatusBlock].event, QByteArray("status"));
    const QJsonObject status = json(blocks[StreamPreamble::StatusBlock].data);
    QCOMPARE(status.value(u"running").toBool(true), false);
    QCOMPARE(status.value(u"intervalMs").toInt(), 2000);
    QCOMPARE(status.value(u"symbols").toVariant().toStringList(), m_market.symbols());

    // One event per symbol, in the feed's order; only the last names the latest tick (none yet).
    const QList<Quote> openings = m_market.quotes();
    const QList<SseClient::Event> snapshot = client.snapshot(m_preamble);
    for (qsizetype i = 0; i < openings.size(); ++i) {
        const SseClient::Event &event = snapshot[i];
        QVERIFY(event.event.isEmpty());
        const QJsonObject quote = json(event.data);
        QCOMPARE(quote.value(u"symbol").toString(), openings[i].symbol);
        QCOMPARE(quote.value(u"price").toDouble(), openings[i].priceCents / 100.0);
        QCOMPARE(quote.value(u"change").toDouble(), 0.0);
        QVERIFY(quote.contains(u"ts"));
        QCOMPARE(event.id, i == openings.size() - 1 ? m_hub->runId() + "-0" : QByteArray());
    }
    QCOMPARE(m_hub->clientCount(), 1);
}

void TestStreamHub::snapshotReflectsPublishedTicks()
{
    const Quote second = tickOf(1, 1'50, 1);
    const Quote first = tickOf(0, -1'00, 2);
    m_hub->addTick(second);
    m_hub->addTick(first);
    SseClient client;
    client.open(m_hub->serverPort());
    QVERIFY(client.waitForBlocks(m_preamble.blocks()));
    // Each symbol at its latest price, still in the feed's order; the last names tick 2.
    const QList<SseClient::Event> snapshot = client.snapshot(m_preamble);
    QCOMPARE(json(snapshot[0].data).value(u"price").toDouble(), first.priceCents / 100.0);
    QCOMPARE(json(snapshot[0].data).value(u"change").toDouble(), -1.00);
    QCOMPARE(json(snapshot[1].data).value(u"price").toDouble(), second.priceCents / 100.0);
    for (qsizetype i = 2; i < snapshot.size(); ++i)
        QCOMPARE(json(snapshot[i].data).value(u"price").toDouble(),
                 m_market.quotes()[i].priceCents / 100.0);
    QCOMPARE(snapshot.constLast().id, m_hub->runId() + "-2");
}

void TestStreamHub::liveEventsCarryIncreasingIds()
{
    SseClient client;
    client.open(m_hub->serverPort());
    QVERIFY(client.waitForBlocks(m_preamble.blocks()));
    m_hub->addTick(tickOf(0, 1'00, 1));
    m_hub->addTick(tickOf(1, -65, 2));
    const Quote third = tickOf(0, -90, 3);
    m_hub->addTick(third);
    QVERIFY(client.waitForBlocks(m_preamble.blocks() + 3));
    const QList<SseClient::Event> live = client.afterPreamble(m_preamble);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(live[i].id, m_hub->runId() + '-' + QByteArray::number(i + 1));
    const QJsonObject last = json(live[2].data);
    QCOMPARE(last.value(u"symbol").toString(), third.symbol);
    QCOMPARE(last.value(u"price").toDouble(), third.priceCents / 100.0);
    QCOMPARE(last.value(u"change").toDouble(), -0.90);
    QCOMPARE(last.value(u"ts").toInteger(), 1795000000003);
}

void TestStreamHub::clientsShareOneFeed_data()
{
    QTest::addColumn<int>("clientCount");
    QTest::addColumn<int>("writerThreads");
    QTest::addRow("two clients") << 2 << 0;
    QTest::addRow("seven clients on three writer threads") << 7 << 3;
}

void TestStreamHub::clientsShareOneFeed()
{
    QFETCH(int, clientCount);
    QFETCH(int, writerThreads);
    ServerSettings settings = localServerSettings();
    settings.streamThreads = writerThreads;
    const auto hub = startLocalHub(m_market, settings);
    QVERIFY(hub);
    QSignalSpy counts(hub.get(), &StreamHub::clientCountChanged);
    std::vector<std::unique_ptr<SseClient>> clients;
    for (int i = 0; i < clientCount; ++i) {
        clients.push_back(std::make_unique<SseClient>());
        clients.back()->open(hub->serverPort());
        QVERIFY(clients.back()->waitForBlocks(m_preamble.blocks()));
    }
    QCOMPARE(hub->clientCount(), clientCount);
    MarketSimulator market;
    market.setSeed(5);
    connect(&market, &MarketSimulator::quoteUpdated, hub.get(), &StreamHub::addTick);
    for (int i = 0; i < 20; ++i)
        market.tick();
    for (const auto &client : clients) {
        QVERIFY(client->waitForBlocks(m_preamble.blocks() + 20));
        // Byte for byte, but for each one's own `retry:` advice.
        QCOMPARE(bodyAfterRetry(client->body()), bodyAfterRetry(clients.front()->body()));
    }
    // Leaving clients are counted off whichever writer held them.
    for (size_t i = 1; i < clients.size(); ++i)
        clients[i]->socket().disconnectFromHost();
    QTRY_COMPARE(hub->clientCount(), 1);
    QTRY_COMPARE(counts.last().first().toInt(), 1);
}

void TestStreamHub::statusEventOnStartAndStop()
{
    SseClient client;
    client.open(m_hub->serverPort());
    QVERIFY(client.waitForBlocks(m_preamble.blocks()));
    MarketSimulator market;
    connect(&market, &MarketSimulator::statusChanged, m_hub.get(), &StreamHub::setStatus);
    market.start();
    QVERIFY(client.waitForBlocks(m_preamble.blocks() + 1));
    const SseClient::Event started = client.afterPreamble(m_preamble).at(0);
    QCOMPARE(started.event, QByteArray("status"));
    QCOMPARE(json(started.data).value(u"running").toBool(), true);
    market.stop();
    QVERIFY(client.waitForBlocks(m_preamble.blocks() + 2));
    const SseClient::Event stopped = client.afterPreamble(m_preamble).at(1);
    QCOMPARE(stopped.event, QByteArray("status"));
    QCOMPARE(json(stopped.data).value(u"running").toBool(true), false);
}

void TestStreamHub::heartbeatKeepsIdleStreamsAlive()
{
    ServerSettings settings = localServerSettings();
    settings.heartbeatMs = 50;
    StreamHub hub(settings);
    QVERIFY(hub.listen());
    SseClient client;
    client.open(hub.serverPort());
    // No ticks at all, yet heartbeats keep arriving, as events a page sees; the status
    // says how often, so that a page can tell a quiet stream from a dead one.
    const StreamPreamble noSymbols = StreamPreamble::ofSymbols(0); // a hub given no feed
    QVERIFY(client.waitForBlocks(noSymbols.blocks() + 2));
    const SseClient::Event status = client.blocks().at(StreamPreamble::StatusBlock);
    QCOMPARE(status.event, QByteArray("status"));
    QCOMPARE(json(status.data).value(u"heartbeatMs").toInt(), 50);
    for (const SseClient::Event &heartbeat : client.afterPreamble(noSymbols)) {
        QCOMPARE(heartbeat.event, QByteArray("heartbeat"));
        QVERIFY(heartbeat.data.isEmpty());
        QVERIFY(heartbeat.id.isEmpty()); // never moves the client's Last-Event-ID
    }
    // Live events only: the heartbeats are not counted as events sent.
    QCOMPARE(hub.metrics().eventsSent, quint64(0));
}

void TestStreamHub::closedClientIsForgotten_data()
{
    QTest::addColumn<bool>("abort");
    QTest::addRow("closed politely (FIN)") << false;
    QTest::addRow("reset (RST)") << true;
}

void TestStreamHub::closedClientIsForgotten()
{
    QFETCH(bool, abort);
    QSignalSpy counts(m_hub.get(), &StreamHub::clientCountChanged);
    SseClient staying, leaving;
    staying.open(m_hub->serverPort());
    leaving.open(m_hub->serverPort());
    QVERIFY(staying.waitForBlocks(m_preamble.blocks()));
    QVERIFY(leaving.waitForBlocks(m_preamble.blocks()));
    QCOMPARE(m_hub->clientCount(), 2);
    if (abort)
        leaving.socket().abort();
    else
        leaving.socket().disconnectFromHost();
    QTRY_COMPARE(m_hub->clientCount(), 1);
    QTRY_COMPARE(counts.last().first().toInt(), 1); // reported from the writer thread, queued
    // The one left still gets the feed.
    m_hub->addTick(tickOf(0, 1'00, 1));
    QVERIFY(staying.waitForBlocks(m_preamble.blocks() + 1));
}

void TestStreamHub::killedClientProcessIsForgotten()
{
    // A separate process opens a stream and is then killed with SIGKILL: it never
    // gets to close its socket itself, the kernel does.
    const quint16 port = m_hub->serverPort();
    int ready[2];
    QCOMPARE(::pipe(ready), 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Only async-signal-safe calls in the child of a threaded process.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const char request[] = "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n";
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::write(fd, request, sizeof request - 1) < 0)
            ::_exit(1);
        char byte = 1;
        [[maybe_unused]] auto written = ::write(ready[1], &byte, 1);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    QTRY_COMPARE_WITH_TIMEOUT(m_hub->clientCount(), 1, 5000);
    char byte = 0;
    QCOMPARE(::read(ready[0], &byte, 1), 1);
    ::close(ready[0]);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_hub->clientCount(), 0, 5000);
}

void TestStreamHub::bytesAfterTheRequestDoNotCorruptTheStream()
{
    // A pipelined request and some garbage after GET /stream: a stream is one-way,
    // nothing the client sends may produce bytes inside the event stream.
    SseClient client;
    client.open(m_hub->serverPort());
    client.socket().write("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client.waitForBlocks(m_preamble.blocks()));
    client.socket().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n\x01\x02garbage\r\n\r\n");
    m_hub->addTick(tickOf(0, 1'00, 1));
    QVERIFY(client.waitForBlocks(m_preamble.blocks() + 1));
    QVERIFY2(!client.body().contains("HTTP/1.1"), client.body().constData());
    QCOMPARE(client.blocks().last().id, m_hub->runId() + "-1");
    QCOMPARE(m_hub->clientCount(), 1);
}

void TestStreamHub::busyPortIsAnError()
{
    ServerSettings settings = localServerSettings();
    settings.port = m_hub->serverPort();
    StreamHub second(settings);
    QVERIFY(!second.listen());
    QVERIFY2(second.errorString().contains(u"in use"), qPrintable(second.errorString()));
}

void TestStreamHub::runIdsDifferAcrossRuns()
{
    const StreamHub other(localServerSettings());
    QVERIFY(!m_hub->runId().isEmpty());
    QVERIFY(!m_hub->runId().contains('-'));
    QVERIFY(other.runId() != m_hub->runId());
}

void TestStreamHub::threadedHubServesModelAndClosesStreamsOnShutdown()
{
    // As the app runs it: the pieces built and connected by FeedPipeline, the server in a
    // thread of its own.
    AppOptions options = localOptions();
    options.intervalMs = 20;
    options.seed = 11;
    auto pipeline = std::make_unique<FeedPipeline>(options);
    QVERIFY2(pipeline->start(), qPrintable(pipeline->errorString()));
    QVERIFY(pipeline->hub()->thread() != thread());
    MarketSimulator &market = *pipeline->simulator();

    SseClient client;
    client.open(pipeline->serverPort());
    const StreamPreamble preamble = StreamPreamble::of(market);
    QVERIFY(client.waitForBlocks(preamble.blocks()));
    market.start(); // an `event: status` ("running"), then the ticks
    const auto ticks = [&] {
        QList<SseClient::Event> withIds;
        for (const SseClient::Event &event : client.afterPreamble(preamble)) {
            if (!event.id.isEmpty())
                withIds.append(event);
        }
        return withIds;
    };
    QTRY_VERIFY_WITH_TIMEOUT(ticks().size() >= 3, 5000);
    QVERIFY(ticks().at(0).id.endsWith("-1"));
    QVERIFY(ticks().at(2).id.endsWith("-3"));

    QSignalSpy closed(&client.socket(), &QTcpSocket::disconnected);
    pipeline.reset(); // what closing the window or SIGTERM does
    QVERIFY(closed.size() == 1 || closed.wait(5000));
}

QTEST_GUILESS_MAIN(TestStreamHub)
#include "tst_streamhub.moc"
