#pragma once

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTest>

#include <memory>

// An answer to GET, as a program reads the API with Qt's HTTP client.
struct HttpAnswer
{
    int status = 0; // 0: no HTTP answer (the test failed)
    QByteArray contentType;
    QByteArray body;
};

// GET http://127.0.0.1:<port><path> through `network`, never through a proxy. A request that
// gets no HTTP answer within 10 s (refused, reset, timed out) fails the test with the reason and
// gives status 0, at which the caller's check of the status stops the test.
inline HttpAnswer httpGet(QNetworkAccessManager &network, quint16 port, const QString &path)
{
    network.setProxy(QNetworkProxy::NoProxy);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
    const std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    const bool finished = QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000);
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!finished || !status.isValid()) {
        const QString why = finished ? reply->errorString() : QStringLiteral("no answer in 10 s");
        QTest::qFail(qPrintable(QStringLiteral("GET %1: %2").arg(url.toString(), why)), __FILE__,
                     __LINE__);
        return {};
    }
    return { status.toInt(), reply->rawHeader("Content-Type"), reply->readAll() };
}
