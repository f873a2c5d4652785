#include "curlcheck.h"
#include "curlexample.h"
#include "curlrun.h"
#include "headlessserver.h"
#include "helpoption.h"
#include "loopback.h"
#include "markdowndoc.h"
#include <app/quantity.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

// What README.md says, checked against the real `quotecast` binary so that it stays true: the
// Options and Limits tables against `--help`, the metrics table against a live /metrics, every
// curl example against a running server (status, content type, the shape of the body it shows),
// the Tests table against the tests tests/CMakeLists.txt registers, and every relative link of
// README.md and docs/*.md against the files of the repository.
class TestReadme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void readmeHasTheTablesAndExamplesTheTestsRead();
    void optionsTableMatchesHelp_data();
    void optionsTableMatchesHelp();
    void limitsTableDefaultsMatchHelp_data();
    void limitsTableDefaultsMatchHelp();
    void metricsTableMatchesLiveMetrics_data();
    void metricsTableMatchesLiveMetrics();
    void curlExampleAnswersAsShown_data();
    void curlExampleAnswersAsShown();
    void testsTableListsEachTestOnce_data();
    void testsTableListsEachTestOnce();
    void relativeLinkResolves_data();
    void relativeLinkResolves();

private:
    QString where(int line) const { return QStringLiteral("README.md:%1").arg(line); }
    const HelpOption *helpOption(const QString &name) const;

    QString m_binary;
    QTemporaryDir m_dir; // the server's history, settings and log
    HeadlessServer m_server;
    std::optional<MarkdownDoc> m_readme;
    QList<HelpOption> m_help;
    QHash<QString, QString> m_liveMetrics; // name -> type, from # TYPE lines
    QList<CurlExample> m_curls;
    QStringList m_unreadableCurls;
    QStringList m_registeredTests; // what tests/CMakeLists.txt adds: tst_..., browser_...
};

namespace {
const QString SourceDir = QStringLiteral(QUOTECAST_SOURCE_DIR);
// QCommandLineParser's own options: they may share one row, or have none.
const QStringList ParserOptions { "-h", "--help", "--help-all", "-v", "--version" };

QString withoutBackticks(QString text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(u'`') && text.endsWith(u'`'))
        text = text.mid(1, text.size() - 2);
    return text;
}

// The unit of an option's value, as --help names it: <duration>, <size>, else a plain number.
quotecast::quantity::Unit unitOf(const HelpOption &option)
{
    using quotecast::quantity::Unit;
    if (option.valueName == QLatin1String("duration"))
        return Unit::Milliseconds;
    if (option.valueName == QLatin1String("size"))
        return Unit::Bytes;
    return Unit::Plain;
}

// The Limits table writes a default for people ("10,000 events", "60 s", "256 KiB, on top of
// ..."), --help for the parser ("10000", "1min", "256KiB"). Both are read by quotecast's own
// parser, in the option's unit: the number at the start (thousands commas dropped) with the
// word after it when that is a unit ("60 s"), else alone ("10,000 events"). "60 s" and "1min"
// agree; "5 s" and a count of 5000 do not. nullopt when it starts with no such number.
std::optional<qint64> limitValue(const QString &text, quotecast::quantity::Unit unit)
{
    static const QRegularExpression thousands(QStringLiteral("(?<=[0-9]),(?=[0-9]{3})"));
    static const QRegularExpression number(QStringLiteral("^([0-9][0-9.]*)(?: ?[A-Za-z]+)?"));
    const QRegularExpressionMatch match = number.match(withoutBackticks(text).remove(thousands));
    if (!match.hasMatch())
        return std::nullopt;
    if (const std::optional<qint64> value = quotecast::quantity::parse(match.captured(0), unit))
        return value;
    return quotecast::quantity::parse(match.captured(1), unit);
}

QString describe(const std::optional<qint64> &value, quotecast::quantity::Unit unit)
{
    return value ? quotecast::quantity::format(*value, unit) : QStringLiteral("no number");
}

