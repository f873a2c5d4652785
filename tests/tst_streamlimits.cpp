#include "localhub.h"
#include "sseclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace quotecast;

// Every limit of the hub, each on a real server with real sockets.
class TestStreamLimits : public QObject
{
    Q_OBJECT

private slots:
    void slowReaderIsCutWhileOthersKeepReceiving();
    void readerThatStopsIsTimedOutByTheKernel();
    void pastMaxClientsIs503WithRetryAfter();
    void retryIsSpreadAroundTheConfiguredDelay();
};

void TestStreamLimits::slowReaderIsCutWhileOthersKeepReceiving()
{
    ServerSettings settings = localServerSettings();
    settings.clientBufferBytes = 64 * 1024;
    MarketSimulator market;
    market.setSeed(1);
    const auto hub = startLocalHub(market, settings);
    QVERIFY(hub);
    connect(&market, &MarketSimulator::quoteUpdated, hub.get(), &StreamHub::addTick);

    SseClient reader;
    reader.open(hub->serverPort());
    // The stalled client takes one byte into Qt's buffer and then never reads again,
    // so the kernel buffers fill up and the server's unsent data grows.
    QTcpSocket stalled;
    stalled.setReadBufferSize(1);
    stalled.connectToHost(QHostAddress::LocalHost, hub->serverPort());
    QVERIFY(stalled.waitForConnected(5000));
    stalled.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    stalled.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(hub->clientCount(), 2);

    // Tick fast, letting the event loop run so the healthy reader keeps up, until the
    // stalled one is cut (bounded: 200,000 ticks is ~20 MB each).
    int ticks = 0;
    while (hub->slowClientsDropped() == 0 && ticks < 200'000) {
        market.tick();
        if (++ticks % 50 == 0)
            QCoreApplication::processEvents();
    }
    QCOMPARE(hub->slowClientsDropped(), quint64(1));
    QTRY_COMPARE(hub->clientCount(), 1); // the writer thread closes it right after counting

    // The reader got everything: the last tick's id arrives.
    const QByteArray lastId = hub->runId() + '-' + QByteArray::number(ticks);
    QTRY_VERIFY_WITH_TIMEOUT(!reader.blocks().isEmpty() && reader.blocks().constLast().id == lastId,
                             20000);
    qInfo("stalled client cut after %d ticks; reader received %lld events", ticks,
          qint64(reader.blocks().size()));
}

void TestStreamLimits::readerThatStopsIsTimedOutByTheKernel()
{
#if !QUOTECAST_LINUX_PARTS
    QSKIP("TCP_USER_TIMEOUT is Linux's; the portable fan-out has TCP keepalive only");
#endif
    ServerSettings settings = localServerSettings();
    settings.clientTimeoutMs = 1000;
    // Far more than the feed sends during the timeout: quotecast's own cap must not be
    // what cuts the client (the kernel's send buffer takes the backlog anyway).
    settings.clientBufferBytes = 64 * 1024 * 1024;
    MarketSimulator market;
    market.setSeed(1);
    market.setIntervalMs(10);
    const auto hub = startLocalHub(market, settings);
    QVERIFY(hub);
    connect(&market, &MarketSimulator::quoteUpdated, hub.get(), &StreamHub::addTick);
    QTest::ignoreMessage(
        QtInfoMsg,
        "dropped a client whose connection made no progress for 1 s (TCP_USER_TIMEOUT); "
        "clients timed out so far: 1");

    // A client that asks for the stream and never reads. Its receive buffer is made tiny
    // before it connects, as the window scale is agreed on then: the window it advertises
    // closes after a few events, and from then on the server's kernel only probes it.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    const int tiny = 1; // the kernel rounds it up to its minimum
    QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &tiny, sizeof tiny), 0);
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(hub->serverPort());
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server), 0);
    const QByteArray request = "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n";
    QCOMPARE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
             ssize_t(request.size()));
    QTRY_COMPARE(hub->clientCount(), 1);
    QElapsedTimer sinceOpened;
    sinceOpened.start();
    market.start();

    // Within a few timeouts: the kernel's clock starts when the window shuts, and it checks
    // at its probes (about +0.5 s seen here).
    QTRY_COMPARE_WITH_TIMEOUT(hub->clientsTimedOut(), quint64(1), 5 * settings.clientTimeoutMs);
    QTRY_COMPARE(hub->clientCount(), 0); // closed right after it is counted and logged
    const qint64 droppedAfterMs = sinceOpened.elapsed();
    market.stop();
    QCOMPARE(hub->slowClientsDropped(), quint64(0));
    QCOMPARE(hub->metrics().clientsTimedOut, quint64(1));
    QVERIFY(droppedAfterMs >= settings.clientTimeoutMs);
    qInfo("client that stopped reading dropped %lld ms after its stream opened, %llu ticks "
          "later, with %llu bytes sent",
          droppedAfterMs, quint64(hub->metrics().ticksReceived), quint64(hub->metrics().bytesSent));
}

