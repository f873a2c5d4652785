#include <server/requestframer.h>
#include <server/streamrequest.h>

#include <QTest>

#include <optional>
#include <variant>

using namespace quotecast;

// What a GET /stream asks for, read on its own: the id it resumes after, its symbols, and
// whether the direct path (GuardedTcpServer) may open it. tst_streamresume has the resumed
// streams, on the wire, by either path.
class TestStreamRequest : public QObject
{
    Q_OBJECT

private slots:
    void lastEventId_data();
    void lastEventId();
    void resumeSeq_data();
    void resumeSeq();
    void symbolFilter_data();
    void symbolFilter();
    void directStream_data();
    void directStream();
};

namespace {
// The first request the guard frames from `bytes`, as GuardedTcpServer offers it; nullopt
// when the framer refuses it or waits for more.
std::optional<RequestFramer::Request> framed(const QByteArray &bytes)
{
    RequestFramer framer;
    framer.append(bytes);
    const std::optional<RequestFramer::Item> item = framer.next();
    if (!item || !std::holds_alternative<RequestFramer::Request>(*item))
        return std::nullopt;
    return std::get<RequestFramer::Request>(*item);
}
} // namespace

void TestStreamRequest::lastEventId_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("id");

    QTest::addRow("neither") << QByteArray() << "symbols=AAPL" << QByteArray();
    QTest::addRow("header") << QByteArray("run-7") << "" << QByteArray("run-7");
    QTest::addRow("query") << QByteArray() << "lastEventId=run-7" << QByteArray("run-7");
    QTest::addRow("the header wins")
        << QByteArray("run-8") << "lastEventId=run-7" << QByteArray("run-8");
    QTest::addRow("query decoded")
        << QByteArray() << "lastEventId=r%C3%A9%20n-7" << QByteArray("r\xc3\xa9 n-7");
    QTest::addRow("any bytes in the header")
        << QByteArray("\x01\xff-") << "" << QByteArray("\x01\xff-");
}

void TestStreamRequest::lastEventId()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, query);
    QFETCH(QByteArray, id);
    QCOMPARE(StreamRequest::lastEventId(header, QUrlQuery(query)), id);
}

void TestStreamRequest::resumeSeq_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QByteArray>("runId");
    QTest::addColumn<std::optional<quint64>>("seq");

    const std::optional<quint64> none;
    QTest::addRow("this run") << QByteArray("lz3k9a1b-42") << QByteArray("lz3k9a1b")
                              << std::optional<quint64>(42);
    QTest::addRow("zero") << QByteArray("run-0") << QByteArray("run") << std::optional<quint64>(0);
    QTest::addRow("largest") << QByteArray("run-18446744073709551615") << QByteArray("run")
                             << std::optional<quint64>(18'446'744'073'709'551'615ULL);
    QTest::addRow("past 2^64 - 1")
        << QByteArray("run-18446744073709551616") << QByteArray("run") << none;
    QTest::addRow("another run") << QByteArray("other-42") << QByteArray("run") << none;
    QTest::addRow("a run's prefix") << QByteArray("ru-42") << QByteArray("run") << none;
    QTest::addRow("no dash") << QByteArray("run42") << QByteArray("run") << none;
    QTest::addRow("no run") << QByteArray("-42") << QByteArray("") << none;
    QTest::addRow("no number") << QByteArray("run-") << QByteArray("run") << none;
    QTest::addRow("run ends at the last dash")
        << QByteArray("run-1-2") << QByteArray("run") << none;
    QTest::addRow("a run with a dash")
        << QByteArray("run-1-2") << QByteArray("run-1") << std::optional<quint64>(2);
    QTest::addRow("plus sign") << QByteArray("run-+5") << QByteArray("run")
                               << std::optional<quint64>(5);
    QTest::addRow("spaces") << QByteArray("run- 5 ") << QByteArray("run")
                            << std::optional<quint64>(5);
    QTest::addRow("hexadecimal") << QByteArray("run-0x5") << QByteArray("run") << none;
    QTest::addRow("not a number") << QByteArray("run-4x") << QByteArray("run") << none;
    QTest::addRow("empty") << QByteArray() << QByteArray("run") << none;
}

void TestStreamRequest::resumeSeq()
{
    QFETCH(QByteArray, id);
    QFETCH(QByteArray, runId);
    QFETCH(std::optional<quint64>, seq);
    const std::optional<quint64> parsed = StreamRequest::resumeSeq(id, runId);
    QCOMPARE(parsed.has_value(), seq.has_value());
    if (seq)
        QCOMPARE(*parsed, *seq);
}

void TestStreamRequest::symbolFilter_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("symbols"); // sorted; empty: all
    QTest::addColumn<QString>("error");

    QTest::addRow("no parameter") << "" << QStringList() << "";
    QTest::addRow("one") << "symbols=AAPL" << QStringList { "AAPL" } << "";
    QTest::addRow("lower case and spaces")
        << "symbols=%20aapl%20,msft" << QStringList { "AAPL", "MSFT" } << "";
    QTest::addRow("twice") << "symbols=AAPL,aapl" << QStringList { "AAPL" } << "";
    QTest::addRow("encoded comma") << "symbols=AAPL%2CMSFT" << QStringList { "AAPL", "MSFT" } << "";
    const QString refusal = QStringLiteral("Bad request: name %1 of symbols= %2 (a symbol is a "
                                           "letter, then up to 9 letters, digits or dots; the "
                                           "feed has AAPL,MSFT)");
    QTest::addRow("empty value") << "symbols=" << QStringList() << refusal.arg(1).arg("is empty");
    QTest::addRow("trailing comma")
        << "symbols=AAPL," << QStringList() << refusal.arg(2).arg("is empty");
    // The feed's symbols change while it runs: a name it lacks now is quiet, not refused.
    QTest::addRow("a symbol the feed lacks")
        << "symbols=AAPL,brk.b" << QStringList { "AAPL", "BRK.B" } << "";
    QTest::addRow("not a symbol") << "symbols=AAPL,1x" << QStringList()
                                  << refusal.arg(2).arg("is not a symbol");
    QTest::addRow("markup, not repeated")
        << "symbols=%3Cb%3E" << QStringList() << refusal.arg(1).arg("is not a symbol");
}

