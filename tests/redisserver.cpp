#include "redisserver.h"

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

bool RedisServer::start()
{
    // Loopback only, no snapshots, no append-only file: a test's data dies with it.
    return m_server.isValid()
        && m_server.start(redisPath(),
                          { QStringLiteral("--port"), QString::number(port()),
                            QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                            QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                            QStringLiteral("no"), QStringLiteral("--dir"), m_server.directory(),
                            QStringLiteral("--loglevel"), QStringLiteral("warning") });
}