void TestStreamLimits::pastMaxClientsIs503WithRetryAfter()
{
    ServerSettings settings = localServerSettings();
    settings.maxClients = 2;
    settings.retryMs = 5000;
    MarketSimulator market;
    const auto hub = startLocalHub(market, settings);
    QVERIFY(hub);

    SseClient first, second;
    auto leaving = std::make_unique<SseClient>();
    first.open(hub->serverPort());
    leaving->open(hub->serverPort());
    const StreamPreamble preamble = StreamPreamble::of(market);
    QVERIFY(first.waitForBlocks(preamble.blocks()));
    QVERIFY(leaving->waitForBlocks(preamble.blocks()));

    SseClient refused;
    refused.open(hub->serverPort());
    QVERIFY(refused.waitForHeaders());
    QCOMPARE(refused.statusCode(), 503);
    QCOMPARE(refused.header("Retry-After"), QByteArray("5"));
    QTRY_VERIFY(refused.body().contains("Too many clients"));
    QCOMPARE(hub->clientCount(), 2);

    // The clients already there are not disturbed.
    const Quote opening = market.quotes().constFirst();
    hub->addTick({ opening.symbol, opening.priceCents + 1'00, 1'00, 1, 1 });
    QVERIFY(first.waitForBlocks(preamble.blocks() + 1));

    // A place frees up: the next one gets in.
    leaving.reset();
    QTRY_COMPARE(hub->clientCount(), 1);
    second.open(hub->serverPort());
    QVERIFY(second.waitForBlocks(preamble.blocks()));
    QCOMPARE(second.statusCode(), 200);
}

void TestStreamLimits::retryIsSpreadAroundTheConfiguredDelay()
{
    ServerSettings settings = localServerSettings();
    settings.retryMs = 1000;
    MarketSimulator market;
    const auto hub = startLocalHub(market, settings);
    QVERIFY(hub);
    // Every client is advised a delay in [500, 1500]; a crowd gets many different ones,
    // spread on both sides of the configured delay.
    QSet<int> advised;
    for (int i = 0; i < 20; ++i) {
        SseClient client;
        client.open(hub->serverPort());
        QVERIFY(client.waitForBlocks(1));
        QVERIFY(client.body().startsWith("retry: "));
        const int retry = client.blocks().constFirst().retryMs;
        QVERIFY2(retry >= 500 && retry <= 1500, QByteArray::number(retry));
        advised.insert(retry);
    }
    QVERIFY(advised.size() >= 15);
    QVERIFY(std::any_of(advised.cbegin(), advised.cend(), [](int ms) { return ms < 1000; }));
    QVERIFY(std::any_of(advised.cbegin(), advised.cend(), [](int ms) { return ms > 1000; }));
}

QTEST_GUILESS_MAIN(TestStreamLimits)
#include "tst_streamlimits.moc"