void TestStreamRequest::symbolFilter()
{
    QFETCH(QString, query);
    QFETCH(QStringList, symbols);
    QFETCH(QString, error);
    QString message;
    const QSet<QString> filter = StreamRequest::symbolFilter(
        QUrlQuery(query), { QStringLiteral("AAPL"), QStringLiteral("MSFT") }, &message);
    QStringList sorted(filter.cbegin(), filter.cend());
    sorted.sort();
    QCOMPARE(sorted, symbols);
    QCOMPARE(message, error);
}

void TestStreamRequest::directStream_data()
{
    QTest::addColumn<QByteArray>("head"); // what the client sent, framed by the guard
    QTest::addColumn<bool>("taken");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("lastEventIdField");
    QTest::addColumn<QByteArray>("origin");

    const auto get = [](const QByteArray &target, const QByteArray &fields = {}) {
        return "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n";
    };
    const QByteArray none;
    QTest::addRow("plain GET /stream") << get("/stream") << true << "" << none << none;
    QTest::addRow("a query, carried") << get("/stream?symbols=AAPL&lastEventId=x") << true
                                      << "symbols=AAPL&lastEventId=x" << none << none;
    QTest::addRow("an empty query") << get("/stream?") << true << "" << none << none;
    QTest::addRow("Last-Event-ID and Origin")
        << get("/stream", "Last-Event-ID: run-7\r\nOrigin: https://a.example\r\n") << true << ""
        << QByteArray("run-7") << QByteArray("https://a.example");
    QTest::addRow("names in any case, values trimmed")
        << get("/stream", "last-EVENT-id:   run-7 \t\r\nORIGIN:\thttps://a.example  \r\n") << true
        << "" << QByteArray("run-7") << QByteArray("https://a.example");
    QTest::addRow("a value with colons")
        << get("/stream", "Origin: https://a.example:8443\r\n") << true << "" << none
        << QByteArray("https://a.example:8443");
    QTest::addRow("an empty Last-Event-ID")
        << get("/stream", "Last-Event-ID:\r\n") << true << "" << none << none;
    QTest::addRow("among other fields, LF line ends")
        << QByteArray("GET /stream HTTP/1.1\nAccept: text/event-stream\nOrigin: o\nHost: x\n"
                      "Cache-Control: no-cache\nLast-Event-ID: r-1\n\n")
        << true << "" << QByteArray("r-1") << QByteArray("o");
    QTest::addRow("names that only begin like them")
        << get("/stream", "Last-Event-ID-X: a\r\nOrigin2: b\r\nX-Origin: c\r\n") << true << ""
        << none << none;
    QTest::addRow("Connection: keep-alive")
        << get("/stream", "Connection: keep-alive\r\n") << true << "" << none << none;

    QTest::addRow("HEAD") << QByteArray("HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n") << false << ""
                          << none << none;
    QTest::addRow("POST") << QByteArray("POST /stream HTTP/1.1\r\nHost: x\r\n"
                                        "Content-Length: 0\r\n\r\n")
                          << false << "" << none << none;
    QTest::addRow("/streams") << get("/streams") << false << "" << none << none;
    QTest::addRow("/stream/x") << get("/stream/x") << false << "" << none << none;
    QTest::addRow("/stream/") << get("/stream/") << false << "" << none << none;
    QTest::addRow("Connection: close")
        << get("/stream", "Connection: close\r\n") << false << "" << none << none;
    QTest::addRow("Connection: close among options")
        << get("/stream", "Connection: keep-alive, Close\r\n") << false << "" << none << none;
    QTest::addRow("HTTP/1.0") << QByteArray("GET /stream HTTP/1.0\r\n\r\n") << false << "" << none
                              << none;
    QTest::addRow("Last-Event-ID twice")
        << get("/stream", "Last-Event-ID: r-1\r\nLast-Event-ID: r-2\r\n") << false << "" << none
        << none;
    QTest::addRow("Last-Event-ID twice, the second empty")
        << get("/stream", "Last-Event-ID: r-1\r\nlast-event-id:\r\n") << false << "" << none
        << none;
    QTest::addRow("Origin twice") << get("/stream", "Origin: o\r\nOrigin: o\r\n") << false << ""
                                  << none << none;
    QTest::addRow("Origin twice, in two cases")
        << get("/stream", "Origin: o\r\nORIGIN: p\r\n") << false << "" << none << none;
}

void TestStreamRequest::directStream()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, taken);
    QFETCH(QString, query);
    QFETCH(QByteArray, lastEventIdField);
    QFETCH(QByteArray, origin);
    const std::optional<RequestFramer::Request> request = framed(head);
    QVERIFY2(request, "the guard must frame every row's head as a request");
    const std::optional<StreamRequest::DirectStream> stream = StreamRequest::directStream(*request);
    QCOMPARE(stream.has_value(), taken);
    if (!stream)
        return;
    QCOMPARE(stream->query.toString(), query);
    QCOMPARE(stream->lastEventIdField, lastEventIdField);
    QCOMPARE(stream->origin, origin);
}

QTEST_APPLESS_MAIN(TestStreamRequest)
#include "tst_streamrequest.moc"
