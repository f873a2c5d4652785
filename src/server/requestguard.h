#pragma once

#include <QObject>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace quotecast {

struct ServerSettings;

// Stands between a new connection and QHttpServer, which in Qt 6.4 buffers a request
// of any size, waits forever for one that never ends, and answers malformed ones by
// silently dropping them. The guard peeks at the first request head before handing
// the socket over and answers what it must refuse itself (400, 408, 413, 414, 431,
// 501, 505, with a short text and `Connection: close`). After the hand-over it keeps
// bounding what a connection may leave unanswered and how long it may sit idle,
// until the hub takes the socket for a stream and releases it.
class RequestGuard : public QObject
{
    Q_OBJECT

public:
    // Becomes a child of `socket`; emits accepted() once the first request head is
    // complete and acceptable.
    RequestGuard(QTcpSocket *socket, const ServerSettings &settings);

    // The socket now carries a stream: no more timeouts or request limits on it.
    static void release(QTcpSocket *socket);

signals:
    void accepted(QTcpSocket *socket);

private:
    void inspect();
    void timedOut();
    struct Refusal
    {
        int status;
        QByteArray message;
    };
    // Answers `status` with `message` as a short text, then closes.
    void refuse(int status, const QByteArray &message);
    // Why a complete request head must be refused; nothing when it is acceptable.
    static std::optional<Refusal> checkHead(const QByteArray &head);

    QTcpSocket *const m_socket;
    const qint64 m_maxRequestBytes;
    const int m_idleTimeoutMs;
    bool m_handedOver = false;
    QTimer m_timer;
};

} // namespace quotecast
