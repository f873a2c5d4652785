#pragma once

#include "serverprocess.h"

#include <QUrl>

// A real nginx with nchan on a free loopback port, serving one of the relay
// configurations that packaging/nchan ships (with their snippet).
class NginxNode
{
public:
    // Why relay tests cannot run here (nginx or the nchan module missing), or empty.
    static QString missing();

    // Writes an nginx.conf around packaging/nchan/<serverFile>; a non-zero redisPort
    // replaces the port of the Redis it names. False when a file fails.
    bool configure(const QString &serverFile, quint16 redisPort = 0);
    bool start(); // true once it accepts connections
    void stop() { m_server.stop(); }
    bool isRunning() const { return m_server.isRunning(); }

    quint16 port() const { return m_server.port(); }
    QUrl publishUrl() const;

private:
    QString filePath(const QString &name) const;

    ServerProcess m_server;
};
