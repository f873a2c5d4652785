#include <server/sse/sseevent.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace quotecast;

class TestSseEvent : public QObject
{
    Q_OBJECT

private slots:
    void quoteEvent_data();
    void quoteEvent();
    void quoteJsonFields();
    void statusEvent();
    void retryAndHeartbeat();
};

void TestSseEvent::quoteEvent_data()
{
    QTest::addColumn<Quote>("quote");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QByteArray>("expected");
    const Quote up { QStringLiteral("AAPL"), 170'85, 85, 1795000000123, 42 };
    QTest::addRow("with id") << up << QByteArray("k3x9q-42")
                             << QByteArray("id: k3x9q-42\ndata: "
                                           "{\"change\":0.85,\"price\":170.85,\"seq\":42,"
                                           "\"symbol\":\"AAPL\",\"ts\":1795000000123}\n\n");
    // 2024-03-01 (midnight UTC) and 2024-03-01T14:30:00.250Z.
    const Quote dailyClose { QStringLiteral("AAPL"), 179'66, -1'28, 9, 3, 1709251200000 };
    QTest::addRow("a replayed daily close")
        << dailyClose << QByteArray("r-3")
        << QByteArray("id: r-3\ndata: {\"change\":-1.28,\"date\":\"2024-03-01\",\"price\":179.66,"
                      "\"seq\":3,\"symbol\":\"AAPL\",\"ts\":9}\n\n");
    const Quote recorded { QStringLiteral("AAPL"), 179'66, 0, 9, 4, 1709303400250 };
    QTest::addRow("a replayed tick of an export")
        << recorded << QByteArray("r-4")
        << QByteArray("id: r-4\ndata: {\"change\":0,\"date\":\"2024-03-01T14:30:00.250Z\","
                      "\"price\":179.66,\"seq\":4,\"symbol\":\"AAPL\",\"ts\":9}\n\n");
    const Quote down { QStringLiteral("GOOG"), 1499'01, -99, 5, 0 };
    QTest::addRow("snapshot, no id")
        << down << QByteArray()
        << QByteArray("data: {\"change\":-0.99,\"price\":1499.01,\"seq\":0,"
                      "\"symbol\":\"GOOG\",\"ts\":5}\n\n");
}

void TestSseEvent::quoteEvent()
{
    QFETCH(Quote, quote);
    QFETCH(QByteArray, id);
    QFETCH(QByteArray, expected);
    QCOMPARE(SseEvent::quote(quote, id), expected);
}

void TestSseEvent::quoteJsonFields()
{
    const Quote quote { QStringLiteral("MSFT"), 250'00, -1'25, 1795000000999, 7 };
    const QJsonObject json = QJsonDocument::fromJson(SseEvent::quoteJson(quote)).object();
    QCOMPARE(json.value(u"symbol").toString(), QStringLiteral("MSFT"));
    QCOMPARE(json.value(u"price").toDouble(), 250.0);
    QCOMPARE(json.value(u"change").toDouble(), -1.25);
    QCOMPARE(json.value(u"ts").toInteger(), 1795000000999);
    QCOMPARE(json.value(u"seq").toInteger(), 7);
}

void TestSseEvent::statusEvent()
{
    const QByteArray event = SseEvent::status(
        { false, 2000, { QStringLiteral("AAPL"), QStringLiteral("GOOG") } }, 5000);
    QVERIFY(event.startsWith("event: status\ndata: "));
    QVERIFY(event.endsWith("\n\n"));
    QCOMPARE(event.count('\n'), 3); // one data line
    const QByteArray data = event.mid(event.indexOf("data: ") + 6).trimmed();
    const QJsonObject json = QJsonDocument::fromJson(data).object();
    QCOMPARE(json.value(u"running").toBool(true), false);
    QCOMPARE(json.value(u"intervalMs").toInt(), 2000);
    QCOMPARE(json.value(u"heartbeatMs").toInt(), 5000);
    QCOMPARE(json.value(u"symbols").toVariant().toStringList(),
             QStringList({ QStringLiteral("AAPL"), QStringLiteral("GOOG") }));
    QVERIFY(!json.contains(u"replay")); // simulated prices

    FeedStatus replay { true, 2000, { QStringLiteral("AAPL") } };
    replay.replayFromMs = 1704153600000; // 2024-01-02
    replay.replayToMs = 1735603200000; // 2024-12-31
    QCOMPARE(SseEvent::statusJson(replay, 5000),
             QByteArray("{\"heartbeatMs\":5000,\"intervalMs\":2000,\"replay\":{\"from\":"
                        "\"2024-01-02\",\"to\":\"2024-12-31\"},\"running\":true,\"symbols\":"
                        "[\"AAPL\"]}"));
}

void TestSseEvent::retryAndHeartbeat()
{
    QCOMPARE(SseEvent::retry(3000), QByteArray("retry: 3000\n\n"));
    // A named event with an empty data line: EventSource dispatches it (a comment it would
    // not), and without an id line it leaves Last-Event-ID alone.
    QCOMPARE(SseEvent::heartbeat(), QByteArray("event: heartbeat\ndata:\n\n"));
    QCOMPARE(SseEvent::eventId("run1", 9), QByteArray("run1-9"));
}

QTEST_GUILESS_MAIN(TestSseEvent)
#include "tst_sseevent.moc"
