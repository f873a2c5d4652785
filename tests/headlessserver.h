#pragma once

#include <QProcess>
#include <QStringList>

// The real `quotecast` binary, run headless on 127.0.0.1 by a test. It picks its own port
// (`--port 0`) and the test reads it from the URL the binary prints, so no two tests race for a
// port; it is stopped with SIGTERM, as a service manager stops it, so that it closes its streams
// and its history file properly.
class HeadlessServer
{
public:
    HeadlessServer() = default;
    ~HeadlessServer();

    // For what a test sets before start() (environment, channels) or reads after stop().
    QProcess &process() { return m_process; }
    // Starts `binary --headless --bind 127.0.0.1 --port 0` followed by `arguments`; true once it
    // has printed its URL.
    bool start(const QString &binary, const QStringList &arguments);
    quint16 port() const { return m_port; }
    // SIGTERM, then SIGKILL if it has not exited within 5 s.
    void stop();

    // Starts `binary` with `arguments` (which choose the port) in `process` and returns the port
    // of the http://127.0.0.1:<port>/ URL it prints, waiting for its output (at most 10 s); 0 when
    // it exits or prints no such URL.
    static quint16 startAndReadPort(QProcess &process, const QString &binary,
                                    const QStringList &arguments);

private:
    QProcess m_process;
    quint16 m_port = 0;
};
