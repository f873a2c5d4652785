#pragma once

#include <QProcess>
#include <QTemporaryDir>

// A server program that a test runs on a free loopback port, with a temporary directory of
// its own, and stops with SIGTERM: QProcess's SIGKILL would orphan nginx's worker.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();

    bool isValid() const { return m_dir.isValid() && m_port != 0; }
    quint16 port() const { return m_port; }
    QString directory() const { return m_dir.path(); }
    // Starts `program` and waits until it accepts connections on port().
    bool start(const QString &program, const QStringList &arguments);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // SIGTERM, and SIGKILL when that has not ended it within 5 s.
    void stop();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
