#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

// A real nginx with nchan on a free loopback port, serving one of the relay
// configurations that packaging/nchan ships (with their snippet), from a temporary
// directory of its own.
class NginxNode
{
public:
    // Why relay tests cannot run here (nginx or the nchan module missing), or empty.
    static QString missing();

    NginxNode();
    ~NginxNode();

    // Writes an nginx.conf around packaging/nchan/<serverFile> on a free port; a non-zero
    // redisPort replaces the port of the Redis it names. False when a file fails.
    bool configure(const QString &serverFile, quint16 redisPort = 0);
    bool start(); // true once it accepts connections
    void stop();

    quint16 port() const { return m_port; }
    QUrl publishUrl() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
