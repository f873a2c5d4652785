#include "headlessserver.h"
#include "pricefiles.h"
#include "sseclient.h"

#include <QFile>
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
    void replayPlaysTheClosesOfYahooAndStooqFiles();
    void malformedReplayFileIsAnError();

private:
    QString m_binary;
    QTemporaryDir m_dataHome; // the default history file goes here, never to the user's
};

namespace {

// The run of the server's event ids (`<run>-<seq>`), from the last event of a stream's
// snapshot of the default symbols, which has an id; empty when it did not come.
QByteArray runOf(quint16 port)
{
    SseClient client;
    client.open(port);
    const StreamPreamble preamble = StreamPreamble::ofDefaultSymbols();
    if (!client.waitForBlocks(preamble.blocks()))
        return {};
    return client.blocks().at(preamble.blocks() - 1).id.split('-').first();
}

} // namespace

void TestMarketCli::initTestCase()
{
    m_binary = qEnvironmentVariable("QUOTECAST_BIN");
    QVERIFY2(QFile::exists(m_binary), "QUOTECAST_BIN must name the built quotecast");
    QVERIFY(m_dataHome.isValid());
    qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit()); // inherited by every process
}

// `--shock -50/4`: from the start, each of 4 ticks moves every symbol one step, the last to
// exactly half its opening price; every step is an ordinary tick with the next id. Read back
// with Last-Event-ID from before the first tick, so that none is missed however fast they came.
void TestMarketCli::shockCrashesEverySymbolThroughTicks()
{
    HeadlessServer server;
    QVERIFY2(server.start(m_binary,
                          { QStringLiteral("--in-memory"), QStringLiteral("--interval"),
                            QStringLiteral("50ms"), QStringLiteral("--shock"),
                            QStringLiteral("-50/4") }),
             server.process().readAllStandardError().constData());
    constexpr int Symbols = 4, Steps = 4;
    const QByteArray run = runOf(server.port());
    QVERIFY(!run.isEmpty());
    SseClient reader;
    reader.open(server.port(), "/stream", "Last-Event-ID: " + run + "-0\r\n");
    QVERIFY(reader.waitForBlocks(2 + Symbols * Steps)); // retry, status, the ticks
    QHash<QString, double> last;
    qint64 seq = 0;
    for (const SseClient::Event &tick : reader.blocks().mid(2, Symbols * Steps)) {
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

namespace {

using pricefiles::StooqMsft;
using pricefiles::YahooAapl;

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return file.fileName();
}

} // namespace

// `--replay AAPL.csv msft_us_d.csv`: every row's close is a tick, once, the two files
// interleaved by date, each with its row's date; at the end the feed stops. Read back with
// Last-Event-ID from before the first tick, so that no row is missed however fast they played.
void TestMarketCli::replayPlaysTheClosesOfYahooAndStooqFiles()
{
    QTemporaryDir files;
    const QString aapl = writeFile(files, QStringLiteral("AAPL.csv"), YahooAapl);
    const QString msft = writeFile(files, QStringLiteral("msft_us_d.csv"), StooqMsft);
    QVERIFY(!aapl.isEmpty() && !msft.isEmpty());
    HeadlessServer server;
    QVERIFY2(server.start(m_binary,
                          { QStringLiteral("--in-memory"), QStringLiteral("--interval"),
                            QStringLiteral("20ms"), QStringLiteral("--replay"), aapl, msft }),
             server.process().readAllStandardError().constData());
    SseClient watcher;
    watcher.open(server.port());
    const auto ended = [&] {
        for (const SseClient::Event &block : watcher.blocks()) {
            if (block.event == "status" && block.data.contains("\"running\":false"))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(ended());
    const QByteArray status = watcher.blocks().at(StreamPreamble::StatusBlock).data;
    QVERIFY2(status.contains(R"("replay":{"from":"2024-01-02","to":"2024-01-05"})"),
             status.constData());
    QVERIFY2(status.contains(R"("symbols":["AAPL","MSFT"])"), status.constData());
    QByteArray run; // from the last tick's id, `<run>-<seq>`
    for (const SseClient::Event &block : watcher.blocks()) {
        if (!block.id.isEmpty())
            run = block.id.split('-').first();
    }

    SseClient reader;
    reader.open(server.port(), "/stream", "Last-Event-ID: " + run + "-0\r\n");
    constexpr int Ticks = 6;
    QVERIFY(reader.waitForBlocks(2 + Ticks)); // retry, status, the ticks
    QStringList played;
    for (const SseClient::Event &tick : reader.blocks().mid(2, Ticks)) {
        const QJsonDocument quote = QJsonDocument::fromJson(tick.data);
        played.append(QStringLiteral("%1 %2 %3")
                          .arg(quote["symbol"].toString(), quote["date"].toString())
                          .arg(quote["price"].toDouble()));
    }
    QCOMPARE(played,
             QStringList({ "AAPL 2024-01-02 185.64", "MSFT 2024-01-02 370.87",
                           "AAPL 2024-01-03 184.25", "MSFT 2024-01-03 370.6",
                           "AAPL 2024-01-04 181.91", "MSFT 2024-01-05 367.75" }));
    server.stop();
}

void TestMarketCli::malformedReplayFileIsAnError()
{
    QTemporaryDir files;
    const QString bad = writeFile(files, QStringLiteral("AAPL.csv"),
                                  "Date,Open,High,Low,Close,Adj Close,Volume\n"
                                  "2024-01-02,187.15,188.44,183.89,abc,184.94,82488700\n");
    QProcess process;
    process.start(m_binary,
                  { QStringLiteral("--headless"), QStringLiteral("--in-memory"),
                    QStringLiteral("--replay"), bad });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    const QByteArray error = process.readAllStandardError();
    QVERIFY2(error.startsWith("quotecast: --replay: " + bad.toUtf8() + ", line 2: "),
             error.constData());
    QVERIFY2(error.contains("\"abc\""), error.constData());
}

QTEST_GUILESS_MAIN(TestMarketCli)
#include "tst_marketcli.moc"
