#include "helpoption.h"
#include "markdowndoc.h"
#include "readmetest.h"
#include <app/quantity.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using readmetest::where;
using readmetest::withoutBackticks;

// README.md's Options and Limits tables, checked against what the real `quotecast --help`
// prints, so that they stay true: every option has its own row with --help's value name and
// default, and every default of the Limits table is --help's.
class TestReadmeOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readmeHasTheOptionsAndLimitsTables();
    void optionsTableMatchesHelp_data();
    void optionsTableMatchesHelp();
    void limitsTableDefaultsMatchHelp_data();
    void limitsTableDefaultsMatchHelp();

private:
    const HelpOption *helpOption(const QString &name) const;

    QTemporaryDir m_dir; // the settings --help might read
    std::optional<MarkdownDoc> m_readme;
    QList<HelpOption> m_help;
};

namespace {
// QCommandLineParser's own options: they may share one row, or have none.
const QStringList ParserOptions { "-h", "--help", "--help-all", "-v", "--version" };

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
} // namespace

void TestReadmeOptions::initTestCase()
{
    QString error;
    m_readme = MarkdownDoc::load(readmetest::sourceDir() + "/README.md", &error);
    QVERIFY2(m_readme, qPrintable(error));
    const QString binary = qEnvironmentVariable("QUOTECAST_BIN");
    QVERIFY2(QFile::exists(binary), "QUOTECAST_BIN must name the built quotecast");
    QVERIFY(m_dir.isValid());

    QProcess help;
    help.setProcessEnvironment(readmetest::englishEnvironment(m_dir.path()));
    help.start(binary, { "--help" });
    QVERIFY(help.waitForFinished(10000));
    QCOMPARE(help.exitCode(), 0);
    m_help = HelpOption::parse(QString::fromUtf8(help.readAllStandardOutput()));
    // What the tests below compare the README with: none of them may pass by finding nothing.
    QVERIFY2(m_help.size() >= 10, "quotecast --help printed fewer than 10 options");
}

void TestReadmeOptions::readmeHasTheOptionsAndLimitsTables()
{
    // Each check below reads one of these: none of them may pass by finding nothing.
    for (const QStringList &header :
         { QStringList { "option", "default", "meaning" },
           QStringList { "limit", "default", "option", "when it is reached" } }) {
        const auto table = m_readme->table(header);
        QVERIFY2(table && !table->rows.isEmpty(),
                 qPrintable("README.md has no table headed | " + header.join(" | ") + " |"));
    }
}

const HelpOption *TestReadmeOptions::helpOption(const QString &name) const
{
    for (const HelpOption &option : m_help) {
        if (option.names.contains(name))
            return &option;
    }
    return nullptr;
}

void TestReadmeOptions::optionsTableMatchesHelp_data()
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

void TestReadmeOptions::optionsTableMatchesHelp()
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

void TestReadmeOptions::limitsTableDefaultsMatchHelp_data()
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

void TestReadmeOptions::limitsTableDefaultsMatchHelp()
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

QTEST_GUILESS_MAIN(TestReadmeOptions)
#include "tst_readmeoptions.moc"
