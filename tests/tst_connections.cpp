#include "conformance.h"

#include <platform/halfclose.h>

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <array>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace quotecast;
using namespace conformance;

// A connection's life against a real server: pipelined requests answered in order and within
// bounds, each request's deadline, a stream behind other requests, clients that stop reading or
// end their sending half, the last answer and the idle close. (Each kind of request, first and
// later, is tst_conformance's.)
class TestConnections : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void eachRequestHasItsOwnDeadline();
    void pipelinedRequestsAreAnsweredInOrder();
    void pipeliningFarAheadIsAnsweredInPartThenClosed();
    void answersBeforeAPipelinedStreamAreKept();
    void answersAClientDoesNotReadDoNotPileUp();
    void aRequestQtReadsShorterIsNotSmuggled();
    void aWebSocketUpgradeIsAnsweredOnce();
    void aClientThatEndsItsSendingGetsItsAnswers();
    void aClientThatEndsItsSendingGetsItsStreamsOpening();
    void aLastAnswerSaysOnlyClose();
    void headOfAFullServerIsRefusedAsGetIs();
    void idleKeepAliveConnectionIsClosed();

private:
    MarketSimulator m_market;
    std::unique_ptr<StreamHub> m_hub;
};

void TestConnections::initTestCase()
{
    m_hub = conformance::startStrictHub(m_market);
    QVERIFY(m_hub);
}

void TestConnections::cleanupTestCase()
{
    m_hub.reset();
}

void TestConnections::eachRequestHasItsOwnDeadline()
{
    // A later request trickled a byte at a time must still arrive within --request-timeout
    // (1 s here) of its first byte: each byte does not restart a timer.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    socket.write(Healthz);
    QByteArray answer;
    QTRY_VERIFY((answer += socket.readAll()).endsWith("\r\n\r\nok\n"));
    const QByteArray trickled = "GET /healthz HTTP/1.1\r\nX-Slow: " + QByteArray(100, 'x');
    qsizetype sent = 0;
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &socket, [&] {
        if (sent < trickled.size() && socket.state() == QAbstractSocket::ConnectedState)
            socket.write(trickled.mid(sent++, 1));
    });
    trickle.start(50);
    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    answer += socket.readAll();
    QVERIFY2(answer.contains("408 Request Timeout"), answer.constData());
    QVERIFY2(elapsed.elapsed() < 2500, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(sent < trickled.size()); // cut off before the head was complete
}

void TestConnections::pipelinedRequestsAreAnsweredInOrder()
{
    // Three requests at once, the last one refused: the answers come in order, the refusal
    // last, and the connection closes after it.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    socket.write("GET /style.css HTTP/1.1\r\n" + Host + "\r\n" + Healthz
                 + "GET /healthz HTTP/1.1\r\n\r\n");
    QByteArray answer;
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    answer += socket.readAll();
    QCOMPARE(answerCount(answer), 3);
    const qsizetype css = answer.indexOf("Content-Type: text/css");
    const qsizetype ok = answer.indexOf("\r\n\r\nok\n");
    const qsizetype refused = answer.indexOf("HTTP/1.1 400 ");
    QVERIFY2(css > 0 && ok > css && refused > ok, answer.right(600).constData());
}

