#include "curlcheck.h"
#include "curlexample.h"
#include "curlrun.h"
#include "headlessserver.h"
#include "loopback.h"
#include "markdowndoc.h"
#include "readmetest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using readmetest::where;
using readmetest::withoutBackticks;

// README.md against a running `quotecast`, so that it stays true: the metrics table against a
// live /metrics (names and types), and every curl example against the server (status, content
// type, the shape of the body it shows).
class TestReadmeServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void readmeHasTheMetricsAndEndpointTablesAndCurlExamples();
    void metricsTableMatchesLiveMetrics_data();
    void metricsTableMatchesLiveMetrics();
    void curlExampleAnswersAsShown_data();
    void curlExampleAnswersAsShown();

private:
    QTemporaryDir m_dir; // the server's history, settings and log
    HeadlessServer m_server;
    std::optional<MarkdownDoc> m_readme;
    QHash<QString, QString> m_liveMetrics; // name -> type, from # TYPE lines
    QList<CurlExample> m_curls;
    QStringList m_unreadableCurls;
};

namespace {
// The body of GET `path` when it is a 200; else nullopt, and `error` says what came instead.
std::optional<QByteArray> get(quint16 port, const QString &path, QString *error)
{
    CurlRun run;
    if (run.run({ "-q", "-si", QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path) }, 10000)
        && run.status() == 200)
        return run.body();
    *error = QStringLiteral("GET %1: %2 %3 %4")
                 .arg(path, run.error())
                 .arg(run.status())
                 .arg(QString::fromUtf8(run.body().left(200)));
    return std::nullopt;
}
} // namespace

void TestReadmeServer::initTestCase()
{
    QString error;
    m_readme = MarkdownDoc::load(readmetest::sourceDir() + "/README.md", &error);
    QVERIFY2(m_readme, qPrintable(error));
    const QString binary = qEnvironmentVariable("QUOTECAST_BIN");
    QVERIFY2(QFile::exists(binary), "QUOTECAST_BIN must name the built quotecast");
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable("curl").isEmpty(),
             "curl is missing; packaging/install-deps.sh test installs it");

    // A history file, not --in-memory: the README shows /api/history. --publish to a port
    // where nothing listens, so that the publisher's metrics exist. A fast feed, so that every
    // example sees live events at once (only the shape of what they show is compared).
    m_server.process().setProcessEnvironment(readmetest::englishEnvironment(m_dir.path()));
    m_server.process().setStandardErrorFile(m_dir.filePath("stderr.log"));
    const bool started = m_server.start(
        binary,
        { "--seed", "14", "--interval", "20", "--history-file", m_dir.filePath("history.sqlite"),
          "--publish", QStringLiteral("http://127.0.0.1:%1/pub/quotes").arg(freeLoopbackPort()) });
    QFile log(m_dir.filePath("stderr.log"));
    QVERIFY2(started, (log.open(QIODevice::ReadOnly), log.readAll().constData()));
    const quint16 port = m_server.port();

    // Wait until every symbol has more stored ticks than a page of 10, as in the README's
    // examples, where /api/history has a next page.
    const std::optional<QByteArray> quotes = get(port, "/api/quotes", &error);
    QVERIFY2(quotes, qPrintable(error));
    const QJsonArray symbols = QJsonDocument::fromJson(*quotes)["quotes"].toArray();
    QVERIFY2(!symbols.isEmpty(), quotes->constData());
    for (const QJsonValue &quote : symbols) {
        const QString path = "/api/history?limit=10&symbol=" + quote["symbol"].toString();
        const auto hasNextPage = [&] {
            const std::optional<QByteArray> page = get(port, path, &error);
            if (page)
                error = QStringLiteral("GET %1 has no next page: %2").arg(path, *page);
            return page && QJsonDocument::fromJson(*page)["more"].toBool();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(hasNextPage(), qPrintable(error), 10000);
    }

    // What the tests below compare the README with: none of them may pass by finding nothing.
    const std::optional<QByteArray> metrics = get(port, "/metrics", &error);
    QVERIFY2(metrics, qPrintable(error));
    static const QRegularExpression type(QStringLiteral("^# TYPE (\\S+) (\\S+)$"),
                                         QRegularExpression::MultilineOption);
    for (auto it = type.globalMatch(QString::fromUtf8(*metrics)); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        m_liveMetrics.insert(match.captured(1), match.captured(2));
    }
    QVERIFY2(m_liveMetrics.size() >= 10, "/metrics has fewer than 10 # TYPE lines");
    m_curls = CurlExample::extract(*m_readme, &m_unreadableCurls);
}

