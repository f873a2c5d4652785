#include "sseclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

// The real `quotecast` executable, as a user or a service manager runs it.
namespace {
QStringList localHeadless(quint16 port)
{
    return { QStringLiteral("--headless"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--port"), QString::number(port) };
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

// Live ticks by id (after the status event and the four snapshot events).
QHash<QByteArray, QByteArray> liveEvents(const SseClient &client)
{
    QHash<QByteArray, QByteArray> events;
    for (const SseClient::Event &event : client.dataEvents().mid(1 + 4))
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
    void busyPortIsAClearError();
    void badOptionExitsWithUsage();
    void withoutDisplaySuggestsHeadless();

private:
    // Starts quotecast and returns the port it printed, or 0.
    quint16 start(QProcess &process, const QStringList &arguments);
    QString m_binary;
};

void TestHeadless::initTestCase()
{
    m_binary = qEnvironmentVariable("QUOTECAST_BIN");
    QVERIFY2(QFile::exists(m_binary), "QUOTECAST_BIN must name the built quotecast");
}

quint16 TestHeadless::start(QProcess &process, const QStringList &arguments)
{
    process.start(m_binary, arguments);
    if (!process.waitForStarted())
        return 0;
    static const QRegularExpression url(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray out;
    const bool printed = QTest::qWaitFor(
        [&] {
            out += process.readAllStandardOutput();
            return url.match(QString::fromUtf8(out)).hasMatch()
                || process.state() == QProcess::NotRunning;
        },
        10000);
    return printed ? quint16(url.match(QString::fromUtf8(out)).captured(1).toUInt()) : 0;
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
    // retry, status, 4 snapshot events, then at least 3 live ticks each.
    QVERIFY(first.waitForBlocks(9));
    QVERIFY(second.waitForBlocks(9));
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

void TestHeadless::withoutDisplaySuggestsHeadless()
{
    QProcess process;
    process.setProcessEnvironment(withoutDisplay());
    process.start(m_binary, { QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // no crash, no abort
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--headless"));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
