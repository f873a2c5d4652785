#include "localhub.h"
#include "sseclient.h"

#include <QTest>

using namespace quotecast;

// Cross-origin reading (--cors-origin): a page of the one configured origin may read the stream
// and the API; a page of any other origin, or of any origin when none is configured, may not.
class TestCors : public QObject
{
    Q_OBJECT

private slots:
    void allowOriginOnlyForTheConfiguredOne_data();
    void allowOriginOnlyForTheConfiguredOne();
};

void TestCors::allowOriginOnlyForTheConfiguredOne_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("configured");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("allowed");
    for (const char *path : { "/stream", "/api/quotes" }) {
        QTest::addRow("%s, configured origin", path)
            << QByteArray(path) << QByteArray("https://example.org")
            << QByteArray("https://example.org") << true;
        QTest::addRow("%s, another origin", path)
            << QByteArray(path) << QByteArray("https://example.org")
            << QByteArray("https://evil.example") << false;
        QTest::addRow("%s, none configured", path)
            << QByteArray(path) << QByteArray() << QByteArray("https://example.org") << false;
    }
}

void TestCors::allowOriginOnlyForTheConfiguredOne()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, configured);
    QFETCH(QByteArray, origin);
    QFETCH(bool, allowed);
    ServerSettings settings = localServerSettings();
    settings.corsOrigin = configured;
    MarketSimulator market;
    const auto hub = startLocalHub(market, settings);
    QVERIFY(hub);
    SseClient client; // reads any answer's head
    client.open(hub->serverPort(), path, "Origin: " + origin + "\r\n");
    QVERIFY(client.waitForHeaders());
    QCOMPARE(client.statusCode(), 200);
    QCOMPARE(client.hasHeader("Access-Control-Allow-Origin"), allowed);
    if (allowed)
        QCOMPARE(client.header("Access-Control-Allow-Origin"), origin);
}

QTEST_GUILESS_MAIN(TestCors)
#include "tst_cors.moc"
