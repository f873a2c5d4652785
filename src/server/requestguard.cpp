#include <server/requestguard.h>

#include <server/serversettings.h>

#include <QLoggingCategory>
#include <QTcpSocket>

#include <algorithm>
#include <cctype>

Q_LOGGING_CATEGORY(lcGuard, "quotecast.guard", QtWarningMsg)

namespace quotecast {

namespace {
constexpr qint64 MaxTargetBytes = 8 * 1024;
constexpr char MalformedRequestLine[]
    = "Malformed request line; expected e.g. GET /stream HTTP/1.1";
constexpr qint64 MaxBodyBytes = 64 * 1024; // read-only server: bodies only reach a 405

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

// The methods Qt's HTTP parser knows; anything else would make it drop the connection.
bool isKnownMethod(const QByteArray &method)
{
    static const QList<QByteArray> known { "GET",     "HEAD",    "POST",  "PUT",  "DELETE",
                                           "OPTIONS", "CONNECT", "TRACE", "PATCH" };
    return known.contains(method);
}

// Control characters have no place in a request head (tabs aside).
bool hasControlCharacters(const QByteArray &head)
{
    return std::any_of(head.cbegin(), head.cend(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\r' && c != '\n' && c != '\t') || byte == 0x7f;
    });
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}
} // namespace

RequestGuard::RequestGuard(QTcpSocket *socket, const ServerSettings &settings)
    : QObject(socket)
    , m_socket(socket)
    , m_maxRequestBytes(settings.maxRequestBytes)
    , m_idleTimeoutMs(settings.idleTimeoutMs)
    , m_timer(this)
{
    // Connected before QHttpServer's own slot, so it always looks first.
    connect(socket, &QTcpSocket::readyRead, this, &RequestGuard::inspect);
    // Until the hand-over the socket is ours to delete; after it, QHttpServer deletes
    // it too on disconnect (a second deleteLater is harmless).
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestGuard::timedOut);
    // The whole first head must arrive in time: trickling bytes does not extend it.
    m_timer.start(settings.requestTimeoutMs);
}

void RequestGuard::release(QTcpSocket *socket)
{
    delete socket->findChild<RequestGuard *>(QString(), Qt::FindDirectChildrenOnly);
}

void RequestGuard::inspect()
{
    const qint64 available = m_socket->bytesAvailable();
    if (m_handedOver) {
        // QHttpServer leaves an unfinished request in the socket's buffer; bound it.
        m_timer.start(m_idleTimeoutMs);
        if (available > m_maxRequestBytes + MaxBodyBytes)
            refuse(431, "Request too large");
        return;
    }

    const QByteArray buffered = m_socket->peek(qMin(available, m_maxRequestBytes + 1));
    qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0)
        end = buffered.indexOf("\n\n");
    if (end < 0) {
        // Not HTTP at all (a TLS handshake, binary noise): no need to wait for more.
        if (hasControlCharacters(buffered)
            || (!buffered.isEmpty() && !std::isupper(static_cast<unsigned char>(buffered[0]))
                && buffered[0] != '\r' && buffered[0] != '\n')) {
            refuse(400, MalformedRequestLine);
            return;
        }
        const qsizetype lineEnd = buffered.indexOf('\n');
        if ((lineEnd < 0 && buffered.size() > MaxTargetBytes + 32) || lineEnd > MaxTargetBytes + 32)
            refuse(414, "Request target longer than 8 KiB");
        else if (buffered.size() > m_maxRequestBytes)
            refuse(431,
                   "Request head larger than " + QByteArray::number(m_maxRequestBytes) + " bytes");
        return; // wait for the rest (within the timeout)
    }

    if (const std::optional<Refusal> refusal = checkHead(buffered.left(end))) {
        refuse(refusal->status, refusal->message);
        return;
    }
    m_handedOver = true;
    m_timer.start(m_idleTimeoutMs);
    emit accepted(m_socket);
}

std::optional<RequestGuard::Refusal> RequestGuard::checkHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
    if (requestLine.size() != 3 || hasControlCharacters(head) || !isToken(requestLine[0])
        || !(requestLine[1].startsWith('/') || requestLine[1].startsWith("http://"))) {
        return Refusal { 400, MalformedRequestLine };
    }
    if (!isKnownMethod(requestLine[0])) {
        return Refusal { 501, "Unknown method; quotecast answers GET and HEAD" };
    }
    if (requestLine[1].size() > MaxTargetBytes) {
        return Refusal { 414, "Request target longer than 8 KiB" };
    }
    if (requestLine[2] != "HTTP/1.1" && requestLine[2] != "HTTP/1.0") {
        return Refusal { 505, "Only HTTP/1.1 and HTTP/1.0 are supported" };
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            return Refusal { 400, "Malformed header line" };
        }
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding") {
            return Refusal { 501, "Request bodies are not accepted: quotecast is read-only" };
        }
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0) {
                return Refusal { 400, "Malformed Content-Length" };
            }
            if (length > MaxBodyBytes) {
                return Refusal { 413, "Request bodies are not accepted: quotecast is read-only" };
            }
        }
    }
    return std::nullopt;
}

void RequestGuard::timedOut()
{
    if (!m_handedOver) {
        refuse(408, "The request did not arrive in time");
    } else {
        qCDebug(lcGuard) << "closing an idle connection from" << m_socket->peerAddress();
        m_socket->disconnectFromHost();
    }
}

void RequestGuard::refuse(int status, const QByteArray &message)
{
    const QByteArray reason = reasonPhrase(status);
    qCInfo(lcGuard) << "refused a request from" << m_socket->peerAddress() << status << reason;
    const QByteArray body = message + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    // Nothing more is read from this client; what it sent is dropped with the socket.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_socket->disconnectFromHost();
    m_timer.stop();
}

} // namespace quotecast
