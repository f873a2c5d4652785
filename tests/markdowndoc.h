#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A Markdown file (README.md, docs/*.md) read as far as the documentation tests need it: its
// headings (with GitHub's anchors), prose paragraphs, indented and fenced code blocks, pipe
// tables and links, each with the 1-based line it starts on, so that a failure can name it.
class MarkdownDoc
{
public:
    struct Heading
    {
        int line = 0;
        int level = 0;
        QString text;
        QString anchor; // GitHub's slug, with -1, -2 ... for repeated headings
    };
    struct Paragraph
    {
        int line = 0;
        QStringList lines;
        QString text() const { return lines.join(u'\n'); }
    };
    struct CodeBlock
    {
        int line = 0;
        QStringList lines; // without the 4-space indentation; fences dropped
    };
    struct TableRow
    {
        int line = 0;
        QStringList cells; // trimmed, without the outer pipes
    };
    struct Table
    {
        int line = 0;
        QStringList header;
        QList<TableRow> rows;
    };
    struct Link
    {
        int line = 0;
        QString target; // as written: path, path#anchor, #anchor or a URL
    };
    struct CodeSpan
    {
        int line = 0;
        QString code;
        QString after; // the prose that follows, up to the next code span or the paragraph's end
    };

    // Reads `path`; nullopt (and `error`) when it cannot be read.
    static std::optional<MarkdownDoc> load(const QString &path, QString *error);

    const QStringList &lines() const { return m_lines; }
    const QList<Heading> &headings() const { return m_headings; }
    const QList<Paragraph> &paragraphs() const { return m_paragraphs; }
    const QList<CodeBlock> &codeBlocks() const { return m_codeBlocks; }
    const QList<Table> &tables() const { return m_tables; }
    // Every link and image outside code, in prose, tables and headings.
    const QList<Link> &links() const { return m_links; }
    // The first table whose header is exactly `header`.
    std::optional<Table> table(const QStringList &header) const;
    // The code spans of a paragraph or a table cell (backticks removed, newlines as spaces).
    static QList<CodeSpan> codeSpans(const QString &text, int firstLine);
    // GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
    static QString anchorOf(const QString &headingText);

private:
    void parse(const QStringList &lines);
    void addLinks(const QString &text, int firstLine);

    QStringList m_lines;
    QList<Heading> m_headings;
    QList<Paragraph> m_paragraphs;
    QList<CodeBlock> m_codeBlocks;
    QList<Table> m_tables;
    QList<Link> m_links;
};
