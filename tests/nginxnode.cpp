#include "nginxnode.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace {
const QString nchanModule = QStringLiteral("/usr/lib/nginx/modules/ngx_nchan_module.so");

QString nginxPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                          { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") });
}

QByteArray readShipped(const QString &path)
{
    QFile file(QStringLiteral(QUOTECAST_SOURCE_DIR "/packaging/nchan/") + path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}
} // namespace

QString NginxNode::missing()
{
    if (nginxPath().isEmpty() || !QFile::exists(nchanModule))
        return QStringLiteral("needs nginx and nchan: apt-get install nginx-light "
                              "libnginx-mod-nchan (packaging/install-deps.sh test installs them)");
    return {};
}

bool NginxNode::configure(const QString &serverFile, quint16 redisPort)
{
    QByteArray server = readShipped(serverFile);
    const QByteArray snippet = readShipped(QStringLiteral("snippets/quotecast-nchan.conf"));
    if (!m_server.isValid() || server.isEmpty() || snippet.isEmpty())
        return false;
    server.replace("listen 8081;", "listen 127.0.0.1:" + QByteArray::number(port()) + ';');
    if (redisPort != 0)
        server.replace("127.0.0.1:6379", "127.0.0.1:" + QByteArray::number(redisPort));

    // The shipped files inside a minimal nginx.conf of our own; nginx resolves the
    // server block's `include snippets/...` against this file's directory.
    const QByteArray dir = m_server.directory().toUtf8();
    return server.contains(QByteArray::number(port()))
        && QDir(m_server.directory()).mkpath(QStringLiteral("snippets"))
        && write(filePath(QStringLiteral("snippets/quotecast-nchan.conf")), snippet)
        && write(filePath(QStringLiteral("nginx.conf")),
                 "load_module " + nchanModule.toUtf8() + ";\ndaemon off;\npid " + dir
                     + "/nginx.pid;\nerror_log stderr warn;\nevents {}\nhttp {\naccess_log off;\n"
                       "client_body_temp_path "
                     + dir + "/body;\nproxy_temp_path " + dir + "/proxy;\n" + server + "}\n");
}

bool NginxNode::start()
{
    return m_server.start(nginxPath(),
                          { QStringLiteral("-p"), m_server.directory(), QStringLiteral("-c"),
                            filePath(QStringLiteral("nginx.conf")) });
}

QUrl NginxNode::publishUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/pub/quotes").arg(port()));
}

QString NginxNode::filePath(const QString &name) const
{
    return m_server.directory() + u'/' + name;
}
