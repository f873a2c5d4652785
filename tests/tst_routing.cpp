#include "localhub.h"

#include <QTcpSocket>
#include <QTest>

using namespace quotecast;

// Which answer each path and method gets, on a real server read by a raw socket: GET and HEAD
// of the page's files, the stream and the API; 404 for a path that names nothing (nor anything
// outside the page's files); 405 with `Allow` for every other method. Each error is a one-line
// text/plain body.
class TestRouting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void errorAnswer_data();
    void errorAnswer();
    void headIsGetWithoutTheBody_data();
    void headIsGetWithoutTheBody();
    void pageHasContentSecurityPolicy();

private:
    struct Answer
    {
        QByteArray statusLine;
        QByteArray head; // the header lines, each ending with \r\n
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };
    // Sends `request` and reads `count` answers on one connection (their bodies by
    // Content-Length; none for a HEAD's). Fails the test when they do not arrive.
    void ask(const QByteArray &request, QList<Answer> *answers, int count = 1,
             const QList<bool> &headOnly = {});

    MarketSimulator m_market;
    std::unique_ptr<StreamHub> m_hub;
};

void TestRouting::initTestCase()
{
    m_hub = startLocalHub(m_market);
    QVERIFY(m_hub);
}

void TestRouting::cleanupTestCase()
{
    m_hub.reset();
}

QByteArray TestRouting::Answer::header(const QByteArray &name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void TestRouting::ask(const QByteArray &request, QList<Answer> *answers, int count,
                      const QList<bool> &headOnly)
{
    answers->clear();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_hub->serverPort());
    QVERIFY2(socket.waitForConnected(5000), qPrintable(socket.errorString()));
    socket.write(request);
    QByteArray received;
    // Splits off each whole answer from `received`; true once `count` of them are there.
    const auto complete = [&] {
        received += socket.readAll();
        while (answers->size() < count) {
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            Answer answer;
            const qsizetype firstLineEnd = received.indexOf("\r\n");
            answer.statusLine = received.left(firstLineEnd);
            answer.head = received.mid(firstLineEnd + 2, end - firstLineEnd);
            const bool noBody = headOnly.value(answers->size(), false);
            const qsizetype length = noBody ? 0 : answer.header("Content-Length").toLongLong();
            if (received.size() < end + 4 + length)
                return false;
            answer.body = received.mid(end + 4, length);
            received.remove(0, end + 4 + length);
            answers->append(answer);
        }
        return true;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(complete(), qPrintable("answered so far: " + received.left(400)),
                              5000);
    QVERIFY2(received.isEmpty(), qPrintable("more than asked for: " + received.left(400)));
}

void TestRouting::errorAnswer_data()
{
    QTest::addColumn<QByteArray>("request"); // method and target
    QTest::addColumn<int>("status");
    // Paths that name nothing, including every way out of the page's files.
    for (const char *target :
         { "/nope", "/a/b/c", "/api/nothing", "/../CMakeLists.txt", "/../../etc/passwd",
           "/%2e%2e/%2e%2e/etc/passwd", "/..%2fCMakeLists.txt", "/%252e%252e%252fetc%252fpasswd",
           "/..\\..\\CMakeLists.txt", "/index.html%00.js", "/:/web/index.html" })
        QTest::addRow("GET %s", target) << "GET " + QByteArray(target) << 404;
    // The server is read-only: GET and HEAD, nothing else, on any path it knows.
    for (const char *path :
         { "/", "/app.js", "/stream", "/api/quotes", "/api/history", "/healthz", "/metrics" }) {
        for (const char *method : { "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
            QTest::addRow("%s %s", method, path) << method + QByteArray(" ") + path << 405;
    }
}

void TestRouting::errorAnswer()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QList<Answer> answers;
    ask(request + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n", &answers);
    if (QTest::currentTestFailed())
        return;
    const Answer &answer = answers.constFirst();
    QVERIFY2(answer.statusLine.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '),
             answer.statusLine.constData());
    QVERIFY2(answer.header("Content-Type").startsWith("text/plain"), answer.head.constData());
    // One line that says what was wrong: neither a file's content nor an echo of a huge path.
    QVERIFY2(answer.body.size() > 5 && answer.body.size() < 300
                 && answer.body.trimmed().count('\n') == 0,
             answer.body.constData());
    if (status == 405)
        QCOMPARE(answer.header("Allow"), QByteArray("GET, HEAD"));
    QCOMPARE(m_hub->clientCount(), 0);
}

void TestRouting::headIsGetWithoutTheBody_data()
{
    QTest::addColumn<QByteArray>("path");
    for (const char *path :
         { "/", "/app.js", "/stream", "/api/quotes", "/api/history", "/healthz", "/metrics" })
        QTest::addRow("%s", path) << QByteArray(path);
}

void TestRouting::headIsGetWithoutTheBody()
{
    QFETCH(QByteArray, path);
    // HEAD, then GET /healthz on the same connection: its answer must come right after the
    // HEAD's head, which proves that no body came in between.
    const QByteArray host = " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QList<Answer> answers;
    ask("HEAD " + path + host + "GET /healthz" + host, &answers, 2, { true, false });
    if (QTest::currentTestFailed())
        return;
    const Answer &head = answers.at(0);
    QCOMPARE(answers.at(1).statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(answers.at(1).body, QByteArray("ok\n"));
    QCOMPARE(m_hub->clientCount(), 0); // HEAD /stream opens no stream

    // The head a GET gets (a stream's only, which is all there is to compare).
    QList<Answer> gets;
    if (path == "/stream") {
        QCOMPARE(head.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(head.header("Content-Type"), QByteArray("text/event-stream"));
        return;
    }
    ask("GET " + path + host, &gets);
    if (QTest::currentTestFailed())
        return;
    const Answer &get = gets.constFirst();
    QCOMPARE(head.statusLine, get.statusLine);
    QCOMPARE(head.header("Content-Type"), get.header("Content-Type"));
    QVERIFY(!get.body.isEmpty());
    // /metrics tells its own uptime, whose digits change from one request to the next.
    if (path == "/metrics")
        QVERIFY(head.header("Content-Length").toInt() > 0);
    else
        QCOMPARE(head.header("Content-Length").toInt(), get.body.size());
}

void TestRouting::pageHasContentSecurityPolicy()
{
    const QByteArray host = " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    for (const QByteArray &path : { QByteArray("/"), QByteArray("/app.js") }) {
        QList<Answer> answers;
        ask("GET " + path + host, &answers);
        if (QTest::currentTestFailed())
            return;
        const Answer &answer = answers.constFirst();
        QCOMPARE(answer.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QVERIFY2(answer.header("Content-Security-Policy").contains("script-src 'self'"),
                 answer.head.constData());
        QVERIFY(!answer.header("Content-Security-Policy").contains("unsafe-inline"));
        if (path == "/")
            QCOMPARE(answer.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    }
}

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
