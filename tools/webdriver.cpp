#include "webdriver.h"

#include <memory>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpServer>
#include <qtestsupport_core.h>

WebDriver::WebDriver(int requestTimeoutMs)
    : m_requestTimeoutMs(requestTimeoutMs)
{
    // The driver's banner says nothing a caller needs; its errors do.
    m_driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_driver.setStandardOutputFile(QProcess::nullDevice());
    m_network.setProxy(QNetworkProxy::NoProxy);
}

WebDriver::~WebDriver()
{
    for (const QString &session : QStringList(m_sessions))
        closeSession(session);
    if (m_driver.state() == QProcess::NotRunning)
        return;
    m_driver.terminate();
    m_driver.waitForFinished(5000);
}

bool WebDriver::start()
{
    // chromedriver needs a port up front: borrow a free one from the kernel.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        m_errorString = QStringLiteral("no free port: ") + probe.errorString();
        return false;
    }
    const quint16 port = probe.serverPort();
    probe.close();

    const QString program
        = qEnvironmentVariable("CHROMEDRIVER", QStringLiteral(QUOTECAST_CHROMEDRIVER));
    m_driver.start(program, { QStringLiteral("--port=%1").arg(port) });
    if (!m_driver.waitForStarted()) {
        m_errorString = program + QStringLiteral(": ") + m_driver.errorString();
        return false;
    }
    m_driverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    const bool ready = QTest::qWaitFor(
        [&] {
            return m_driver.state() == QProcess::NotRunning
                || call("GET", QStringLiteral("status")).toObject().value(u"ready").toBool();
        },
        20000);
    if (!ready || m_driver.state() == QProcess::NotRunning) {
        m_errorString = program + QStringLiteral(" did not get ready");
        return false;
    }
    return true;
}

QString WebDriver::openSession(const QSize &windowSize, const QStringList &extraChromiumArguments,
                               const QString &profileDir)
{
    // A browser that talks to the page's server and to nothing else: no proxy, no QUIC, no
    // first-run, update or sync traffic; no GPU and no /dev/shm, which containers lack.
    const QStringList arguments = QStringList {
        QStringLiteral("--headless=new"),
        QStringLiteral("--no-sandbox"),
        QStringLiteral("--disable-gpu"),
        QStringLiteral("--disable-dev-shm-usage"),
        QStringLiteral("--no-proxy-server"),
        QStringLiteral("--disable-quic"),
        QStringLiteral("--no-first-run"),
        QStringLiteral("--disable-background-networking"),
        QStringLiteral("--disable-component-update"),
        QStringLiteral("--disable-sync"),
        QStringLiteral("--window-size=%1,%2").arg(windowSize.width()).arg(windowSize.height()),
        QStringLiteral("--user-data-dir=") + profileDir
    } + extraChromiumArguments;
    const QJsonObject chromeOptions {
        { QStringLiteral("binary"),
          qEnvironmentVariable("CHROMIUM", QStringLiteral(QUOTECAST_CHROMIUM)) },
        { QStringLiteral("args"), QJsonArray::fromStringList(arguments) }
    };
    const QJsonObject capabilities {
        { QStringLiteral("alwaysMatch"),
          QJsonObject { { QStringLiteral("goog:chromeOptions"), chromeOptions } } }
    };
    const QJsonValue answer = call("POST", QStringLiteral("session"),
                                   { { QStringLiteral("capabilities"), capabilities } });
    QString session = answer.toObject().value(u"sessionId").toString();
    if (session.isEmpty()) {
        const QString message = answer.toObject().value(u"message").toString();
        m_errorString = QStringLiteral("no browser session: ")
            + (message.isEmpty() ? QStringLiteral("no answer from the driver") : message);
    } else {
        m_sessions.append(session);
    }
    return session;
}

void WebDriver::closeSession(const QString &session)
{
    m_sessions.removeAll(session);
    call("DELETE", QStringLiteral("session/") + session);
}

QJsonValue WebDriver::call(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(m_driverUrl.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_requestTimeoutMs);
    const QByteArray data
        = verb == "POST" ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
    const std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, data));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    // WebDriver's own errors come with an HTTP status and a JSON body; no status: no driver.
    if (!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return QJsonValue::Undefined;
    QJsonValue value = QJsonDocument::fromJson(reply->readAll()).object().value(u"value");
    if (reply->error() != QNetworkReply::NoError)
        qWarning() << "WebDriver" << verb << path << reply->errorString() << value;
    return value;
}

void WebDriver::navigate(const QString &session, const QUrl &url)
{
    call("POST", QStringLiteral("session/%1/url").arg(session),
         { { QStringLiteral("url"), url.toString() } });
}

QJsonValue WebDriver::execute(const QString &session, const QString &script)
{
    return call("POST", QStringLiteral("session/%1/execute/sync").arg(session),
                { { QStringLiteral("script"), script }, { QStringLiteral("args"), QJsonArray() } });
}

QJsonValue WebDriver::devTools(const QString &session, const QString &command,
                               const QJsonObject &parameters)
{
    return call("POST", QStringLiteral("session/%1/goog/cdp/execute").arg(session),
                { { QStringLiteral("cmd"), command }, { QStringLiteral("params"), parameters } });
}
