#include <server/guardedsocket.h>

#include <platform/halfclose.h>
#include <server/httpreply.h>
#include <server/serversettings.h>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcGuard, "quotecast.guard", QtWarningMsg)

namespace quotecast {

namespace {
// How long a closing connection waits for its last answers to go out, then for the client to
// close its side (see endConnection).
constexpr int LingerMs = 2000;
// Answers a client has not taken yet, beyond which its next request waits: a client that
// pipelines requests for a large file and never reads would otherwise make the server queue
// the file once for each of them.
constexpr qint64 MaxUnsentBytes = 64 * 1024;
} // namespace

RequestFramer::Limits GuardedSocket::framerLimits(const ServerSettings &settings)
{
    RequestFramer::Limits limits; // the target's and the body's limits are the server's own
    limits.maxHeadBytes = settings.maxRequestBytes;
    return limits;
}

GuardedSocket::GuardedSocket(const ServerSettings &settings, QObject *parent)
    : QTcpSocket(parent)
    , m_framer(framerLimits(settings))
    , m_requestTimeoutMs(settings.requestTimeoutMs)
    , m_idleTimeoutMs(settings.idleTimeoutMs)
    , m_maxBufferedBytes(settings.maxRequestBytes + RequestFramer::Limits {}.maxBodyBytes)
    , m_deadline(this)
{
    // Connected before QHttpServer's own slot, so the framer always looks first.
    connect(this, &QTcpSocket::readyRead, this, &GuardedSocket::readClient);
    connect(this, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(this, &QTcpSocket::bytesWritten, this, &GuardedSocket::answersTaken);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &GuardedSocket::timedOut);
}

bool GuardedSocket::take(qintptr descriptor)
{
    if (!setSocketDescriptor(descriptor))
        return false;
    setReadBufferSize(m_maxBufferedBytes); // what one readyRead can bring
    m_requestDeadline = true; // the first request must arrive in time, trickled or not
    m_deadline.start(m_requestTimeoutMs);
    return true;
}

void GuardedSocket::readClient()
{
    if (m_released)
        return;
    // QHttpServer's slot comes next and reads whatever the buffer holds: nothing the client
    // sent may stay there. It only ever finds a whole request, which it reads and commits in
    // one go, so a transaction it left open has read nothing.
    if (isTransactionStarted())
        commitTransaction();
    const QByteArray received = readAll();
    if (m_closing)
        return; // dropped: nothing more is answered
    // What waits to be answered is bounded by one largest request. A client that pipelines
    // further ahead gets the answers to the requests that fit, then a close, after which it
    // sends the rest again (RFC 9112 §9.3.2), as after any close.
    if (!m_overflowed) {
        const qint64 room = m_maxBufferedBytes - m_framer.bufferedBytes();
        m_overflowed = received.size() > room;
        m_framer.append(m_overflowed ? received.left(room) : received);
    }
    serveNext();
}

void GuardedSocket::serveNext()
{
    while (!m_inFlight && !m_waitingForReader && !m_closing && !m_released) {
        std::optional<RequestFramer::Item> item = m_framer.next();
        if (!item && m_overflowed) {
            endConnection("it pipelined too far ahead");
            return;
        }
        if (!item) {
            // Each request has its deadline from its first byte: trickling does not extend it.
            if (m_framer.hasPartialRequest() && !m_requestDeadline) {
                m_requestDeadline = true;
                m_deadline.start(m_requestTimeoutMs);
            } else if (!m_framer.hasPartialRequest()) {
                m_requestDeadline = false;
                m_deadline.start(m_idleTimeoutMs);
            }
            return;
        }
        if (const auto *refusal = std::get_if<RequestFramer::Refusal>(&*item)) {
            refuse(*refusal);
            continue;
        }
        const auto &request = std::get<RequestFramer::Request>(*item);
        m_deadline.stop();
        m_requestDeadline = false;
        m_inFlight = true;
        m_taken = false;
        m_closeAfter = request.closeAfter;
        // Put back for QHttpServer's slot, which this readyRead reaches next (or the one that
        // answered() queues). The buffer is empty: readClient() has just taken everything.
        for (auto byte = request.bytes.crbegin(); byte != request.bytes.crend(); ++byte)
            ungetChar(*byte);
    }
}

bool GuardedSocket::takeRequest()
{
    if (!m_inFlight || m_taken)
        return false; // answered, or being answered, already
    m_taken = true;
    if (bytesAvailable() == 0)
        return true;
    skip(bytesAvailable()); // what Qt left of the request
    m_inFlight = false;
    refuse({ 400, "Malformed request" });
    return false;
}

void GuardedSocket::answered()
{
    if (m_released || !m_inFlight)
        return;
    m_inFlight = false;
    // Out now rather than at the event loop's next turn: Qt closes the socket as soon as it
    // reads the client's end of file (a client that ends its sending half after its requests),
    // and drops what it has not written yet.
    flush();
    if (m_closeAfter) {
        endConnection("its last request is answered");
        return;
    }
    if (bytesToWrite() > MaxUnsentBytes) {
        m_waitingForReader = true; // until answersTaken(), within the idle timeout
        m_deadline.start(m_idleTimeoutMs);
        return;
    }
    // Queued, as QHttpServer itself does: the answer may be written inside its handler.
    QMetaObject::invokeMethod(this, &QTcpSocket::readyRead, Qt::QueuedConnection);
}

void GuardedSocket::answersTaken()
{
    if (m_closing) {
        if (bytesToWrite() == 0)
            linger();
        return;
    }
    if (m_waitingForReader && bytesToWrite() <= MaxUnsentBytes) {
        m_waitingForReader = false;
        m_deadline.stop();
        QMetaObject::invokeMethod(this, &QTcpSocket::readyRead, Qt::QueuedConnection);
    }
}

bool GuardedSocket::closesAfterAnswer() const
{
    return m_closeAfter;
}

void GuardedSocket::release()
{
    m_released = true;
    m_deadline.stop();
}

void GuardedSocket::refuse(const RequestFramer::Refusal &refusal)
{
    const QByteArray reason = RequestFramer::reasonPhrase(refusal.status);
    qCInfo(lcGuard) << "refused a request from" << peerAddress() << refusal.status << reason;
    const QByteArray body = refusal.message + '\n';
    QByteArray head = "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + reason
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : HttpReply::standardHeaders(refusal.closes))
        head += name + ": " + value + "\r\n";
    write(head + "\r\n" + (refusal.withBody ? body : QByteArray()));
    if (refusal.closes)
        endConnection("its request was refused");
}