// The tests tests/CMakeLists.txt registers, by their CTest names: each
// quotecast_add_test(tst_x) with its tests/tst_x.cpp, and each browser_<spec> of the foreach over
// the Playwright specs with its tests/browser/<spec>.spec.mjs. A name whose source is missing is
// left out, so that the README cannot be made to list it. nullopt when the file cannot be read.
std::optional<QStringList> registeredTests()
{
    QFile file(SourceDir + "/tests/CMakeLists.txt");
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    const QString cmake = QString::fromUtf8(file.readAll());
    const QDir tests(SourceDir + "/tests");
    QStringList names;
    static const QRegularExpression unit(QStringLiteral("^\\s*quotecast_add_test\\((tst_\\w+)"),
                                         QRegularExpression::MultilineOption);
    for (auto it = unit.globalMatch(cmake); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (tests.exists(name + ".cpp"))
            names.append(name);
    }
    static const QRegularExpression browser(
        QStringLiteral("^\\s*foreach\\((\\w+) ([^)]*)\\)\\s*add_test\\(NAME browser_\\$\\{\\1\\}"),
        QRegularExpression::MultilineOption);
    for (auto it = browser.globalMatch(cmake); it.hasNext();) {
        for (const QString &spec :
             it.next().captured(2).split(QRegularExpression("\\s+"), Qt::SkipEmptyParts)) {
            if (tests.exists("browser/" + spec + ".spec.mjs"))
                names.append("browser_" + spec);
        }
    }
    return names;
}

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

void TestReadme::initTestCase()
{
    QString error;
    m_readme = MarkdownDoc::load(SourceDir + "/README.md", &error);
    QVERIFY2(m_readme, qPrintable(error));
    m_binary = qEnvironmentVariable("QUOTECAST_BIN");
    QVERIFY2(QFile::exists(m_binary), "QUOTECAST_BIN must name the built quotecast");
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable("curl").isEmpty(),
             "curl is missing; packaging/install-deps.sh test installs it");

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("LC_ALL", "C.UTF-8"); // the README is in English
    environment.remove("LANGUAGE");
    environment.insert("XDG_DATA_HOME", m_dir.path()); // never the user's history or settings
    environment.insert("XDG_CONFIG_HOME", m_dir.path());
    QProcess help;
    help.setProcessEnvironment(environment);
    help.start(m_binary, { "--help" });
    QVERIFY(help.waitForFinished(10000));
    QCOMPARE(help.exitCode(), 0);
    m_help = HelpOption::parse(QString::fromUtf8(help.readAllStandardOutput()));

    // A history file, not --in-memory: the README shows /api/history. --publish to a port
    // where nothing listens, so that the publisher's metrics exist. A fast feed, so that every
    // example sees live events at once (only the shape of what they show is compared).
    m_server.process().setProcessEnvironment(environment);
    m_server.process().setStandardErrorFile(m_dir.filePath("stderr.log"));
    const bool started = m_server.start(
        m_binary,
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
    QVERIFY2(m_help.size() >= 10, "quotecast --help printed fewer than 10 options");
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
    const std::optional<QStringList> registered = registeredTests();
    QVERIFY2(registered, "cannot read tests/CMakeLists.txt");
    m_registeredTests = *registered;
    QVERIFY2(m_registeredTests.filter(QRegularExpression("^tst_")).size() >= 10
                 && !m_registeredTests.filter(QRegularExpression("^browser_")).isEmpty(),
             "tests/CMakeLists.txt registers fewer than 10 tst_ tests or no browser_ test "
             "(as this test reads it)");
}

void TestReadme::cleanupTestCase()
{
    m_server.stop();
}

