#pragma once

#include "markdowndoc.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// A `curl` command of a Markdown file, as a reader would copy it: from an indented code block
// (with or without a leading "$ ") or from a code span in prose, with what the text around it
// says it answers: the output shown right after it, or a status in parentheses, "(405)".
class CurlExample
{
public:
    int line = 0;
    QString command; // as written, without "$ "
    int statedStatus = 0; // "(400)" right after a code span; 0 when none is stated
    int shownOutputLine = 0; // 0 when no output is shown
    QStringList shownOutput;

    // What the arguments ask for; `unreadable` names the first argument this class does not
    // know, in which case the example cannot be checked.
    bool streams = false; // -N: the answer never ends
    bool headOnly = false; // -I
    bool includesHeaders = false; // -i
    QList<QPair<QString, QString>> headers;
    QString url;
    QString unreadable;

    // The curl arguments (without "curl") split as a POSIX shell would.
    QStringList arguments() const { return m_arguments; }
    QString header(const QString &name) const;

    // Every curl example of the document. `unmatched` gets "line: text" for each mention of a
    // curl command ("curl -…", "curl 'http…") that is not one of them.
    static QList<CurlExample> extract(const MarkdownDoc &doc, QStringList *unmatched);
    // A shell command line split into words (single and double quotes, backslashes).
    static QStringList shellWords(const QString &command, bool *ok);

private:
    static CurlExample fromCommand(const QString &command, int line);
    QStringList m_arguments;
};
