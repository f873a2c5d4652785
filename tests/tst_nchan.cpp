#include "localhub.h"
#include "sseclient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace quotecast;

// quotecast --publish in front of a real nginx with nchan, configured by the file that
// packaging/ ships: every event reaches nchan's subscribers, in order, and a restart of
// nginx is ridden out by the publisher's queue.
class TestNchan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void everyEventReachesNchanSubscribersInOrder();
    void eventsQueuedWhileNginxIsDownArriveWhenItIsBack();

private:
    bool startNginx();
    void stopNginx();
    // The `seq` of every quote a client received, in order.
    static QList<qint64> seqs(const SseClient &client);

    QString m_nginx;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QProcess m_process;
    StockModel m_model;
    std::unique_ptr<StreamHub> m_hub;
};

namespace {
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}
} // namespace

void TestNchan::initTestCase()
{
    m_nginx = QStandardPaths::findExecutable(
        QStringLiteral("nginx"), { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") });
    const QString module = QStringLiteral("/usr/lib/nginx/modules/ngx_nchan_module.so");
    if (m_nginx.isEmpty() || !QFile::exists(module))
        QSKIP("needs nginx and nchan: apt-get install nginx-light libnginx-mod-nchan "
              "(packaging/install-deps.sh test installs them)");
    QVERIFY(m_dir.isValid());
    m_port = freePort();
    QVERIFY(m_port != 0);

    // The shipped server block, on test ports, inside a minimal nginx.conf of our own.
    QFile shipped(QStringLiteral(QUOTECAST_SOURCE_DIR "/packaging/nchan/quotecast-nchan.conf"));
    QVERIFY(shipped.open(QIODevice::ReadOnly));
    QByteArray server = shipped.readAll();
    server.replace("listen 8081;", "listen 127.0.0.1:" + QByteArray::number(m_port) + ';');
    QVERIFY(server.contains(QByteArray::number(m_port)));
    QFile conf(m_dir.filePath(QStringLiteral("nginx.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    const QByteArray dir = m_dir.path().toUtf8();
    conf.write("load_module " + module.toUtf8() + ";\ndaemon off;\npid " + dir
               + "/nginx.pid;\nerror_log stderr warn;\nevents {}\nhttp {\naccess_log off;\n"
                 "client_body_temp_path "
               + dir + "/body;\nproxy_temp_path " + dir + "/proxy;\n" + server + "}\n");
    conf.close();
    QVERIFY(startNginx());
}

bool TestNchan::startNginx()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(m_nginx,
                    { QStringLiteral("-p"), m_dir.path(), QStringLiteral("-c"),
                      m_dir.filePath(QStringLiteral("nginx.conf")) });
    if (!m_process.waitForStarted())
        return false;
    // Up once it accepts connections.
    return QTest::qWaitFor(
        [&] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            return probe.waitForConnected(100);
        },
        10000);
}

void TestNchan::stopNginx()
{
    m_process.terminate();
    m_process.waitForFinished(5000);
}

void TestNchan::cleanupTestCase()
{
    // SIGTERM, never the SIGKILL of QProcess's destructor: it would orphan the worker.
    stopNginx();
}

void TestNchan::cleanup()
{
    m_hub.reset();
    m_model.disconnect();
}

QList<qint64> TestNchan::seqs(const SseClient &client)
{
    QList<qint64> result;
    for (const SseClient::Event &event : client.dataEvents()) {
        const QJsonObject json = QJsonDocument::fromJson(event.data).object();
        if (event.event.isEmpty() && json.contains(u"seq"))
            result.append(json.value(u"seq").toInteger());
    }
    return result;
}

void TestNchan::everyEventReachesNchanSubscribersInOrder()
{
    ServerSettings settings = localServerSettings();
    settings.publishUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/pub/quotes").arg(m_port));
    m_hub = startLocalHub(m_model, settings);
    QVERIFY(m_hub);
    connect(&m_model, &StockModel::quoteUpdated, m_hub.get(), &StreamHub::publish);
    QSignalSpy published(m_hub.get(), &StreamHub::publisherStatusChanged);
    QTRY_VERIFY(!published.isEmpty()); // the opening status and prices went out

    SseClient client;
    client.open(m_port, "/stream");
    QVERIFY(client.waitForHeaders());
    QCOMPARE(client.statusCode(), 200);
    for (int i = 0; i < 200; ++i)
        m_model.tick();
    QTRY_VERIFY_WITH_TIMEOUT(!seqs(client).isEmpty() && seqs(client).constLast() == 200, 10000);
    // After the opening prices (seq 0): ticks 1 to 200, each once, in order.
    const QList<qint64> all = seqs(client);
    const QList<qint64> live = all.mid(all.indexOf(1));
    QList<qint64> expected;
    for (qint64 seq = 1; seq <= 200; ++seq)
        expected.append(seq);
    QCOMPARE(live, expected);
    QVERIFY(m_hub->metrics().toPrometheusText().contains("quotecast_publish_connected 1"));
}

void TestNchan::eventsQueuedWhileNginxIsDownArriveWhenItIsBack()
{
    ServerSettings settings = localServerSettings();
    settings.publishUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/pub/quotes").arg(m_port));
    m_hub = startLocalHub(m_model, settings);
    QVERIFY(m_hub);
    connect(&m_model, &StockModel::quoteUpdated, m_hub.get(), &StreamHub::publish);
    QSignalSpy statuses(m_hub.get(), &StreamHub::publisherStatusChanged);
    for (int i = 0; i < 5; ++i)
        m_model.tick();
    QTRY_VERIFY(!statuses.isEmpty()
                && statuses.constLast().constFirst().value<PublisherStatus>().queued == 0);

    stopNginx();
    // Ticks while nginx is away: they wait, and the status says so.
    for (int i = 0; i < 15; ++i)
        m_model.tick();
    QTRY_VERIFY(!statuses.constLast().constFirst().value<PublisherStatus>().connected);
    QVERIFY(m_hub->metrics().toPrometheusText().contains("quotecast_publish_connected 0"));

    QVERIFY(startNginx());
    // nginx lost its buffer with its restart; a subscriber now gets the newest messages,
    // which are the ones queued meanwhile, once the publisher's retry has sent them.
    QTRY_VERIFY_WITH_TIMEOUT(
        statuses.constLast().constFirst().value<PublisherStatus>().connected
            && statuses.constLast().constFirst().value<PublisherStatus>().queued == 0,
        15000);
    SseClient client;
    client.open(m_port, "/stream");
    QTRY_VERIFY_WITH_TIMEOUT(seqs(client).size() >= 15, 10000);
    const QList<qint64> received = seqs(client);
    QList<qint64> expected;
    for (qint64 seq = received.constLast() - 14; seq <= received.constLast(); ++seq)
        expected.append(seq);
    QCOMPARE(received.mid(received.size() - 15), expected);
    QCOMPARE(m_hub->metrics().toPrometheusText().contains("quotecast_publish_dropped_total 0"),
             true);
}

QTEST_GUILESS_MAIN(TestNchan)
#include "tst_nchan.moc"
