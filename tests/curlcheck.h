#pragma once

#include "curlexample.h"
#include "markdowndoc.h"

#include <QStringList>

// Runs one curl example of the README against a running quotecast and says where the answer
// disagrees with the README: the status (the one stated in parentheses after it, else 200), the
// content type (text/plain for an error, else what the README's endpoint table says), the body's
// shape against the output shown after it, and for every stream the retry, status, snapshot and
// live events that README describes.
class CurlCheck
{
public:
    CurlCheck(const MarkdownDoc &readme, quint16 port);

    // Every disagreement, each naming the README's line; empty when the answer agrees.
    QStringList problems(const CurlExample &example) const;

    // How long a stream is read at most: more than enough for a feed ticking every 20 ms.
    static constexpr int StreamTimeoutMs = 5000;

private:
    QString documentedMediaType(const QString &path) const;

    const MarkdownDoc &m_readme;
    quint16 m_port;
};
