#pragma once

#include <QProcess>
#include <QTemporaryDir>

// A real redis-server on a free loopback port that keeps nothing on disk, for the relay
// tests with several nginx nodes.
class RedisServer
{
public:
    // Why it cannot run here (redis-server missing), or empty.
    static QString missing();

    RedisServer();
    ~RedisServer();

    bool start(); // true once it accepts connections
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
