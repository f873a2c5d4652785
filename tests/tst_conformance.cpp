#include "conformance.h"

#include <QRegularExpression>
#include <QTest>

using namespace quotecast;

// Every request a client may send, hostile, malformed, odd or merely strict, against a real
// server: as the first request of a connection and again as a later one on a kept-alive
// connection. Each row asserts the status and its text, whether the connection closes, that
// nothing is answered after a close, that a connection left open still serves (and that the
// first answer ended where its head said), that a new client is served, and that no socket is
// left. RFC 9110 and RFC 9112, sections in the rows. (What happens over a connection's life,
// pipelining, deadlines and backpressure, is tst_connections'; which path or method gets a 404
// or a 405 is tst_routing's.)
class TestConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void request_data();
    void request();

private:
    MarketSimulator m_market;
    std::unique_ptr<StreamHub> m_hub;
};

namespace {
using namespace conformance;

// What the connection does after the answer.
namespace After {
enum { StaysOpen, Closes, Streams };
}
} // namespace

void TestConformance::initTestCase()
{
    m_hub = conformance::startStrictHub(m_market);
    QVERIFY(m_hub);
}

void TestConformance::cleanupTestCase()
{
    m_hub.reset();
}

void TestConformance::request_data()
{
    QTest::addColumn<bool>("later"); // after a first request answered on the same connection
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("says"); // in the answer's head or body
    QTest::addColumn<int>("after");

    const auto get = [](const QByteArray &target) {
        return "GET " + target + " HTTP/1.1\r\n" + Host + "\r\n";
    };
    const auto row = [](const char *name, const QByteArray &request, int status,
                        const QByteArray &says, int after) {
        for (const bool later : { false, true }) {
            QTest::addRow("%s: %s", later ? "later" : "first", name)
                << later << request << status << says << after;
        }
    };
    const int Closes = After::Closes;
    const int StaysOpen = After::StaysOpen;

    // Malformed
    row("TLS handshake", "\x16\x03\x01\x02\x05garbage", 400, "Malformed request line", Closes);
    row("binary noise with line ends", "\x01\x02\x03\r\n\r\n", 400, "Malformed request line",
        Closes);
    row("blank lines only", "\r\n\r\n", 400, "Malformed", Closes);
    row("one word", "HELLO\r\n\r\n", 400, "Malformed", Closes);
    row("no version", "GET /\r\n\r\n", 400, "Malformed", Closes);
    row("extra spaces", "GET / / HTTP/1.1\r\n" + Host + "\r\n", 400, "Malformed", Closes);
    row("target without slash", "GET index.html HTTP/1.1\r\n" + Host + "\r\n", 400, "Malformed",
        Closes);
    row("lower-case method", "get / HTTP/1.1\r\n" + Host + "\r\n", 501, "Unknown method", Closes);
    row("unknown method", "BREW /pot HTTP/1.1\r\n" + Host + "\r\n", 501, "Unknown method", Closes);
    row("TRACE, which Qt 6.4 does not know", "TRACE / HTTP/1.1\r\n" + Host + "\r\n", 501,
        "Unknown method", Closes);
    row("HTTP/2.0", "GET / HTTP/2.0\r\n" + Host + "\r\n", 505, "HTTP/1.1", Closes);
    row("HTTP/0.9 style", "GET / HTTP/0.9\r\n\r\n", 505, "HTTP/1.1", Closes);
    row("header without colon", "GET / HTTP/1.1\r\n" + Host + "NoColon\r\n\r\n", 400,
        "Malformed header", Closes);
    row("space in header name", "GET / HTTP/1.1\r\n" + Host + "Bad Name: x\r\n\r\n", 400,
        "Malformed header", Closes);
    row("space before the colon (RFC 9112 §5.1)", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400,
        "Malformed header", Closes);
    row("obsolete line folding (RFC 9112 §5.2)",
        "GET / HTTP/1.1\r\n" + Host + "X-A: 1\r\n  folded\r\n\r\n", 400, "Malformed header",
        Closes);
    row("bare CR in a header value (RFC 9112 §2.2)",
        "GET / HTTP/1.1\r\n" + Host + "X-A: 1\rUpgrade: websocket\r\n\r\n", 400, "Malformed header",
        Closes);
    row("bare CR in the target (RFC 9112 §2.2)", "GET /a\rb HTTP/1.1\r\n" + Host + "\r\n", 400,
        "Malformed request line", Closes);
    row("NUL in a header", QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n", 36), 400,
        "Malformed", Closes);
    // Too large
    row("URL of 100 KB", get("/" + QByteArray(100'000, 'a')), 414, "8 KiB", Closes);
    row("header of 100 KB", "GET / HTTP/1.1\r\nX-Big: " + QByteArray(100'000, 'b') + "\r\n\r\n",
        431, "16384 bytes", Closes);
    QByteArray many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 3000; ++i)
        many += "X-" + QByteArray::number(i) + ": y\r\n";
    row("3000 headers", many + "\r\n", 431, "16384 bytes", Closes);
    // What Qt 6.4 would read as a request without headers, so without its Content-Length.
    QByteArray hundredAndOne = "POST /healthz HTTP/1.1\r\n" + Host;
    for (int i = 0; i < 99; ++i) // and Host and Content-Length
        hundredAndOne += "X-" + QByteArray::number(i) + ": y\r\n";
    row("101 header fields", hundredAndOne + "Content-Length: 3\r\n\r\nabc", 431, "More than 100",
        Closes);
    row("a header field of 9 KB",
        "GET / HTTP/1.1\r\n" + Host + "X-Big: " + QByteArray(9000, 'b') + "\r\n\r\n", 431, "8 KiB",
        Closes);
    row("huge Content-Length", "POST / HTTP/1.1\r\n" + Host + "Content-Length: 99999999999\r\n\r\n",
        413, "read-only", Closes);
    // Framing (RFC 9112 §6): what could smuggle a request past the checks gets 400 and a close,
    // and the request hidden in the body is never answered.
    const QByteArray hidden = get("/healthz");
    row("chunked body",
        "POST /stream HTTP/1.1\r\n" + Host
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        501, "read-only", Closes);
    row("Content-Length and Transfer-Encoding (RFC 9112 §6.1)",
        "POST /healthz HTTP/1.1\r\n" + Host
            + "Content-Length: " + QByteArray::number(hidden.size() + 5)
            + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden,
        400, "Transfer-Encoding", Closes);
    row("two Content-Lengths (RFC 9112 §6.3)",
        "GET /healthz HTTP/1.1\r\n" + Host + "Content-Length: 0\r\nContent-Length: "
            + QByteArray::number(hidden.size()) + "\r\n\r\n" + hidden,
        400, "Content-Length", Closes);
    row("Content-Length not a number", "POST / HTTP/1.1\r\n" + Host + "Content-Length: abc\r\n\r\n",
        400, "Content-Length", Closes);
    row("negative Content-Length", "POST / HTTP/1.1\r\n" + Host + "Content-Length: -1\r\n\r\n", 400,
        "Content-Length", Closes);
    row("signed Content-Length (RFC 9110 §8.6)",
        "POST / HTTP/1.1\r\n" + Host + "Content-Length: +3\r\n\r\nabc", 400, "Content-Length",
        Closes);
    // Host (RFC 9112 §3.2)
    row("HTTP/1.1 without Host", "GET /healthz HTTP/1.1\r\n\r\n", 400, "Host", Closes);
    row("two Hosts", "GET /healthz HTTP/1.1\r\n" + Host + Host + "\r\n", 400, "Host", Closes);
    // Closing (RFC 9112 §9.6, §9.3): the answer says so, and what follows is not answered.
    row("Connection: close",
        "GET /healthz HTTP/1.1\r\n" + Host + "Connection: close\r\n\r\n" + hidden, 200,
        "Connection: close", Closes);
    row("Connection: keep-alive, close",
        "GET /healthz HTTP/1.1\r\n" + Host + "Connection: keep-alive, Close\r\n\r\n" + hidden, 200,
        "Connection: close", Closes);
    row("HTTP/1.0", "GET /healthz HTTP/1.0\r\n\r\n" + hidden, 200, "Connection: close", Closes);
    row("HTTP/1.0 page", "GET / HTTP/1.0\r\n\r\n", 200, "</html>", Closes);
    // Expect (RFC 9110 §10.1.1): every endpoint is read-only, so the answer comes at once.
    row("Expect: 100-continue",
        "POST /healthz HTTP/1.1\r\n" + Host + "Expect: 100-continue\r\nContent-Length: 100\r\n\r\n",
        405, "Connection: close", Closes);
    row("an unknown expectation", "GET /healthz HTTP/1.1\r\n" + Host + "Expect: tea\r\n\r\n", 417,
        "100-continue", Closes);
    // Odd but legitimate
    row("HTTP/1.2 is handled as 1.1 (RFC 9110 §2.5)", "GET /healthz HTTP/1.2\r\n" + Host + "\r\n",
        200, "ok", StaysOpen);
    row("HTTP/1.2 with a body",
        "POST /healthz HTTP/1.2\r\n" + Host + "Content-Length: 3\r\n\r\nabc", 405, "read-only",
        StaysOpen);
    row("bare LF line ends", "GET /healthz HTTP/1.1\nHost: x\n\n", 200, "ok", StaysOpen);
    row("one empty line first (RFC 9112 §2.2)", "\r\n" + hidden, 200, "ok", StaysOpen);
    row("absolute URI", "GET http://127.0.0.1/healthz HTTP/1.1\r\n" + Host + "\r\n", 200, "ok",
        StaysOpen);
    row("a body on a GET", "GET /healthz HTTP/1.1\r\n" + Host + "Content-Length: 3\r\n\r\nabc", 200,
        "ok", StaysOpen);
    row("HTTP/1.0 stream", "GET /stream HTTP/1.0\r\n\r\n", 200, "event: status", After::Streams);
    // One path, one resource: Qt would read `//x/healthz` as host x, path /healthz.
    row("//x/healthz", get("//x/healthz"), 404, "Not found", StaysOpen);
    row("//x/stream", get("//x/stream"), 404, "Not found", StaysOpen);
    // An error never repeats what the client sent.
    row("404 does not echo the path", get("/%3Cscript%3Eetc/passwd"), 404, "Not found\n",
        StaysOpen);
    // HEAD answers what GET would (RFC 9110 §9.3.2), without a body.
    row("HEAD of a bad stream filter", "HEAD /stream?symbols=1NOPE HTTP/1.1\r\n" + Host + "\r\n",
        400, "Content-Length", StaysOpen);
    row("HEAD of the page", "HEAD / HTTP/1.1\r\n" + Host + "\r\n", 200, "Content-Length",
        StaysOpen);
    row("HEAD of a // path", "HEAD //x/healthz HTTP/1.1\r\n" + Host + "\r\n", 404, "Content-Length",
        StaysOpen);
    // A server without WebSockets ignores Upgrade (RFC 9110 §7.8); Qt 6.4 would take it up.
    row("Upgrade: websocket",
        "GET /healthz HTTP/1.1\r\n" + Host + "Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
        200, "ok", StaysOpen);
    // Too slow: a first request must come in time; a later one too (an idle connection that
    // sends nothing more is closed without an answer, see idleKeepAliveConnectionIsClosed).
    row("half a request, then silence", "GET / HTTP/1.1\r\nHost: x\r\n", 408, "in time", Closes);
    QTest::addRow("first: connects, sends nothing")
        << false << QByteArray() << 408 << QByteArray("in time") << Closes;
}

void TestConformance::request()
{
    QFETCH(bool, later);
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, says);
    QFETCH(int, after);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    QByteArray first;
    if (later) {
        socket.write(Healthz);
        QTRY_VERIFY((first += socket.readAll()).endsWith("\r\n\r\nok\n"));
    }
    socket.write(request);
    QByteArray answer;
    const auto complete = [&] {
        answer += socket.readAll();
        const bool closed = socket.state() != QAbstractSocket::ConnectedState;
        return answer.contains(says) && (after != After::Closes || closed);
    };
    QTRY_VERIFY_WITH_TIMEOUT(complete(), 10000);
    const QByteArray shown = answer.left(400);
    QVERIFY2(answer.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '), shown.constData());
    // RFC 9110 §6.6.1 and the same safety headers on every answer, refusals and streams too.
    QVERIFY2(answer.contains("\r\nDate: "), shown.constData());
    QVERIFY2(answer.contains("\r\nX-Content-Type-Options: nosniff\r\n"), shown.constData());
    QVERIFY2(!answer.contains("passwd") && !answer.contains("%3C"), shown.constData());

    if (after == After::Closes) {
        QCOMPARE(answerCount(answer), 1); // nothing after the close is answered
        QVERIFY2(answer.contains("\r\nConnection: close\r\n"), shown.constData());
    } else if (after == After::StaysOpen) {
        QVERIFY2(!answer.contains("Connection: close"), shown.constData());
        socket.write(Healthz);
        QTRY_VERIFY_WITH_TIMEOUT(
            answerCount(answer += socket.readAll()) == 2 && answer.endsWith("\r\n\r\nok\n"), 5000);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        // The first answer ended where its head said: no body for HEAD, else Content-Length.
        static const QRegularExpression length(QStringLiteral("\r\nContent-Length: (\\d+)\r\n"));
        const qsizetype headEnd = answer.indexOf("\r\n\r\n") + 4;
        const QRegularExpressionMatch declared
            = length.match(QString::fromLatin1(answer.left(headEnd)));
        const qsizetype bodyBytes = request.startsWith("HEAD ") || !declared.hasMatch()
            ? 0
            : declared.captured(1).toLongLong();
        QVERIFY2(answer.mid(headEnd + bodyBytes).startsWith("HTTP/1.1 "), shown.constData());
    }

    socket.abort();
    conformance::verifyServerStillServes(*m_hub, m_market);
    if (QTest::currentTestFailed())
        return;
    conformance::verifyNoSocketIsLeft(*m_hub);
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
