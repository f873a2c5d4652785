#include "headlessserver.h"
#include "sseclient.h"
#include <feed/marketsimulator.h>
#include <history/tickreader.h>

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The real `quotecast` executable, as a user or a service manager runs it.
namespace {
QStringList localHeadless(quint16 port)
{
    return { QStringLiteral("--headless"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--port"), QString::number(port) };
}

// A fast feed (50 ticks/s) that keeps its tick history in `file`.
QStringList fastWithHistory(const QString &file)
{
    return localHeadless(0) << QStringLiteral("--interval") << QStringLiteral("20")
                            << QStringLiteral("--history-file") << file;
}

// What a server or an ssh session offers: no X11, no Wayland, no platform override.
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return environment;
}

// What the binary streams before its live ticks: it runs with the default symbols.
const StreamPreamble Preamble = StreamPreamble::ofDefaultSymbols();

// Live ticks by id (after the status event and the snapshot).
QHash<QByteArray, QByteArray> liveEvents(const SseClient &client)
{
    QHash<QByteArray, QByteArray> events;
    for (const SseClient::Event &event : client.dataEvents().mid(Preamble.dataEvents()))
        events.insert(event.id, event.data);
    return events;
}
} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void servesTheFeedAndStopsCleanlyOnSigterm_data();
    void servesTheFeedAndStopsCleanlyOnSigterm();
    void pausedStartsWithTheFeedStopped();
    void busyPortIsAClearError();
    void badOptionExitsWithUsage();
    void badOptionIsReportedBeforeNoDisplay();
    void withoutDisplaySuggestsHeadless_data();
    void withoutDisplaySuggestsHeadless();
    void historyCarriesOnAcrossARestart();
    void unusableHistoryFileFallsBackToMemory();
    void aHistoryFileHasOneWriterAndOutlivesACrash();

private:
    // Starts quotecast and returns the port it printed, or 0.
    quint16 start(QProcess &process, const QStringList &arguments);
    QString m_binary;
    QTemporaryDir m_dataHome; // the default history file goes here, never to the user's
};

void TestHeadless::initTestCase()
{
    m_binary = qEnvironmentVariable("QUOTECAST_BIN");
    QVERIFY2(QFile::exists(m_binary), "QUOTECAST_BIN must name the built quotecast");
    QVERIFY(m_dataHome.isValid());
    qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit()); // inherited by every process
}

quint16 TestHeadless::start(QProcess &process, const QStringList &arguments)
{
    return HeadlessServer::startAndReadPort(process, m_binary, arguments);
}

void TestHeadless::servesTheFeedAndStopsCleanlyOnSigterm_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addRow("SIGTERM") << SIGTERM;
    QTest::addRow("SIGINT (Ctrl-C)") << SIGINT;
}

void TestHeadless::servesTheFeedAndStopsCleanlyOnSigterm()
{
    QFETCH(int, signalNumber);
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setProcessEnvironment(withoutDisplay());
    const quint16 port
        = start(process, localHeadless(0) << QStringLiteral("--interval") << QStringLiteral("50"));
    QVERIFY2(port != 0, process.readAllStandardError().constData());

    SseClient first, second;
    first.open(port);
    second.open(port);
    // The preamble, then at least 3 live ticks each.
    QVERIFY(first.waitForBlocks(Preamble.blocks() + 3));
    QVERIFY(second.waitForBlocks(Preamble.blocks() + 3));
    // One feed, not one per client: a tick both saw has the same id and the same bytes.
    const QByteArray lastSeenByFirst = first.dataEvents().last().id;
    QTRY_VERIFY(liveEvents(second).contains(lastSeenByFirst));
    const QHash<QByteArray, QByteArray> firstLive = liveEvents(first);
    const QHash<QByteArray, QByteArray> secondLive = liveEvents(second);
    int shared = 0;
    for (auto it = firstLive.cbegin(); it != firstLive.cend(); ++it) {
        if (secondLive.contains(it.key())) {
            QCOMPARE(secondLive.value(it.key()), it.value());
            ++shared;
        }
    }
    QVERIFY2(shared >= 3, qPrintable(QString::number(shared)));

    QSignalSpy closed(&first.socket(), &QTcpSocket::disconnected);
    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(closed.size() == 1 || closed.wait(2000));
}