void TestConnections::pipeliningFarAheadIsAnsweredInPartThenClosed()
{
    // 200 KB of requests at once: those within the server's read-ahead (one largest request,
    // 80 KiB) are answered in order, then the connection closes; the client would send the
    // rest again (RFC 9112 §9.3.2). The server's memory for it stays bounded.
    const int sent = 200'000 / int(Healthz.size());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    socket.write(Healthz.repeated(sent));
    QByteArray answers;
    QTRY_VERIFY_WITH_TIMEOUT(
        (answers += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 10000);
    answers += socket.readAll();
    const int answered = answerCount(answers);
    QVERIFY2(answered >= 80 * 1024 / Healthz.size() - 1 && answered < sent,
             qPrintable(QStringLiteral("%1 of %2 answered").arg(answered).arg(sent)));
    QVERIFY2(answers.endsWith("\r\n\r\nok\n"),
             answers.right(300).constData()); // whole answers only
    conformance::verifyServerStillServes(*m_hub, m_market);
    conformance::verifyNoSocketIsLeft(*m_hub);
}

void TestConnections::answersBeforeAPipelinedStreamAreKept()
{
    // A stream pipelined behind other requests: their answers, Qt's and the guard's, come
    // first and whole, then the stream. (The stream set takes the connection over from Qt,
    // which still held them: they were lost.)
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    socket.write(Healthz + "GET //x HTTP/1.1\r\n" + Host + "\r\n" + "GET /stream HTTP/1.1\r\n"
                 + Host + "\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("event: status"), 5000);
    QVERIFY2(answerCount(answer) == 3, answer.left(600).constData());
    const qsizetype ok = answer.indexOf("\r\n\r\nok\n");
    const qsizetype notFound = answer.indexOf("HTTP/1.1 404 ");
    const qsizetype stream = answer.indexOf("Content-Type: text/event-stream");
    QVERIFY2(answer.startsWith("HTTP/1.1 200 ") && ok > 0 && notFound > ok && stream > notFound,
             answer.left(600).constData());
    socket.abort();
    conformance::verifyNoSocketIsLeft(*m_hub);
}

void TestConnections::answersAClientDoesNotReadDoNotPileUp()
{
    // 1,800 pipelined requests for the 12 KB feed.js (within the 80 KiB read-ahead) from a
    // client that reads nothing: 22 MB of answers. Once the kernel's buffers are full, the
    // server queues at most 64 KiB and one answer more, then waits for the client to read;
    // after the idle timeout (1 s here) it gives up on it.
    const QByteArray request = "GET /feed.js HTTP/1.1\r\n" + Host + "\r\n";
    QTcpSocket stalled;
    stalled.setReadBufferSize(1);
    stalled.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    QVERIFY(stalled.waitForConnected(5000));
    stalled.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    stalled.write(request.repeated(1800));
    qint64 mostQueued = 0;
    QTimer sample;
    connect(&sample, &QTimer::timeout, this, [&] {
        for (const QTcpSocket *socket : m_hub->findChildren<QTcpSocket *>())
            mostQueued = qMax(mostQueued, socket->bytesToWrite());
    });
    sample.start(5);
    QTRY_VERIFY(mostQueued > 0); // the kernel's buffers are full: the server starts queuing
    QTRY_COMPARE_WITH_TIMEOUT(m_hub->findChildren<QTcpSocket *>().size(), 0, 10000);
    QVERIFY2(mostQueued <= 64 * 1024 + 13 * 1024, qPrintable(QString::number(mostQueued)));
}

void TestConnections::aRequestQtReadsShorterIsNotSmuggled()
{
    // Qt 6.4 keeps no header at all of a head with more than 100, Content-Length included: it
    // took this request as one without a body, and the body, itself a request, was answered
    // too (two answers to one request). What Qt leaves of a request is never a request.
    QByteArray request = "GET /healthz HTTP/1.1\r\n" + Host;
    for (int i = 0; i < 99; ++i)
        request += "X-" + QByteArray::number(i) + ": a\r\n";
    request += "Content-Length: " + QByteArray::number(Healthz.size()) + "\r\n\r\n" + Healthz;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    socket.write(request);
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT(
        (answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 5000);
    answer += socket.readAll();
    QVERIFY2(answerCount(answer) == 1, answer.left(600).constData());
    QVERIFY2(answer.startsWith("HTTP/1.1 4"), answer.left(600).constData());
    conformance::verifyNoSocketIsLeft(*m_hub);
}

void TestConnections::aWebSocketUpgradeIsAnsweredOnce()
{
    // Qt 6.4 answers a request it reads as a WebSocket upgrade with the route, then again with
    // the missing handler (a 405 or a second 404), then closes. One request, one answer.
    for (const QByteArray path : { "/healthz", "/nope" }) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
        socket.write("GET " + path + " HTTP/1.1\r\n" + Host
                     + "Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState),
            5000);
        answer += socket.readAll();
        QVERIFY2(answerCount(answer) == 1, answer.left(900).constData());
    }
    conformance::verifyNoSocketIsLeft(*m_hub);
}

void TestConnections::aClientThatEndsItsSendingGetsItsAnswers()
{
    // A client that sends its requests, ends its sending half (`nc -N`, a script's shutdown)
    // and reads until the close gets the answers: Qt closes the socket as soon as it reads the
    // end of file, and dropped the answers it had not written out yet.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(Healthz + Healthz);
    QVERIFY(socket.waitForBytesWritten(5000));
    if (!shutdownSending(socket.socketDescriptor()))
        QSKIP("this build has no half-close");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT(
        (answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 5000);
    answer += socket.readAll();
    QVERIFY2(answerCount(answer) == 2 && answer.endsWith("\r\n\r\nok\n"), answer.constData());
    conformance::verifyNoSocketIsLeft(*m_hub);
}

void TestConnections::aClientThatEndsItsSendingGetsItsStreamsOpening()
{
    // The same for a stream opened at accept, whose request the server only peeked at: closed
    // with that request unread, its socket would send a reset, and the kernel would drop the
    // part of the opening (here 300 missed ticks, about 33 KB) that the client had not read
    // yet. The stream ends at the client's end of file, as any stream does (a browser that
    // leaves sends nothing else), but after what the kernel already holds.
    MarketSimulator market;
    market.setSeed(7);
    const auto hub = conformance::startStrictHub(market);
    QVERIFY(hub);
    connect(&market, &MarketSimulator::quoteUpdated, hub.get(), &StreamHub::addTick);
    for (int i = 0; i < 300; ++i)
        market.tick();
    // A client with a small receive window, which reads nothing until the server has ended the
    // stream: what the server's kernel still holds for it then is what a reset would destroy.
    // Its request and its end of file leave together, as from `nc -N`.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const int window = 4096;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &window, sizeof window);
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(hub->serverPort());
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server), 0);
    const QByteArray request
        = "GET /stream HTTP/1.1\r\n" + Host + "Last-Event-ID: " + hub->runId() + "-0\r\n\r\n";
    QCOMPARE(::send(fd, request.constData(), size_t(request.size()), 0), ssize_t(request.size()));
    if (!shutdownSending(fd)) {
        ::close(fd);
        QSKIP("this build has no half-close");
    }
    // The stream was opened (its opening sent) and has ended; it can be over before the
    // client count ever said 1.
    QTRY_VERIFY(hub->metrics().bytesSent > 0 && hub->clientCount() == 0);
    const timeval fiveSeconds { 5, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &fiveSeconds, sizeof fiveSeconds);
    QByteArray received;
    std::array<char, 4096> chunk {};
    ssize_t n = 0;
    while ((n = ::recv(fd, chunk.data(), chunk.size(), 0)) > 0)
        received.append(chunk.data(), n);
    const int error = n < 0 ? errno : 0;
    ::close(fd);
    QVERIFY2(error == 0, qPrintable(qt_error_string(error))); // an end of file, not a reset
    const QByteArray lastId = "id: " + hub->runId() + "-300\n";
    QVERIFY2(received.contains(lastId),
             qPrintable(QStringLiteral("%1 bytes, ending %2")
                            .arg(received.size())
                            .arg(QString::fromUtf8(received.right(120)))));
}

void TestConnections::aLastAnswerSaysOnlyClose()
{
    // HEAD /stream answers with a stream's headers, `Connection: keep-alive` among them: the
    // last answer of a connection said both keep-alive and close.
    for (const QByteArray &request :
         { "HEAD /stream HTTP/1.1\r\n" + Host + "Connection: close\r\n\r\n",
           QByteArray("HEAD /stream HTTP/1.0\r\n\r\n") }) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
        socket.write(request);
        QByteArray answer;
        QTRY_VERIFY((answer += socket.readAll()).contains("\r\n\r\n"));
        QVERIFY2(answer.count("\r\nConnection: ") == 1
                     && answer.contains("\r\nConnection: close\r\n"),
                 answer.constData());
    }
}

void TestConnections::headOfAFullServerIsRefusedAsGetIs()
{
    ServerSettings settings = localServerSettings();
    settings.maxClients = 0;
    const std::unique_ptr<StreamHub> full = startLocalHub(m_market, settings);
    QVERIFY(full);
    for (const QByteArray method : { "GET", "HEAD" }) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, full->serverPort());
        socket.write(method + " /stream HTTP/1.1\r\n" + Host + "\r\n");
        QByteArray answer;
        QTRY_VERIFY((answer += socket.readAll()).contains("\r\n\r\n"));
        QVERIFY2(answer.startsWith("HTTP/1.1 503 "), answer.constData());
        QVERIFY2(answer.contains("Retry-After: "), answer.constData());
    }
}

void TestConnections::idleKeepAliveConnectionIsClosed()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    socket.write("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY(socket.bytesAvailable() > 0);
    // Keep-alive: the connection stays open after the answer, but not forever.
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    conformance::verifyNoSocketIsLeft(*m_hub);
}

QTEST_GUILESS_MAIN(TestConnections)
#include "tst_connections.moc"
