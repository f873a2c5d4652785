#include "curlrun.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSignalSpy>

namespace {
void prepare(QProcess &curl)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    curl.setProcessEnvironment(environment);
}
} // namespace

bool CurlRun::run(const QStringList &arguments, int timeoutMs)
{
    QProcess curl;
    prepare(curl);
    curl.start(QStringLiteral("curl"), arguments);
    if (!curl.waitForFinished(timeoutMs)) {
        m_error = QStringLiteral("curl did not finish within %1 ms (%2)")
                      .arg(timeoutMs)
                      .arg(curl.errorString());
        curl.kill();
        curl.waitForFinished();
        return false;
    }
    if (curl.exitCode() != 0)
        m_error = QStringLiteral("curl exited with %1: %2")
                      .arg(curl.exitCode())
                      .arg(QString::fromUtf8(curl.readAllStandardError()).trimmed());
    split(curl.readAllStandardOutput());
    return curl.exitCode() == 0;
}

bool CurlRun::runUntil(const QStringList &arguments,
                       const std::function<bool(const QByteArray &)> &enough, int timeoutMs)
{
    QProcess curl;
    prepare(curl);
    QSignalSpy readable(&curl, &QProcess::readyReadStandardOutput);
    curl.start(QStringLiteral("curl"), arguments);
    QByteArray output;
    bool reached = false;
    const QDeadlineTimer deadline(timeoutMs);
    if (!curl.waitForStarted()) {
        m_error = curl.errorString();
        return false;
    }
    for (;;) {
        output += curl.readAllStandardOutput();
        split(output);
        if (m_status != 0 && enough(m_body)) {
            reached = true;
            break;
        }
        if (curl.state() == QProcess::NotRunning || deadline.hasExpired()
            || !readable.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            break;
    }
    if (!reached)
        m_error = curl.state() == QProcess::NotRunning
            ? QStringLiteral("curl ended (exit code %1): %2")
                  .arg(curl.exitCode())
                  .arg(QString::fromUtf8(curl.readAllStandardError()).trimmed())
            : QStringLiteral("not enough within %1 ms").arg(timeoutMs);
    curl.kill();
    curl.waitForFinished();
    return reached;
}

QByteArray CurlRun::mediaType() const
{
    return header("content-type").split(';').value(0).trimmed().toLower();
}

void CurlRun::split(const QByteArray &output)
{
    const qsizetype end = output.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = output.left(end).split('\n');
    m_status = lines.value(0).split(' ').value(1).toInt();
    m_headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            m_headers.insert(lines[i].left(colon).trimmed().toLower(),
                             lines[i].mid(colon + 1).trimmed());
    }
    m_body = output.mid(end + 4);
}