void TestHeadless::pausedStartsWithTheFeedStopped()
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    const quint16 port
        = start(process,
                localHeadless(0) << QStringLiteral("--paused") << QStringLiteral("--interval")
                                 << QStringLiteral("20") << QStringLiteral("--heartbeat")
                                 << QStringLiteral("100") << QStringLiteral("--in-memory"));
    QVERIFY2(port != 0, process.readAllStandardError().constData());
    SseClient client;
    client.open(port);
    // retry, status, the opening quotes, then 3 heartbeats: 300 ms in which a running feed
    // would have ticked 15 times.
    QVERIFY(client.waitForBlocks(Preamble.blocks() + 3));
    const SseClient::Event status = client.blocks().at(StreamPreamble::StatusBlock);
    QCOMPARE(QJsonDocument::fromJson(status.data)["running"].toBool(true), false);
    for (const SseClient::Event &block : client.afterPreamble(Preamble))
        QCOMPARE(block.event, QByteArray("heartbeat"));
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void TestHeadless::busyPortIsAClearError()
{
    QProcess first, second;
    const quint16 port = start(first, localHeadless(0));
    QVERIFY(port != 0);
    second.start(m_binary, localHeadless(port));
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitCode(), 1);
    const QByteArray error = second.readAllStandardError();
    QVERIFY2(error.contains("in use") && error.contains(QByteArray::number(port)),
             error.constData());
    first.terminate();
    QVERIFY(first.waitForFinished(5000));
}

void TestHeadless::badOptionExitsWithUsage()
{
    QProcess process;
    process.start(
        m_binary,
        { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("http") });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    const QByteArray error = process.readAllStandardError();
    QVERIFY2(error.contains("--port") && error.contains("Usage:"), error.constData());
}

void TestHeadless::badOptionIsReportedBeforeNoDisplay()
{
    // Without a display (and without --headless) the bad option is still what is reported:
    // it is the first thing to fix.
    QProcess windowed;
    windowed.setProcessEnvironment(withoutDisplay());
    windowed.start(m_binary, { QStringLiteral("--retry"), QStringLiteral("3") });
    QVERIFY(windowed.waitForFinished(10000));
    QCOMPARE(windowed.exitCode(), 2);
    const QByteArray windowedError = windowed.readAllStandardError();
    QVERIFY2(windowedError.contains("did you mean 3s?") && !windowedError.contains("no display"),
             windowedError.constData());
}

void TestHeadless::withoutDisplaySuggestsHeadless_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("says");
    QTest::addRow("English") << "C.UTF-8"
                             << "no display found";
    QTest::addRow("French, like every other message") << "fr_FR.UTF-8"
                                                      << "aucun écran trouvé";
}

void TestHeadless::withoutDisplaySuggestsHeadless()
{
    QFETCH(QString, lang);
    QFETCH(QString, says);
    QProcess process;
    QProcessEnvironment environment = withoutDisplay();
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LC_MESSAGES"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LANG"), lang);
    process.setProcessEnvironment(environment);
    process.start(m_binary, { QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // no crash, no abort
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(says) && error.contains(u"--headless"), qPrintable(error));
}

