#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSize>
#include <QStringList>
#include <QUrl>

// chromedriver on a free loopback port, and the headless Chromium sessions it opens, spoken to
// over the W3C WebDriver HTTP API: for tools/dashboardshot. Every call
// waits in a local event loop, so the caller's server and window go on working meanwhile.
class WebDriver
{
public:
    explicit WebDriver(int requestTimeoutMs = 60000);
    // Closes the sessions still open, which quits their Chromium, then stops the driver.
    ~WebDriver();

    // Starts $CHROMEDRIVER (default: the one CMake found) and waits until it is ready;
    // false, with errorString(), when it does not start.
    bool start();
    // A new headless $CHROMIUM (default: the one CMake found) with the profile directory of its
    // own that the caller keeps; the session's id, or empty, with errorString(), on failure.
    QString openSession(const QSize &windowSize, const QStringList &extraChromiumArguments,
                        const QString &profileDir);
    void closeSession(const QString &session);
    // One command, e.g. call("POST", "session/<id>/url", {{"url", …}}): the "value" of the
    // answer (a WebDriver error's too), undefined when the driver does not answer.
    QJsonValue call(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    // The commands both callers use: open a page, run a script (a function body) in it and
    // return its value, and a Chrome DevTools Protocol command (e.g. Emulation.*).
    void navigate(const QString &session, const QUrl &url);
    QJsonValue execute(const QString &session, const QString &script);
    QJsonValue devTools(const QString &session, const QString &command,
                        const QJsonObject &parameters);
    QString errorString() const { return m_errorString; }

private:
    const int m_requestTimeoutMs;
    QProcess m_driver;
    QNetworkAccessManager m_network;
    QUrl m_driverUrl;
    QStringList m_sessions;
    QString m_errorString;
};
