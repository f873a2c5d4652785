#include <server/staticfiles.h>

#include <server/httpreply.h>

#include <QDirIterator>
#include <QFile>
#include <QMimeDatabase>

namespace quotecast {

namespace {

// The page needs nothing from elsewhere: no inline script or style, no CDN.
constexpr char ContentSecurityPolicy[]
    = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
      "frame-ancestors 'none'";

QByteArray contentType(const QString &path)
{
    static const QMimeDatabase mimeDatabase;
    const QString name = path.endsWith(u'/') ? QStringLiteral("index.html") : path;
    // Web app manifests (W3C Appmanifest §1.3); the shared MIME database may not know them.
    if (name.endsWith(QLatin1String(".webmanifest")))
        return "application/manifest+json";
    const QMimeType mime = mimeDatabase.mimeTypeForFile(name, QMimeDatabase::MatchExtension);
    QByteArray type = mime.name().toUtf8();
    if (mime.inherits(QStringLiteral("text/plain")) || type == "image/svg+xml")
        type += "; charset=utf-8";
    return type;
}

} // namespace

StaticFiles::StaticFiles()
{
    QDirIterator it(QStringLiteral(":/web"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            m_files.insert(file.fileName().mid(int(qstrlen(":/web"))), file.readAll());
    }
    if (m_files.contains(QStringLiteral("/index.html")))
        m_files.insert(QStringLiteral("/"), m_files.value(QStringLiteral("/index.html")));
}

bool StaticFiles::contains(const QString &path) const
{
    return m_files.contains(path);
}

void StaticFiles::serve(const QString &path, QHttpServerResponder &responder, bool withBody) const
{
    const auto file = m_files.constFind(path);
    if (file == m_files.cend()) {
        HttpReply::notFound(responder, withBody);
        return;
    }
    HttpReply::writeHead(responder,
                         { { "Content-Type", contentType(path) },
                           { "Content-Length", QByteArray::number(file->size()) },
                           { "Content-Security-Policy", ContentSecurityPolicy },
                           { "Referrer-Policy", "no-referrer" },
                           { "Cache-Control", "no-cache" } });
    HttpReply::finish(responder, withBody ? *file : QByteArray());
}

} // namespace quotecast