void TestHeadless::historyCarriesOnAcrossARestart()
{
    QTemporaryDir dir;
    const QStringList arguments = fastWithHistory(dir.filePath(QStringLiteral("ticks.sqlite")));
    QList<SseClient::Event> beforeRestart;
    QByteArray resumeFrom;
    {
        QProcess process;
        const quint16 port = start(process, arguments);
        QVERIFY2(port != 0, process.readAllStandardError().constData());
        SseClient client;
        client.open(port);
        QVERIFY(client.waitForBlocks(Preamble.blocks() + 30));
        QSignalSpy closed(&client.socket(), &QTcpSocket::disconnected);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(closed.size() == 1 || closed.wait(2000));
        // A browser that had read up to its 10th live tick, then lost the connection.
        const QList<SseClient::Event> live = client.dataEvents().mid(Preamble.dataEvents());
        resumeFrom = live.at(9).id;
        beforeRestart = live.mid(10);
    }
    QVERIFY(beforeRestart.size() >= 20);

    QProcess process;
    const quint16 port = start(process, arguments);
    QVERIFY2(port != 0, process.readAllStandardError().constData());
    SseClient client;
    client.open(port, "/stream", "Last-Event-ID: " + resumeFrom + "\r\n");
    const StreamPreamble resumed = StreamPreamble::resumed();
    QVERIFY(client.waitForBlocks(resumed.blocks() + int(beforeRestart.size()) + 3));
    // Exactly what it missed, as the first run sent it, under the same ids...
    const QList<SseClient::Event> events = client.dataEvents().mid(resumed.dataEvents());
    for (qsizetype i = 0; i < beforeRestart.size(); ++i) {
        QCOMPARE(events[i].id, beforeRestart[i].id);
        QCOMPARE(events[i].data, beforeRestart[i].data);
    }
    // ...then the new run's ticks, numbered on from the last one.
    const SseClient::Event &next = events.at(beforeRestart.size());
    QCOMPARE(SseClient::seqOf(next), SseClient::seqOf(beforeRestart.constLast()) + 1);
    QCOMPARE(next.id.split('-').constFirst(), resumeFrom.split('-').constFirst());
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void TestHeadless::unusableHistoryFileFallsBackToMemory()
{
    QTemporaryDir dir;
    QFile notADatabase(dir.filePath(QStringLiteral("ticks.sqlite")));
    QVERIFY(notADatabase.open(QIODevice::WriteOnly));
    notADatabase.write(QByteArray(8192, '\x7f'));
    notADatabase.close();
    QProcess process;
    const quint16 port = start(
        process, localHeadless(0) << QStringLiteral("--history-file") << notADatabase.fileName());
    QVERIFY2(port != 0, "quotecast must serve anyway");
    SseClient client;
    client.open(port);
    QVERIFY(client.waitForBlocks(Preamble.blocks()));
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray error = process.readAllStandardError();
    QVERIFY2(error.contains("cannot keep the tick history") && error.contains("in memory")
                 && error.contains(notADatabase.fileName().toLocal8Bit()),
             error.constData());
    // Untouched: nothing was lost by writing over it.
    QCOMPARE(QFileInfo(notADatabase.fileName()).size(), 8192);
}

void TestHeadless::aHistoryFileHasOneWriterAndOutlivesACrash()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("ticks.sqlite"));
    const QStringList arguments = fastWithHistory(file);
    QProcess first;
    QVERIFY2(start(first, arguments) != 0, first.readAllStandardError().constData());
    // Once the first run has written some ticks (a batch every 250 ms)...
    const QString symbol = quotecast::MarketSimulator::defaultOpenings().constFirst().symbol;
    quotecast::TickReader written(file);
    QTRY_VERIFY([&] {
        QString error;
        const auto page = written.ticks(symbol, 0, 0, 1, &error);
        return page && !page->ticks.isEmpty();
    }());

    // A second quotecast on the same file serves, in memory, and says why.
    QProcess second;
    QVERIFY(start(second, arguments) != 0);
    second.terminate();
    QVERIFY(second.waitForFinished(5000));
    const QByteArray error = second.readAllStandardError();
    QVERIFY2(error.contains("in use by another quotecast")
                 && error.contains(QByteArray::number(first.processId())),
             error.constData());

    // The first one crashes: its lock stays behind, and the next run takes it over.
    ::kill(pid_t(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(5000));
    QVERIFY(QFile::exists(file + QStringLiteral(".lock")));
    QProcess third;
    const quint16 thirdPort = start(third, arguments);
    QVERIFY(thirdPort != 0);
    SseClient resumed;
    resumed.open(thirdPort);
    QVERIFY(resumed.waitForBlocks(Preamble.blocks()));
    // Its opening prices are the crashed run's last written ticks, not the defaults.
    QVERIFY(SseClient::seqOf(resumed.snapshot(Preamble).constFirst()) > 0);
    third.terminate();
    QVERIFY(third.waitForFinished(5000));
    QVERIFY2(!third.readAllStandardError().contains("tick history"), "the history was kept");
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
