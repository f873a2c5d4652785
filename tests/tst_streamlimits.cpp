#include "localhub.h"
#include "sseclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace quotecast;

namespace {

const QByteArray StreamRequest = "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n";

// A client that asks for the stream and never reads: a connected socket, or -1. Its receive
// buffer is made tiny before it connects, as the window scale is agreed on then: the window
// it advertises closes after a few events, and from then on what the server sends for it
// stays on the server's side.
int openStalledStream(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int tiny = 1; // the kernel rounds it up to its minimum
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &tiny, sizeof tiny) != 0
        || ::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) != 0
        || ::send(fd, StreamRequest.constData(), size_t(StreamRequest.size()), MSG_NOSIGNAL)
            != ssize_t(StreamRequest.size())) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

// The bytes that arrived on `fd` and were not read.
qint64 unread(int fd)
{
    int bytes = -1;
    return ::ioctl(fd, FIONREAD, &bytes) == 0 ? bytes : -1;
}

} // namespace

// Every limit of the hub, each on a real server with real sockets.
class TestStreamLimits : public QObject
{
    Q_OBJECT

private slots:
    void slowReaderIsCutWhileOthersKeepReceiving();
    void readerThatStopsIsCutOnceItOwesTheClientBuffer();
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
    stalled.write(StreamRequest);
    QTRY_COMPARE(hub->clientCount(), 2);

    // Tick fast, in bursts of 50 that the healthy reader takes in before the next (it keeps
    // up: a reader over 64 KiB behind would be cut too), until the stalled one is cut
    // (bounded: 200,000 ticks is ~20 MB each).
    const auto hasTick = [&](int tick) {
        const QByteArray id = hub->runId() + '-' + QByteArray::number(tick);
        return std::any_of(reader.blocks().crbegin(), reader.blocks().crend(),
                           [&](const SseClient::Event &block) { return block.id == id; });
    };
    int ticks = 0;
    while (hub->slowClientsDropped() == 0 && ticks < 200'000) {
        market.tick();
        if (++ticks % 50 == 0)
            QVERIFY(QTest::qWaitFor([&] { return hasTick(ticks); }));
    }
    QCOMPARE(hub->slowClientsDropped(), quint64(1));
    QTRY_COMPARE(hub->clientCount(), 1); // the writer thread closes it right after counting

    // The reader got everything: the last tick's id arrives.
    QVERIFY(QTest::qWaitFor([&] { return hasTick(ticks); }));
    qInfo("stalled client cut after %d ticks; reader received %lld events", ticks,
          qint64(reader.blocks().size()));
}

// What a client owes is what quotecast queues for it plus what its socket's kernel buffer
// holds (which, autotuned, took 640 KB per stalled reader before the client timeout cut it):
// a reader that stops is cut as soon as the two pass --client-buffer.
void TestStreamLimits::readerThatStopsIsCutOnceItOwesTheClientBuffer()
{
    ServerSettings settings = localServerSettings();
    settings.clientBufferBytes = 16 * 1024;
    settings.retryMs = 3000; // every client is advised 1500 to 4500 ms: its head is as long
    MarketSimulator market;
    market.setSeed(1);
    const auto hub = startLocalHub(market, settings);
    QVERIFY(hub);
    connect(&market, &MarketSimulator::quoteUpdated, hub.get(), &StreamHub::addTick);

    // Every byte the stalled client is sent, a reader that keeps up receives too.
    QTcpSocket reader;
    QByteArray received;
    connect(&reader, &QTcpSocket::readyRead, this, [&] { received += reader.readAll(); });
    reader.connectToHost(QHostAddress::LocalHost, hub->serverPort());
    reader.write(StreamRequest);
    const int stalled = openStalledStream(hub->serverPort());
    QVERIFY(stalled >= 0);
    const auto closeStalled = qScopeGuard([stalled] { ::close(stalled); });
    QTRY_COMPARE(hub->clientCount(), 2);
    QElapsedTimer sinceOpened;
    sinceOpened.start();

    // One tick at a time, each waited for on both streams (the writer counts a round's
    // events once it has written them all), until the stalled client is cut. What the
    // server counts as owed is what it has not had acknowledged: at least what the client
    // has not received (`owed`), at most that and what it has received but perhaps not
    // acknowledged yet (`unread`, its tiny receive buffer, which takes a few bytes now and then).
    const qint64 cap = settings.clientBufferBytes;
    qint64 owed = 0, inBuffer = 0, tickBytes = 0;
    for (quint64 tick = 1; hub->slowClientsDropped() == 0; ++tick) {
        QVERIFY2(tick < 10'000, "never cut");
        const quint64 eventsSent = hub->metrics().eventsSent;
        const qsizetype receivedBefore = received.size();
        market.tick();
        const QByteArray id = "id: " + hub->runId() + '-' + QByteArray::number(tick) + '\n';
        QVERIFY(QTest::qWaitFor(
            [&] { return hub->metrics().eventsSent > eventsSent && received.contains(id); }));
        inBuffer = unread(stalled);
        owed = received.size() - inBuffer;
        tickBytes = received.size() - receivedBefore;
#if QUOTECAST_LINUX_PARTS
        // The epoll fan-out asks the kernel: neither early nor late.
        const QByteArray state = "owes " + QByteArray::number(owed) + " + "
            + QByteArray::number(inBuffer) + " after tick " + QByteArray::number(tick);
        if (hub->slowClientsDropped() == 0)
            QVERIFY2(owed <= cap, "not cut though it " + state);
        else
            QVERIFY2(owed + inBuffer > cap, "cut though it " + state);
#endif
    }
    qInfo("cut after %lld ms owing %lld bytes (and %lld in its receive buffer); cap %lld",
          sinceOpened.elapsed(), owed, inBuffer, cap);
#if QUOTECAST_LINUX_PARTS
    // Cut with a reset, which frees what the kernel held for it at once.
    int error = 0;
    QVERIFY(QTest::qWaitFor([&] {
        socklen_t size = sizeof error;
        return ::getsockopt(stalled, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error != 0;
    }));
    QCOMPARE(error, ECONNRESET);
#endif
    // The write that passed the cap is the only one beyond it (the Qt fan-out, which cannot
    // ask the kernel, keeps within it by bounding the kernel's share).
    QVERIFY2(owed <= cap + tickBytes, QByteArray::number(owed));
    QTRY_COMPARE(hub->clientCount(), 1);
    QVERIFY(sinceOpened.elapsed() < settings.clientTimeoutMs);
    QCOMPARE(hub->clientsTimedOut(), quint64(0));
    QVERIFY(
        hub->metrics().toPrometheusText().contains("\nquotecast_slow_clients_dropped_total 1\n"));
}

void TestStreamLimits::readerThatStopsIsTimedOutByTheKernel()
{
#if !QUOTECAST_LINUX_PARTS
    QSKIP("TCP_USER_TIMEOUT is Linux's; the portable fan-out has TCP keepalive only");
#endif
    ServerSettings settings = localServerSettings();
    settings.clientTimeoutMs = 1000;
    // Far more than the feed sends during the timeout: the cap must not be what cuts the
    // client.
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

    // Once its window has shut, the server's kernel only probes it.
    const int fd = openStalledStream(hub->serverPort());
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
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
