#pragma once

#include <relay/publisherstatus.h>

#include <QByteArray>
#include <QMetaType>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <deque>

namespace quotecast {

// Posts every event to an nchan publisher endpoint (`--publish URL`), so that nginx with
// nchan serves the same events to more browsers than one process can hold. One request at a
// time keeps the order; a failed one is retried with a growing delay (250 ms to 10 s) while
// new events wait in a bounded queue, whose oldest are dropped (and counted) when it is full.
// Each change of state is logged once (category quotecast.publish).
class NchanPublisher : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxQueued = 10000;
    static constexpr int FirstRetryMs = 250;
    static constexpr int MaxRetryMs = 10000;

    explicit NchanPublisher(const QUrl &url, int maxQueued = DefaultMaxQueued,
                            QObject *parent = nullptr);

    PublisherStatus status() const;

public slots:
    // `eventName` empty: an unnamed event (a quote); else e.g. "status".
    void publish(const QByteArray &json, const QByteArray &eventName = {});

signals:
    void statusChanged(const quotecast::PublisherStatus &status);

private:
    struct Message
    {
        QByteArray json;
        QByteArray eventName;
    };
    void sendNext();
    void onReplied(QNetworkReply *reply);
    // Logs a change of state once (connected, unreachable with the reason, dropping), not
    // once per event: a headless server has no status bar.
    void logChanges(bool wasConnected, bool hadFailed);

    const QUrl m_url;
    const int m_maxQueued;
    QNetworkAccessManager m_network;
    std::deque<Message> m_queue; // the front one is in flight or waiting for its retry
    bool m_inFlight = false;
    QTimer m_retry;
    int m_retryMs = FirstRetryMs;
    PublisherStatus m_status; // but `queued`, which is the queue's size
    bool m_failed = false; // the last request failed (before any: neither this nor connected)
    bool m_dropping = false; // events were dropped since the last accepted one
};

} // namespace quotecast
