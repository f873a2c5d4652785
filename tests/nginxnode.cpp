#include "nginxnode.h"

#include "localhub.h"

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

NginxNode::NginxNode()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

NginxNode::~NginxNode()
{
    stop();
}

bool NginxNode::configure(const QString &serverFile, quint16 redisPort)
{
    m_port = freeLoopbackPort();
    QByteArray server = readShipped(serverFile);
    const QByteArray snippet = readShipped(QStringLiteral("snippets/quotecast-nchan.conf"));
    if (!m_dir.isValid() || m_port == 0 || server.isEmpty() || snippet.isEmpty())
        return false;
    server.replace("listen 8081;", "listen 127.0.0.1:" + QByteArray::number(m_port) + ';');
    if (redisPort != 0)
        server.replace("127.0.0.1:6379", "127.0.0.1:" + QByteArray::number(redisPort));

    // The shipped files inside a minimal nginx.conf of our own; nginx resolves the
    // server block's `include snippets/...` against this file's directory.
    const QByteArray dir = m_dir.path().toUtf8();
    return server.contains(QByteArray::number(m_port))
        && QDir(m_dir.path()).mkpath(QStringLiteral("snippets"))
        && write(m_dir.filePath(QStringLiteral("snippets/quotecast-nchan.conf")), snippet)
        && write(m_dir.filePath(QStringLiteral("nginx.conf")),
                 "load_module " + nchanModule.toUtf8() + ";\ndaemon off;\npid " + dir
                     + "/nginx.pid;\nerror_log stderr warn;\nevents {}\nhttp {\naccess_log off;\n"
                       "client_body_temp_path "
                     + dir + "/body;\nproxy_temp_path " + dir + "/proxy;\n" + server + "}\n");
}

bool NginxNode::start()
{
    m_process.start(nginxPath(),
                    { QStringLiteral("-p"), m_dir.path(), QStringLiteral("-c"),
                      m_dir.filePath(QStringLiteral("nginx.conf")) });
    return m_process.waitForStarted() && waitUntilListening(m_port);
}

void NginxNode::stop()
{
    // SIGTERM, never the SIGKILL of QProcess's destructor: it would orphan the worker.
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    m_process.waitForFinished(5000);
}

QUrl NginxNode::publishUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/pub/quotes").arg(m_port));
}
