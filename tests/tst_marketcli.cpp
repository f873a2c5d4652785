#include "headlessserver.h"
#include "sseclient.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The market's command-line options on the real `quotecast` binary, run headless: what a person
// preparing a demonstration types.
class TestMarketCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shockCrashesEverySymbolThroughTicks();
    void shockOfAnAbsentSymbolIsAnError();

private:
    QString m_binary;
    QTemporaryDir m_dataHome; // the default history file goes here, never to the user's
};

void TestMarketCli::initTestCase()
{
    m_binary = qEnvironmentVariable("QUOTECAST_BIN");
    QVERIFY2(QFile::exists(m_binary), "QUOTECAST_BIN must name the built quotecast");
    QVERIFY(m_dataHome.isValid());
    qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit()); // inherited by every process
}

// `--shock -50/4`: from the start, each of 4 ticks moves every symbol one step, the last to
// exactly half its opening price; every step is an ordinary tick with the next id.
void TestMarketCli::shockCrashesEverySymbolThroughTicks()
{
    HeadlessServer server;
    QVERIFY2(server.start(m_binary,
                          { QStringLiteral("--in-memory"), QStringLiteral("--interval"),
                            QStringLiteral("50ms"), QStringLiteral("--shock"),
                            QStringLiteral("-50/4") }),
             server.process().readAllStandardError().constData());
    SseClient client;
    client.open(server.port());
    const StreamPreamble preamble = StreamPreamble::ofDefaultSymbols();
    constexpr int Symbols = 4, Steps = 4;
    QVERIFY(client.waitForBlocks(preamble.blocks() + Symbols * Steps));
    const QList<SseClient::Event> ticks = client.afterPreamble(preamble).mid(0, Symbols * Steps);
    QHash<QString, double> last;
    qint64 seq = 0;
    for (const SseClient::Event &tick : ticks) {
        const QJsonDocument quote = QJsonDocument::fromJson(tick.data);
        QVERIFY2(quote["change"].toDouble() < 0, tick.data.constData());
        QCOMPARE(SseClient::seqOf(tick), ++seq);
        last.insert(quote["symbol"].toString(), quote["price"].toDouble());
    }
    const QHash<QString, double> half {
        { "AAPL", 85 }, { "GOOG", 750 }, { "MSFT", 125 }, { "AMZN", 65 }
    };
    QCOMPARE(last, half);
    server.stop();
}

void TestMarketCli::shockOfAnAbsentSymbolIsAnError()
{
    QProcess process;
    process.start(m_binary,
                  { QStringLiteral("--headless"), QStringLiteral("--in-memory"),
                    QStringLiteral("--symbols"), QStringLiteral("AAPL=1,MSFT=2"),
                    QStringLiteral("--shock"), QStringLiteral("TSLA:-10/2") });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QCOMPARE(process.readAllStandardError(),
             QByteArray("quotecast: --shock: the market has no symbol TSLA (it has AAPL,MSFT)\n"));
}

QTEST_GUILESS_MAIN(TestMarketCli)
#include "tst_marketcli.moc"
