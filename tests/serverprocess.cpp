#include "serverprocess.h"

#include "loopback.h"

ServerProcess::ServerProcess()
    : m_port(freeLoopbackPort())
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QString &program, const QStringList &arguments)
{
    m_process.start(program, arguments);
    return m_process.waitForStarted() && waitUntilListening(m_port);
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        // Still there: it would keep the port, and the next start() of this server would fail.
        qWarning("%s ignored SIGTERM for 5 s; killing it", qPrintable(m_process.program()));
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}