void TestReadme::readmeHasTheTablesAndExamplesTheTestsRead()
{
    // Each check below reads one of these: none of them may pass by finding nothing.
    for (const QStringList &header :
         { QStringList { "option", "default", "meaning" },
           QStringList { "limit", "default", "option", "when it is reached" },
           QStringList { "metric", "type", "meaning" }, QStringList { "request", "answer" },
           QStringList { "test", "what it covers" } }) {
        const auto table = m_readme->table(header);
        QVERIFY2(table && !table->rows.isEmpty(),
                 qPrintable("README.md has no table headed | " + header.join(" | ") + " |"));
    }
    QVERIFY2(m_curls.size() >= 5, "README.md has fewer than 5 curl examples");
}

const HelpOption *TestReadme::helpOption(const QString &name) const
{
    for (const HelpOption &option : m_help) {
        if (option.names.contains(name))
            return &option;
    }
    return nullptr;
}

void TestReadme::optionsTableMatchesHelp_data()
{
    QTest::addColumn<QString>("option");
    QStringList names;
    for (const HelpOption &option : std::as_const(m_help)) {
        if (!ParserOptions.contains(option.names.last()))
            names.append(option.names.last());
    }
    if (const auto table = m_readme->table({ "option", "default", "meaning" })) {
        for (const MarkdownDoc::TableRow &row : table->rows) {
            for (const MarkdownDoc::CodeSpan &span :
                 MarkdownDoc::codeSpans(row.cells[0], row.line)) {
                const QString name = span.code.section(u' ', 0, 0);
                if (!names.contains(name) && !ParserOptions.contains(name))
                    names.append(name);
            }
        }
    }
    names.append(QStringLiteral("--help, --version"));
    for (const QString &name : std::as_const(names))
        QTest::newRow(qPrintable(name)) << name;
}

void TestReadme::optionsTableMatchesHelp()
{
    QFETCH(QString, option);
    const auto table = m_readme->table({ "option", "default", "meaning" });
    QVERIFY2(table, "README.md has no Options table (header | option | default | meaning |)");
    const QString tableAt = QStringLiteral("README.md's Options table (line %1)").arg(table->line);
    // The rows naming this option (for the parser's own options: naming any of them).
    QList<QPair<MarkdownDoc::TableRow, QStringList>> rows; // row, the options its first cell names
    for (const MarkdownDoc::TableRow &row : table->rows) {
        QStringList spans;
        for (const MarkdownDoc::CodeSpan &span : MarkdownDoc::codeSpans(row.cells[0], row.line))
            spans.append(span.code);
        const auto names = [&] {
            QStringList result;
            for (const QString &span : spans)
                result.append(span.section(u' ', 0, 0));
            return result;
        }();
        const bool mine = option.startsWith(QLatin1String("--help, "))
            ? std::any_of(names.begin(), names.end(),
                          [](const QString &n) { return ParserOptions.contains(n); })
            : names.contains(option);
        if (mine)
            rows.append({ row, spans });
    }

    if (option.startsWith(QLatin1String("--help, "))) {
        QVERIFY2(
            rows.size() <= 1,
            qPrintable(QStringLiteral("%1 and %2 both list the parser's own "
                                      "options; one row for them all")
                           .arg(where(rows.value(0).first.line), where(rows.value(1).first.line))));
        for (const auto &[row, spans] : rows) {
            for (const QString &span : spans)
                QVERIFY2(ParserOptions.contains(span) && helpOption(span),
                         qPrintable(QStringLiteral("%1 lists `%2` with --help/--version; that row "
                                                   "is for the parser's own options that --help "
                                                   "prints")
                                        .arg(where(row.line), span)));
        }
        return;
    }

    const HelpOption *help = helpOption(option);
    QVERIFY2(help,
             qPrintable(QStringLiteral("%1 lists %2, which quotecast --help does not print")
                            .arg(where(rows.value(0).first.line), option)));
    QVERIFY2(!rows.isEmpty(),
             qPrintable(QStringLiteral("%1 has no row for %2 (--help: \"%3\")")
                            .arg(tableAt, option, help->description)));
    QVERIFY2(rows.size() == 1,
             qPrintable(QStringLiteral("%1 and %2 both list %3")
                            .arg(where(rows.value(0).first.line), where(rows.value(1).first.line),
                                 option)));
    const auto &[row, spans] = rows.first();
    QVERIFY2(spans.size() == 1,
             qPrintable(QStringLiteral("%1 lumps %2 into one row; each option has a row of its own")
                            .arg(where(row.line), spans.join(", "))));
    // The README writes the value as --help's <placeholder>, upper-cased: `--port PORT`.
    const QString expected = help->valueName.isEmpty()
        ? option
        : QStringLiteral("%1 %2").arg(option, help->valueName.toUpper());
    QVERIFY2(
        spans.first() == expected,
        qPrintable(QStringLiteral("%1 writes `%2`; --help prints %3%4, so the README writes "
                                  "`%5`")
                       .arg(where(row.line), spans.first(), option,
                            help->valueName.isEmpty() ? QString() : " <" + help->valueName + ">",
                            expected)));
    if (help->hasDefault()) {
        QVERIFY2(
            withoutBackticks(row.cells.value(1)) == help->defaultValue,
            qPrintable(QStringLiteral("%1 gives %2's default as \"%3\"; --help says "
                                      "\"Default: %4.\"")
                           .arg(where(row.line), option, row.cells.value(1), help->defaultValue)));
    }
}

