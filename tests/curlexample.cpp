#include "curlexample.h"

#include <QHash>
#include <QRegularExpression>

namespace {
bool isCommand(const QString &text)
{
    return text.startsWith(QLatin1String("curl "));
}

// An output block starts like the stream (an SSE field) or like JSON.
bool looksLikeOutput(const QStringList &lines)
{
    static const QRegularExpression start(QStringLiteral("^(retry|event|data|id):|^[{\\[]"));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            return start.match(line).hasMatch();
    }
    return false;
}

QStringList trimmedTrailingBlanks(QStringList lines)
{
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines;
}
} // namespace

QString CurlExample::header(const QString &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QStringList CurlExample::shellWords(const QString &command, bool *ok)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\' && quote == u'"' && i + 1 < command.size())
                word += command[++i];
            else
                word += c;
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < command.size()) {
            word += command[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else if (c == u'#' && !inWord) {
            break; // a comment
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    *ok = quote.isNull();
    return words;
}

CurlExample CurlExample::fromCommand(const QString &command, int line)
{
    CurlExample example;
    example.line = line;
    example.command = command.trimmed();
    bool ok = false;
    const QStringList words = shellWords(example.command, &ok);
    if (!ok) {
        example.unreadable = QStringLiteral("an unclosed quote");
        return example;
    }
    example.m_arguments = words.mid(1);
    // The options the README uses; anything else is an example this test cannot check.
    static const QHash<QString, QChar> longOptions {
        { QStringLiteral("--no-buffer"), u'N' }, { QStringLiteral("--silent"), u's' },
        { QStringLiteral("--include"), u'i' },   { QStringLiteral("--head"), u'I' },
        { QStringLiteral("--header"), u'H' },    { QStringLiteral("--request"), u'X' },
    };
    for (qsizetype i = 0; i < example.m_arguments.size() && example.unreadable.isEmpty(); ++i) {
        const QString &word = example.m_arguments[i];
        QString letters;
        if (longOptions.contains(word))
            letters = longOptions.value(word);
        else if (word.startsWith(u'-') && !word.startsWith(QLatin1String("--")))
            letters = word.mid(1);
        else if (!word.startsWith(u'-') && example.url.isEmpty())
            example.url = word;
        else
            example.unreadable = word; // an option it cannot read, or a second URL
        for (qsizetype k = 0; k < letters.size() && example.unreadable.isEmpty(); ++k) {
            const QChar letter = letters[k];
            if (letter == u'N') {
                example.streams = true;
            } else if (letter == u'I') {
                example.headOnly = true;
            } else if (letter == u'i') {
                example.includesHeaders = true;
            } else if (letter == u's' || letter == u'S') {
                // quiet: changes nothing the test reads
            } else if (letter == u'H' || letter == u'X') {
                // The value is the rest of this word, or the next word. A method (-X) is passed
                // on to curl as it is; the answer's status says what quotecast made of it.
                const QString value
                    = k + 1 < letters.size() ? letters.mid(k + 1) : example.m_arguments.value(++i);
                if (letter == u'H') {
                    const qsizetype colon = value.indexOf(u':');
                    example.headers.append(
                        { value.left(colon).trimmed(), value.mid(colon + 1).trimmed() });
                }
                break;
            } else {
                example.unreadable = u'-' + letter;
            }
        }
    }
    if (example.unreadable.isEmpty() && example.url.isEmpty())
        example.unreadable = QStringLiteral("no URL");
    return example;
}

QList<CurlExample> CurlExample::extract(const MarkdownDoc &doc, QStringList *unmatched)
{
    QList<CurlExample> examples;
    const QList<MarkdownDoc::CodeBlock> &blocks = doc.codeBlocks();
    for (qsizetype b = 0; b < blocks.size(); ++b) {
        const MarkdownDoc::CodeBlock &block = blocks[b];
        for (qsizetype j = 0; j < block.lines.size(); ++j) {
            const QString &text = block.lines[j];
            const bool prompted = text.startsWith(QLatin1String("$ "));
            const QString command = prompted ? text.mid(2) : text;
            if (!isCommand(command))
                continue;
            CurlExample example = fromCommand(command, block.line + int(j));
            if (prompted) {
                // A transcript: the output runs to the next prompt.
                qsizetype end = j + 1;
                while (end < block.lines.size()
                       && !block.lines[end].startsWith(QLatin1String("$ ")))
                    ++end;
                example.shownOutput = trimmedTrailingBlanks(block.lines.mid(j + 1, end - j - 1));
                if (!example.shownOutput.isEmpty())
                    example.shownOutputLine = block.line + int(j) + 1;
            } else if (block.lines.size() == 1 && b + 1 < blocks.size()) {
                // A command alone in its block, then one paragraph ending in ':' ("prints …:"),
                // then a block that looks like output: that block is what it prints.
                const MarkdownDoc::CodeBlock &next = blocks[b + 1];
                QList<MarkdownDoc::Paragraph> between;
                for (const MarkdownDoc::Paragraph &paragraph : doc.paragraphs()) {
                    if (paragraph.line > block.line && paragraph.line < next.line)
                        between.append(paragraph);
                }
                bool other = false; // a heading or a table in between
                for (const MarkdownDoc::Heading &heading : doc.headings())
                    other = other || (heading.line > block.line && heading.line < next.line);
                for (const MarkdownDoc::Table &table : doc.tables())
                    other = other || (table.line > block.line && table.line < next.line);
                if (!other && between.size() == 1 && between[0].text().trimmed().endsWith(u':')
                    && looksLikeOutput(next.lines)) {
                    example.shownOutput = trimmedTrailingBlanks(next.lines);
                    example.shownOutputLine = next.line;
                }
            }
            examples.append(example);
        }
    }
    for (const MarkdownDoc::Paragraph &paragraph : doc.paragraphs()) {
        for (const MarkdownDoc::CodeSpan &span :
             MarkdownDoc::codeSpans(paragraph.text(), paragraph.line)) {
            if (!isCommand(span.code))
                continue;
            CurlExample example = fromCommand(span.code, span.line);
            static const QRegularExpression status(QStringLiteral("^\\s*\\((\\d{3})\\)"));
            if (const QRegularExpressionMatch match = status.match(span.after); match.hasMatch())
                example.statedStatus = match.captured(1).toInt();
            examples.append(example);
        }
    }
    std::sort(examples.begin(), examples.end(),
              [](const CurlExample &a, const CurlExample &b) { return a.line < b.line; });

    // Every mention of a curl command must be one of the examples above.
    static const QRegularExpression mention(QStringLiteral("\\bcurl +(-|'|\"|https?:)"));
    QHash<int, int> examplesOnLine;
    for (const CurlExample &example : std::as_const(examples))
        ++examplesOnLine[example.line];
    const QStringList &lines = doc.lines();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        int mentions = 0;
        for (auto it = mention.globalMatch(lines[i]); it.hasNext(); it.next())
            ++mentions;
        if (mentions > examplesOnLine.value(int(i) + 1))
            unmatched->append(QStringLiteral("%1: %2").arg(i + 1).arg(lines[i].trimmed()));
    }
    return examples;
}
