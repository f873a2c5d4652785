#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

class QHttpServerResponder;

namespace quotecast {

// The live page: the files of resources/web (and the icons rendered at build time), read
// once from Qt resources under `:/web`, served with a strict Content-Security-Policy.
class StaticFiles
{
public:
    StaticFiles();

    // `path` as in the URL (`/`, `/app.js`): whether it names one of the files.
    bool contains(const QString &path) const;
    // 200 with the file (its body only when `withBody`: HEAD gets the same head), or 404.
    void serve(const QString &path, QHttpServerResponder &responder, bool withBody) const;

private:
    QHash<QString, QByteArray> m_files; // URL path -> bytes; "/" is index.html
};

} // namespace quotecast
