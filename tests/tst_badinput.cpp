#include "localhub.h"
#include "sseclient.h"

#include <QTest>

using namespace quotecast;

// Hostile and odd requests against a real server: each gets a clear answer or a clean
// close, and afterwards the server still serves a normal client and holds no socket for it.
// (Which path or method gets a 404 or a 405 is tst_routing's.)
class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void hostileRequest_data();
    void hostileRequest();
    void idleKeepAliveConnectionIsClosed();

private:
    // Fails the test unless a new client gets a whole stream's preamble.
    void verifyServerStillServes();
    // Fails the test unless the server has let go of every connection.
    void verifyNoSocketIsLeft();

    MarketSimulator m_model;
    std::unique_ptr<StreamHub> m_hub;
};

void TestBadInput::initTestCase()
{
    ServerSettings settings = localServerSettings();
    settings.requestTimeoutMs = 1000;
    settings.idleTimeoutMs = 1000;
    m_hub = startLocalHub(m_model, settings);
    QVERIFY(m_hub);
}

void TestBadInput::cleanupTestCase()
{
    m_hub.reset();
}

void TestBadInput::verifyServerStillServes()
{
    SseClient client;
    client.open(m_hub->serverPort());
    const StreamPreamble preamble = StreamPreamble::of(m_model);
    QVERIFY2(client.waitForBlocks(preamble.blocks()),
             qPrintable(QStringLiteral("a normal client got %1 of the preamble's %2 blocks: %3")
                            .arg(client.blocks().size())
                            .arg(preamble.blocks())
                            .arg(QString::fromUtf8(client.body().left(300)))));
    QCOMPARE(client.statusCode(), 200);
}

void TestBadInput::verifyNoSocketIsLeft()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_hub->findChildren<QTcpSocket *>().size(), 0, 5000);
}

void TestBadInput::hostileRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("says"); // in the body, or the headers for HEAD

    const QByteArray host = "Host: 127.0.0.1\r\n";
    const auto get = [&](const QByteArray &target) {
        return "GET " + target + " HTTP/1.1\r\n" + host + "\r\n";
    };
    // Malformed
    QTest::addRow("TLS handshake")
        << QByteArray("\x16\x03\x01\x02\x05garbage") << 400 << QByteArray("Malformed request line");
    QTest::addRow("binary noise with line ends")
        << QByteArray("\x01\x02\x03\r\n\r\n") << 400 << QByteArray("Malformed request line");
    QTest::addRow("blank lines only") << QByteArray("\r\n\r\n") << 400 << QByteArray("Malformed");
    QTest::addRow("one word") << QByteArray("HELLO\r\n\r\n") << 400 << QByteArray("Malformed");
    QTest::addRow("no version") << QByteArray("GET /\r\n\r\n") << 400 << QByteArray("Malformed");
    QTest::addRow("extra spaces") << QByteArray("GET / / HTTP/1.1\r\n\r\n") << 400
                                  << QByteArray("Malformed");
    QTest::addRow("target without slash")
        << QByteArray("GET index.html HTTP/1.1\r\n\r\n") << 400 << QByteArray("Malformed");
    QTest::addRow("lower-case method")
        << QByteArray("get / HTTP/1.1\r\n\r\n") << 501 << QByteArray("Unknown method");
    QTest::addRow("unknown method")
        << QByteArray("BREW /pot HTTP/1.1\r\n\r\n") << 501 << QByteArray("Unknown method");
    QTest::addRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505
                              << QByteArray("HTTP/1.1");
    QTest::addRow("HTTP/0.9 style")
        << QByteArray("GET / HTTP/0.9\r\n\r\n") << 505 << QByteArray("HTTP/1.1");
    QTest::addRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400 << QByteArray("Malformed header");
    QTest::addRow("space in header name") << QByteArray("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n")
                                          << 400 << QByteArray("Malformed header");
    QTest::addRow("NUL in a header")
        << QByteArray("GET / HTTP/1.1\r\nX: a\0b\r\n\r\n", 27) << 400 << QByteArray("Malformed");
    // Too large
    QTest::addRow("URL of 100 KB")
        << get("/" + QByteArray(100'000, 'a')) << 414 << QByteArray("8 KiB");
    QTest::addRow("header of 100 KB")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(100'000, 'b') + "\r\n\r\n") << 431
        << QByteArray("16384 bytes");
    QByteArray many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 3000; ++i)
        many += "X-" + QByteArray::number(i) + ": y\r\n";
    QTest::addRow("3000 headers") << many + "\r\n" << 431 << QByteArray("16384 bytes");
    QTest::addRow("huge Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n") << 413
        << QByteArray("read-only");
    QTest::addRow("chunked body") << QByteArray(
        "POST /stream HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0"
        "\r\n\r\n") << 501 << QByteArray("read-only");
    QTest::addRow("Content-Length not a number")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n") << 400
        << QByteArray("Content-Length");
    QTest::addRow("negative Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400
        << QByteArray("Content-Length");
    // Odd but legitimate
    QTest::addRow("HTTP/1.0 page")
        << QByteArray("GET / HTTP/1.0\r\n\r\n") << 200 << QByteArray("</html>");
    QTest::addRow("HTTP/1.0 stream")
        << QByteArray("GET /stream HTTP/1.0\r\n\r\n") << 200 << QByteArray("event: status");
    QTest::addRow("bare LF line ends")
        << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << 200 << QByteArray("</html>");
    QTest::addRow("absolute URI") << QByteArray("GET http://127.0.0.1/ HTTP/1.1\r\n\r\n") << 200
                                  << QByteArray("</html>");
    // Too slow
    QTest::addRow("half a request, then silence")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n") << 408 << QByteArray("in time");
    QTest::addRow("connects, sends nothing") << QByteArray() << 408 << QByteArray("in time");
}

void TestBadInput::hostileRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, says);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(request);
    QByteArray response;
    const auto answered = [&] {
        response += socket.readAll();
        return response.contains(says) || socket.state() != QAbstractSocket::ConnectedState;
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), 10000);
    response += socket.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '),
             response.left(200).constData());
    QVERIFY2(response.contains(says), response.left(400).constData());

    socket.abort();
    verifyServerStillServes();
    if (QTest::currentTestFailed())
        return;
    verifyNoSocketIsLeft();
}

void TestBadInput::idleKeepAliveConnectionIsClosed()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    socket.write("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY(socket.bytesAvailable() > 0);
    // Keep-alive: the connection stays open after the answer, but not forever.
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    verifyNoSocketIsLeft();
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