void TestReadme::limitsTableDefaultsMatchHelp_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("cell");
    const auto table = m_readme->table({ "limit", "default", "option", "when it is reached" });
    if (!table)
        return;
    for (const MarkdownDoc::TableRow &row : table->rows) {
        for (const MarkdownDoc::CodeSpan &span :
             MarkdownDoc::codeSpans(row.cells.value(2), row.line)) {
            if (span.code.startsWith(QLatin1String("--")))
                QTest::newRow(
                    qPrintable(QStringLiteral("README.md:%1 %2").arg(row.line).arg(span.code)))
                    << row.line << span.code << row.cells.value(1);
        }
    }
}

void TestReadme::limitsTableDefaultsMatchHelp()
{
    QFETCH(int, line);
    QFETCH(QString, option);
    QFETCH(QString, cell);
    const HelpOption *help = helpOption(option);
    QVERIFY2(help,
             qPrintable(QStringLiteral("%1 names %2, which quotecast --help does not print")
                            .arg(where(line), option)));
    QVERIFY2(help->hasDefault(),
             qPrintable(QStringLiteral("%1 gives a default for %2, for which --help prints none")
                            .arg(where(line), option)));
    const quotecast::quantity::Unit unit = unitOf(*help);
    const std::optional<qint64> documented = limitValue(cell, unit);
    const std::optional<qint64> printed = limitValue(help->defaultValue, unit);
    QVERIFY2(printed,
             qPrintable(QStringLiteral("--help prints %1's default as \"%2\", which this test "
                                       "cannot read as a <%3>")
                            .arg(option, help->defaultValue, help->valueName)));
    QVERIFY2(documented == printed,
             qPrintable(QStringLiteral("%1 gives %2's default as \"%3\" (read as %4); --help "
                                       "says \"Default: %5.\"")
                            .arg(where(line), option, cell, describe(documented, unit),
                                 help->defaultValue)));
}

void TestReadme::metricsTableMatchesLiveMetrics_data()
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

void TestReadme::metricsTableMatchesLiveMetrics()
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

void TestReadme::curlExampleAnswersAsShown_data()
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

void TestReadme::curlExampleAnswersAsShown()
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

void TestReadme::testsTableListsEachTestOnce_data()
{
    QTest::addColumn<QString>("test");
    QStringList names = m_registeredTests;
    if (const auto table = m_readme->table({ "test", "what it covers" })) {
        for (const MarkdownDoc::TableRow &row : table->rows) {
            for (const MarkdownDoc::CodeSpan &span : MarkdownDoc::codeSpans(row.cells[0], row.line))
                names.append(span.code);
        }
    }
    names.removeDuplicates();
    for (const QString &name : std::as_const(names))
        QTest::newRow(qPrintable(name)) << name;
}

