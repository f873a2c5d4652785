#include <relay/nchanpublisher.h>

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcPublish, "quotecast.publish", QtInfoMsg)

namespace quotecast {

NchanPublisher::NchanPublisher(const QUrl &url, int maxQueued, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_maxQueued(qMax(1, maxQueued))
    , m_network(this)
    , m_retry(this)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &NchanPublisher::sendNext);
    connect(&m_network, &QNetworkAccessManager::finished, this, &NchanPublisher::onReplied);
}

void NchanPublisher::publish(const QByteArray &json, const QByteArray &eventName)
{
    if (int(m_queue.size()) >= m_maxQueued) {
        // The oldest waiting event goes, never the one in flight: its fate is not known yet.
        ++m_status.dropped;
        if (!m_dropping) {
            m_dropping = true;
            qCWarning(lcPublish).noquote()
                << QStringLiteral("the queue for %1 is full (%2 events): dropping the oldest until "
                                  "nchan accepts events again")
                       .arg(m_url.toDisplayString())
                       .arg(m_maxQueued);
        }
        const auto oldestWaiting = m_queue.begin() + (m_inFlight ? 1 : 0);
        if (oldestWaiting == m_queue.end())
            return; // a queue of one, in flight: this new event is the one that waits least
        m_queue.erase(oldestWaiting);
    }
    m_queue.push_back({ json, eventName });
    if (!m_inFlight && !m_retry.isActive())
        sendNext();
}

PublisherStatus NchanPublisher::status() const
{
    PublisherStatus status = m_status;
    status.queued = int(m_queue.size());
    return status;
}

void NchanPublisher::sendNext()
{
    if (m_queue.empty())
        return;
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_queue.front().eventName.isEmpty())
        request.setRawHeader("X-EventSource-Event", m_queue.front().eventName);
    request.setTransferTimeout(5000);
    m_inFlight = true;
    m_network.post(request, m_queue.front().json);
}

void NchanPublisher::onReplied(QNetworkReply *reply)
{
    reply->deleteLater();
    m_inFlight = false;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool accepted = reply->error() == QNetworkReply::NoError && httpStatus / 100 == 2;
    const bool wasConnected = m_status.connected, hadFailed = m_failed;
    m_failed = !accepted;
    if (accepted) {
        m_queue.pop_front();
        ++m_status.published;
        m_status.connected = true;
        m_retryMs = FirstRetryMs;
    } else {
        m_status.connected = false;
        m_status.lastError = reply->error() != QNetworkReply::NoError
            ? reply->errorString()
            : QStringLiteral("HTTP %1").arg(httpStatus);
        m_retry.start(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, MaxRetryMs);
    }
    logChanges(wasConnected, hadFailed);
    if (accepted)
        sendNext();
    emit statusChanged(status());
}

void NchanPublisher::logChanges(bool wasConnected, bool hadFailed)
{
    const QString url = m_url.toDisplayString();
    if (m_status.connected && !wasConnected) {
        qCInfo(lcPublish).noquote()
            << QStringLiteral("publishing to %1 (nchan accepts events)").arg(url);
        if (m_dropping)
            qCInfo(lcPublish).noquote()
                << QStringLiteral("%1 events dropped in all so far").arg(m_status.dropped);
        m_dropping = false;
    } else if (m_failed && !hadFailed) {
        qCWarning(lcPublish).noquote()
            << QStringLiteral("cannot publish to %1 (%2); retrying, events wait in a queue of at "
                              "most %3")
                   .arg(url, m_status.lastError)
                   .arg(m_maxQueued);
    }
}

} // namespace quotecast