void TestReadmeServer::cleanupTestCase()
{
    m_server.stop();
}

void TestReadmeServer::readmeHasTheMetricsAndEndpointTablesAndCurlExamples()
{
    // Each check below reads one of these: none of them may pass by finding nothing.
    for (const QStringList &header :
         { QStringList { "metric", "type", "meaning" }, QStringList { "request", "answer" } }) {
        const auto table = m_readme->table(header);
        QVERIFY2(table && !table->rows.isEmpty(),
                 qPrintable("README.md has no table headed | " + header.join(" | ") + " |"));
    }
    QVERIFY2(m_curls.size() >= 5, "README.md has fewer than 5 curl examples");
}

void TestReadmeServer::metricsTableMatchesLiveMetrics_data()
{
    QTest::addColumn<QString>("metric");
    QStringList names = m_liveMetrics.keys();
    if (const auto table = m_readme->table({ "metric", "type", "meaning" })) {
        for (const MarkdownDoc::TableRow &row : table->rows)
            names.append(withoutBackticks(row.cells[0]));
    }
    names.sort();
    names.removeDuplicates();
    for (const QString &name : std::as_const(names))
        QTest::newRow(qPrintable(name)) << name;
}

void TestReadmeServer::metricsTableMatchesLiveMetrics()
{
    QFETCH(QString, metric);
    const auto table = m_readme->table({ "metric", "type", "meaning" });
    QVERIFY2(table, "README.md has no metrics table (header | metric | type | meaning |)");
    QList<MarkdownDoc::TableRow> rows;
    for (const MarkdownDoc::TableRow &row : table->rows) {
        if (withoutBackticks(row.cells[0]) == metric)
            rows.append(row);
    }
    QVERIFY2(m_liveMetrics.contains(metric),
             qPrintable(QStringLiteral("%1 lists %2; a live /metrics (with --publish) has no such "
                                       "metric")
                            .arg(where(rows.value(0).line), metric)));
    const QString type = m_liveMetrics.value(metric);
    QVERIFY2(!rows.isEmpty(),
             qPrintable(QStringLiteral("README.md's metrics table (line %1) has no row for %2, "
                                       "which /metrics serves as \"# TYPE %2 %3\"")
                            .arg(table->line)
                            .arg(metric, type)));
    QVERIFY2(rows.size() == 1,
             qPrintable(QStringLiteral("%1 and %2 both list %3")
                            .arg(where(rows.value(0).line), where(rows.value(1).line), metric)));
    QVERIFY2(
        withoutBackticks(rows[0].cells.value(1)) == type,
        qPrintable(QStringLiteral("%1 gives %2 the type \"%3\"; /metrics says \"# TYPE %2 %4\"")
                       .arg(where(rows[0].line), metric, rows[0].cells.value(1), type)));
}

void TestReadmeServer::curlExampleAnswersAsShown_data()
{
    QTest::addColumn<int>("index"); // into m_curls; -1 for a mention the test cannot read
    QTest::addColumn<QString>("mention");
    for (qsizetype i = 0; i < m_curls.size(); ++i)
        QTest::newRow(qPrintable(
            QStringLiteral("README.md:%1 %2").arg(m_curls[i].line).arg(m_curls[i].command)))
            << int(i) << QString();
    for (const QString &mention : std::as_const(m_unreadableCurls))
        QTest::newRow(qPrintable("README.md:" + mention)) << -1 << mention;
}

void TestReadmeServer::curlExampleAnswersAsShown()
{
    QFETCH(int, index);
    QFETCH(QString, mention);
    QVERIFY2(index >= 0,
             qPrintable(QStringLiteral("README.md:%1 mentions a curl command that is neither a "
                                       "code span nor a line of a code block starting with curl; "
                                       "this test cannot check it")
                            .arg(mention)));
    const QStringList problems = CurlCheck(*m_readme, m_server.port()).problems(m_curls.at(index));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestReadmeServer)
#include "tst_readmeserver.moc"
