#include "redisserver.h"

#include "localhub.h"

#include <QStandardPaths>

namespace {
QString redisPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
}
} // namespace

QString RedisServer::missing()
{
    if (redisPath().isEmpty())
        return QStringLiteral("needs redis-server: apt-get install redis-server "
                              "(packaging/install-deps.sh test installs it)");
    return {};
}

RedisServer::RedisServer()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

RedisServer::~RedisServer()
{
    m_process.terminate();
    m_process.waitForFinished(5000);
}

bool RedisServer::start()
{
    m_port = freeLoopbackPort();
    if (m_port == 0 || !m_dir.isValid())
        return false;
    // Loopback only, no snapshots, no append-only file: a test's data dies with it.
    m_process.start(redisPath(),
                    { QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                      QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                      m_dir.path(), QStringLiteral("--loglevel"), QStringLiteral("warning") });
    return m_process.waitForStarted() && waitUntilListening(m_port);
}
