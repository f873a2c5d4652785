#include "markdowndoc.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace {
bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

bool isIndentedCode(const QString &line)
{
    return line.startsWith(QLatin1String("    ")) || line.startsWith(u'\t');
}

bool isFence(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"));
}

QStringList tableCells(const QString &line)
{
    QString inner = line.trimmed();
    if (inner.startsWith(u'|'))
        inner.remove(0, 1);
    if (inner.endsWith(u'|'))
        inner.chop(1);
    QStringList cells;
    // A pipe inside a code span is part of the cell.
    QString cell;
    bool inCode = false;
    for (const QChar c : std::as_const(inner)) {
        if (c == u'`')
            inCode = !inCode;
        if (c == u'|' && !inCode) {
            cells.append(cell.trimmed());
            cell.clear();
        } else {
            cell.append(c);
        }
    }
    cells.append(cell.trimmed());
    return cells;
}

// The text with every code span blanked out (newlines kept), so that links are found in prose
// only and offsets still give line numbers.
QString withoutCodeSpans(const QString &text)
{
    QString result = text;
    static const QRegularExpression span(QStringLiteral("`[^`]+`"));
    for (auto it = span.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        for (qsizetype i = match.capturedStart(); i < match.capturedEnd(); ++i) {
            if (result[i] != u'\n')
                result[i] = u' ';
        }
    }
    return result;
}
} // namespace

std::optional<MarkdownDoc> MarkdownDoc::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    MarkdownDoc doc;
    doc.m_lines = QString::fromUtf8(file.readAll()).split(u'\n');
    doc.parse(doc.m_lines);
    return doc;
}

void MarkdownDoc::parse(const QStringList &lines)
{
    enum class State { None, Paragraph, Table, Indented, Fenced } state = State::None;
    QHash<QString, int> anchorsSeen;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const int number = int(i) + 1;
        if (state == State::Fenced) {
            if (isFence(line))
                state = State::None;
            else
                m_codeBlocks.last().lines.append(line);
            continue;
        }
        if (isBlank(line)) {
            if (state == State::Indented) {
                // A blank line belongs to the code block when the block goes on after it.
                qsizetype next = i + 1;
                while (next < lines.size() && isBlank(lines[next]))
                    ++next;
                if (next < lines.size() && isIndentedCode(lines[next])) {
                    m_codeBlocks.last().lines.append(QString());
                    continue;
                }
            }
            state = State::None;
            continue;
        }
        if (isFence(line)) {
            m_codeBlocks.append(CodeBlock { number, {} });
            state = State::Fenced;
            continue;
        }
        if (isIndentedCode(line) && (state == State::None || state == State::Indented)) {
            if (state == State::None)
                m_codeBlocks.append(CodeBlock { number, {} });
            m_codeBlocks.last().lines.append(line.startsWith(u'\t') ? line.mid(1) : line.mid(4));
            state = State::Indented;
            continue;
        }
        static const QRegularExpression heading(QStringLiteral("^(#{1,6})\\s+(.*?)\\s*#*\\s*$"));
        if (const QRegularExpressionMatch match = heading.match(line); match.hasMatch()) {
            const QString text = match.captured(2);
            QString anchor = anchorOf(text);
            const int seen = anchorsSeen.value(anchor);
            anchorsSeen.insert(anchor, seen + 1);
            if (seen > 0)
                anchor += u'-' + QString::number(seen);
            m_headings.append({ number, int(match.captured(1).size()), text, anchor });
            addLinks(text, number);
            state = State::None;
            continue;
        }
        if (line.trimmed().startsWith(u'|')) {
            static const QRegularExpression separator(QStringLiteral("^\\s*\\|[\\s|:-]+\\|?\\s*$"));
            if (state != State::Table) {
                m_tables.append({ number, tableCells(line), {} });
                state = State::Table;
            } else if (!separator.match(line).hasMatch()) {
                m_tables.last().rows.append({ number, tableCells(line) });
            }
            addLinks(line, number);
            continue;
        }
        if (state != State::Paragraph)
            m_paragraphs.append(Paragraph { number, {} });
        m_paragraphs.last().lines.append(line);
        state = State::Paragraph;
    }
    for (const Paragraph &paragraph : std::as_const(m_paragraphs))
        addLinks(paragraph.text(), paragraph.line);
}

void MarkdownDoc::addLinks(const QString &text, int firstLine)
{
    const QString prose = withoutCodeSpans(text);
    // [text](target "title") and ![alt](target), the text possibly across lines; then
    // reference definitions, [label]: target.
    static const QRegularExpression inlineLink(
        QStringLiteral("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)"));
    static const QRegularExpression definition(
        QStringLiteral("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$"),
        QRegularExpression::MultilineOption);
    for (const QRegularExpression *pattern : { &inlineLink, &definition }) {
        for (auto it = pattern->globalMatch(prose); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const int line = firstLine + int(prose.left(match.capturedStart()).count(u'\n'));
            m_links.append({ line, match.captured(1) });
        }
    }
}

std::optional<MarkdownDoc::Table> MarkdownDoc::table(const QStringList &header) const
{
    for (const Table &table : m_tables) {
        if (table.header == header)
            return table;
    }
    return std::nullopt;
}

QList<MarkdownDoc::CodeSpan> MarkdownDoc::codeSpans(const QString &text, int firstLine)
{
    QList<CodeSpan> spans;
    static const QRegularExpression span(QStringLiteral("`([^`]+)`"));
    qsizetype previousEnd = -1;
    for (auto it = span.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!spans.isEmpty())
            spans.last().after = text.mid(previousEnd, match.capturedStart() - previousEnd);
        const int line = firstLine + int(text.left(match.capturedStart()).count(u'\n'));
        spans.append({ line, match.captured(1).replace(u'\n', u' '), {} });
        previousEnd = match.capturedEnd();
    }
    if (!spans.isEmpty())
        spans.last().after = text.mid(previousEnd);
    return spans;
}

QString MarkdownDoc::anchorOf(const QString &headingText)
{
    // What GitHub renders: code spans and links show their text only.
    QString text = headingText;
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\([^)]*\\)"));
    text.replace(link, QStringLiteral("\\1"));
    QString anchor;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_')
            anchor.append(c);
        else if (c == u' ')
            anchor.append(u'-');
    }
    return anchor;
}
