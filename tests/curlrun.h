#pragma once

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <functional>

// The real `curl`, run without any proxy, its output (which must start with the headers: -i or
// -I) split into status, headers and body. A stream never ends: it is read until `enough` says
// so or the time is up, then curl is killed.
class CurlRun
{
public:
    // Runs curl to its end (at most timeoutMs).
    bool run(const QStringList &arguments, int timeoutMs);
    // Runs curl until enough(body so far) or timeoutMs; true when `enough` was reached.
    bool runUntil(const QStringList &arguments,
                  const std::function<bool(const QByteArray &)> &enough, int timeoutMs);

    int status() const { return m_status; }
    QByteArray header(const QByteArray &name) const { return m_headers.value(name.toLower()); }
    // The media type without parameters: "text/plain" of "text/plain; charset=utf-8".
    QByteArray mediaType() const;
    QByteArray body() const { return m_body; }
    // What went wrong with curl itself (did not start, its exit code and standard error).
    QString error() const { return m_error; }

private:
    void split(const QByteArray &output);

    int m_status = 0;
    QHash<QByteArray, QByteArray> m_headers;
    QByteArray m_body;
    QString m_error;
};
