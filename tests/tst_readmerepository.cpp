#include "markdowndoc.h"
#include "readmetest.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using readmetest::where;

// README.md and docs/*.md against the files of the repository, so that they stay true: the
// README's Tests table against the tests tests/CMakeLists.txt registers, and every relative
// link against the files and headings it leads to.
class TestReadmeRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readmeHasTheTestsTable();
    void testsTableListsEachTestOnce_data();
    void testsTableListsEachTestOnce();
    void relativeLinkResolves_data();
    void relativeLinkResolves();

private:
    std::optional<MarkdownDoc> m_readme;
    QStringList m_registeredTests; // what tests/CMakeLists.txt adds: tst_..., browser_...
};

namespace {
const QString SourceDir = readmetest::sourceDir();

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
} // namespace

void TestReadmeRepository::initTestCase()
{
    QString error;
    m_readme = MarkdownDoc::load(SourceDir + "/README.md", &error);
    QVERIFY2(m_readme, qPrintable(error));
    // What the tests below compare the README with: none of them may pass by finding nothing.
    const std::optional<QStringList> registered = registeredTests();
    QVERIFY2(registered, "cannot read tests/CMakeLists.txt");
    m_registeredTests = *registered;
    QVERIFY2(m_registeredTests.filter(QRegularExpression("^tst_")).size() >= 10
                 && !m_registeredTests.filter(QRegularExpression("^browser_")).isEmpty(),
             "tests/CMakeLists.txt registers fewer than 10 tst_ tests or no browser_ test "
             "(as this test reads it)");
}

void TestReadmeRepository::readmeHasTheTestsTable()
{
    // The check below reads it: it may not pass by finding nothing.
    const auto table = m_readme->table({ "test", "what it covers" });
    QVERIFY2(table && !table->rows.isEmpty(),
             "README.md has no table headed | test | what it covers |");
}

void TestReadmeRepository::testsTableListsEachTestOnce_data()
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

void TestReadmeRepository::testsTableListsEachTestOnce()
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

void TestReadmeRepository::relativeLinkResolves_data()
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

void TestReadmeRepository::relativeLinkResolves()
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

QTEST_GUILESS_MAIN(TestReadmeRepository)
#include "tst_readmerepository.moc"
