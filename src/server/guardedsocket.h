#pragma once

#include <server/requestframer.h>

#include <QTcpSocket>
#include <QTimer>

namespace quotecast {

struct ServerSettings;

// A client's connection as QHttpServer sees it: one checked request at a time.
//
// Qt 6.4's server reads whatever a socket holds: it buffers a request of any size, waits
// forever for one that never ends, drops a malformed one silently, and answers pipelined
// requests however they are framed (request smuggling). So this socket takes what the client
// sent before QHttpServer's slot sees it (its readyRead slot is connected first), frames the
// bytes with a RequestFramer, and puts back only the next accepted request, once the answer to
// the previous one is complete. What must be refused it answers itself, in order. It bounds
// each request's time from its first byte (--request-timeout) and the idle time between
// requests (--idle-timeout), and closes the connection after an answer whose request asked for
// it (RFC 9112 §9.6, §9.3).
class GuardedSocket : public QTcpSocket
{
    Q_OBJECT

public:
    GuardedSocket(const ServerSettings &settings, QObject *parent);

    // How the guard frames requests under `settings` (a head of at most maxRequestBytes).
    static RequestFramer::Limits framerLimits(const ServerSettings &settings);

    // Takes an accepted connection; false (and the descriptor left alone) when it is unusable.
    bool take(qintptr descriptor);

    // A handler of Qt's is about to answer the request Qt read (HttpReply::begin): true once per
    // request, when Qt read exactly the bytes the framer gave it. Else nothing may be answered:
    // Qt calls a second handler for a request it takes as a WebSocket upgrade; or Qt read less
    // than the framer counted (a disagreement, such as heads of over 100 fields were until the
    // framer refused them) and the rest, which Qt would read as a request of its own, is
    // dropped with a 400 and a close.
    bool takeRequest();
    // The answer to the request Qt read is complete (HttpReply says so): the connection closes
    // if the request asked for it, else the next request goes to Qt.
    void answered();
    // Whether the answer now being written is the connection's last (`Connection: close`).
    bool closesAfterAnswer() const;
    // The connection now carries a stream: no deadlines, no more requests, no more reading.
    void release();

private:
    void readClient();
    void serveNext();
    void refuse(const RequestFramer::Refusal &refusal);
    void answersTaken();
    void endConnection(const char *why);
    void linger();
    void timedOut();

    RequestFramer m_framer;
    const int m_requestTimeoutMs;
    const int m_idleTimeoutMs;
    const qint64 m_maxBufferedBytes; // received and not yet answered: one largest request
    bool m_inFlight = false; // a request went to Qt and its answer is not complete
    bool m_taken = false; // a handler answers the request in flight (takeRequest)
    bool m_waitingForReader = false; // answers pile up unread: the next request waits
    bool m_closeAfter = false;
    bool m_released = false;
    bool m_closing = false;
    bool m_lingering = false; // the sending half is closed: waiting for the client's end
    bool m_overflowed = false; // pipelined past m_maxBufferedBytes: what fits, then a close
    bool m_requestDeadline = false; // m_deadline bounds a request, not an idle wait
    QTimer m_deadline;
};

} // namespace quotecast