void TestReadme::testsTableListsEachTestOnce()
{
    QFETCH(QString, test);
    const auto table = m_readme->table({ "test", "what it covers" });
    QVERIFY2(table, "README.md has no Tests table (header | test | what it covers |)");
    QList<int> lines; // the rows that name this test
    for (const MarkdownDoc::TableRow &row : table->rows) {
        for (const MarkdownDoc::CodeSpan &span : MarkdownDoc::codeSpans(row.cells[0], row.line)) {
            if (span.code == test)
                lines.append(row.line);
        }
    }
    QVERIFY2(m_registeredTests.contains(test),
             qPrintable(QStringLiteral("%1 lists %2, which tests/CMakeLists.txt does not register "
                                       "(or whose source is missing)")
                            .arg(where(lines.value(0)), test)));
    QVERIFY2(!lines.isEmpty(),
             qPrintable(QStringLiteral("README.md's Tests table (line %1) has no row for %2, "
                                       "which tests/CMakeLists.txt registers")
                            .arg(table->line)
                            .arg(test)));
    QVERIFY2(lines.size() == 1,
             qPrintable(QStringLiteral("%1 and %2 both list %3")
                            .arg(where(lines.value(0)), where(lines.value(1)), test)));
}

void TestReadme::relativeLinkResolves_data()
{
    QTest::addColumn<QString>("file"); // relative to the source directory
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("target");
    QStringList files { QStringLiteral("README.md") };
    for (const QString &name : QDir(SourceDir + "/docs").entryList({ "*.md" }, QDir::Files))
        files.append("docs/" + name);
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    for (const QString &file : std::as_const(files)) {
        QString error;
        const std::optional<MarkdownDoc> doc = MarkdownDoc::load(SourceDir + u'/' + file, &error);
        QVERIFY2(doc, qPrintable(error));
        for (const MarkdownDoc::Link &link : doc->links()) {
            if (!scheme.match(link.target).hasMatch())
                QTest::newRow(qPrintable(
                    QStringLiteral("%1:%2 %3").arg(file).arg(link.line).arg(link.target)))
                    << file << link.line << link.target;
        }
    }
}

void TestReadme::relativeLinkResolves()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, target);
    const QString at = QStringLiteral("%1:%2 links to %3").arg(file).arg(line).arg(target);
    const QString path = QUrl::fromPercentEncoding(target.section(u'#', 0, 0).toUtf8());
    const QString anchor = QUrl::fromPercentEncoding(target.section(u'#', 1).toUtf8());
    const QDir root(SourceDir);
    const QString resolved = path.isEmpty()
        ? root.filePath(file)
        : QDir::cleanPath(QFileInfo(root.filePath(file)).dir().filePath(path));
    QVERIFY2(
        QFileInfo::exists(resolved),
        qPrintable(QStringLiteral("%1: there is no %2").arg(at, root.relativeFilePath(resolved))));
    QVERIFY2(!root.relativeFilePath(resolved).startsWith(QLatin1String("..")),
             qPrintable(QStringLiteral("%1: outside the repository").arg(at)));
    if (anchor.isEmpty() || !resolved.endsWith(QLatin1String(".md")))
        return;
    QString error;
    const std::optional<MarkdownDoc> doc = MarkdownDoc::load(resolved, &error);
    QVERIFY2(doc, qPrintable(error));
    QStringList anchors;
    for (const MarkdownDoc::Heading &heading : doc->headings())
        anchors.append(heading.anchor);
    QVERIFY2(
        anchors.contains(anchor),
        qPrintable(QStringLiteral("%1: %2 has no heading with the anchor #%3 (it has #%4)")
                       .arg(at, root.relativeFilePath(resolved), anchor, anchors.join(", #"))));
}

QTEST_GUILESS_MAIN(TestReadme)
#include "tst_readme.moc"
