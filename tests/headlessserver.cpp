#include "headlessserver.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

HeadlessServer::~HeadlessServer()
{
    stop();
}

bool HeadlessServer::start(const QString &binary, const QStringList &arguments)
{
    m_port = startAndReadPort(m_process, binary,
                              QStringList { QStringLiteral("--headless"), QStringLiteral("--bind"),
                                            QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                            QStringLiteral("0") }
                                  + arguments);
    return m_port != 0;
}

void HeadlessServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

quint16 HeadlessServer::startAndReadPort(QProcess &process, const QString &binary,
                                         const QStringList &arguments)
{
    process.start(binary, arguments);
    if (!process.waitForStarted())
        return 0;
    static const QRegularExpression url(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/"));
    const QDeadlineTimer deadline(10000);
    QByteArray out;
    for (;;) {
        out += process.readAllStandardOutput();
        if (const QRegularExpressionMatch match = url.match(QString::fromUtf8(out));
            match.hasMatch())
            return quint16(match.captured(1).toUInt());
        // Nothing more within the time left, or it has exited: no URL will come.
        if (deadline.hasExpired() || !process.waitForReadyRead(int(deadline.remainingTime()))) {
            out += process.readAllStandardOutput();
            const QRegularExpressionMatch match = url.match(QString::fromUtf8(out));
            return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
        }
    }
}