void GuardedSocket::endConnection(const char *why)
{
    if (m_closing)
        return;
    qCDebug(lcGuard) << "closing the connection from" << peerAddress() << ':' << why;
    m_closing = true;
    if (state() != ConnectedState)
        return; // gone already: disconnected() deletes it
    m_deadline.start(LingerMs); // for the last answers to go out
    // Closed in stages (RFC 9112 §9.6): a socket closed while the client's next requests sit
    // unread in it is reset by the kernel, and the reset can destroy answers the client has
    // not read yet. So once the answers are out, only the sending half ends; what the client
    // still sends is read and dropped (readClient) until it closes too, or LingerMs pass.
    flush();
    if (bytesToWrite() == 0)
        linger(); // else once answersTaken() sees them all out
}

void GuardedSocket::linger()
{
    if (m_lingering)
        return;
    m_lingering = true;
    if (!shutdownSending(socketDescriptor())) {
        disconnectFromHost();
        return;
    }
    m_deadline.start(LingerMs);
}

void GuardedSocket::timedOut()
{
    if (m_closing)
        abort(); // the client did not take its last answers, or close its side, in time
    else if (m_waitingForReader)
        endConnection("it does not read its answers");
    else if (m_requestDeadline)
        refuse({ 408, "The request did not arrive in time" });
    else
        endConnection("it was idle");
}

} // namespace quotecast
