#include <server/requestframer.h>

#include <QList>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace quotecast {

namespace {
constexpr char MalformedRequestLine[]
    = "Malformed request line; expected e.g. GET /stream HTTP/1.1";
// Qt 6.4's header parser (QHttpHeaderParser, MAX_HEADER_FIELDS and MAX_HEADER_FIELD_SIZE) fails
// past these, and QHttpServer then reads the request as one without any header: no
// Content-Length, so a body would be read as the next request (found by tests/fuzz).
constexpr int MaxHeaderFields = 100;
constexpr qsizetype MaxHeaderFieldBytes = 8 * 1024; // a line, name and value, without its CRLF

// The methods Qt's HTTP parser knows; anything else would make it drop the connection.
bool isKnownMethod(const QByteArray &method)
{
    static const QList<QByteArray> known { "GET",    "HEAD",    "POST",    "PUT",
                                           "DELETE", "OPTIONS", "CONNECT", "PATCH" };
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

// RFC 9110 §5.6.2: token = 1*tchar.
bool isToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
    });
}

// RFC 9110 §8.6: Content-Length = 1*DIGIT; no sign, no list. 18 digits fit in qint64.
std::optional<qint64> contentLength(const QByteArray &value)
{
    if (value.isEmpty() || value.size() > 18
        || !std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return value.toLongLong();
}

// Where the head ends: after its first empty line (CRLF CRLF, or bare LFs, which RFC 9112
// §2.2 lets a recipient accept); -1 while it is incomplete.
qsizetype headEnd(const QByteArray &buffer)
{
    for (qsizetype i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n', i + 1)) {
        if (i + 1 < buffer.size() && buffer[i + 1] == '\n')
            return i + 2;
        if (i + 2 < buffer.size() && buffer[i + 1] == '\r' && buffer[i + 2] == '\n')
            return i + 3;
    }
    return -1;
}

QByteArray targetTooLong(qint64 maxTargetBytes)
{
    return "Request target longer than " + QByteArray::number(maxTargetBytes / 1024) + " KiB";
}

QByteArray withoutCarriageReturn(const QByteArray &line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}
} // namespace

RequestFramer::RequestFramer()
    : RequestFramer(Limits {})
{ }

RequestFramer::RequestFramer(const Limits &limits)
    : m_limits(limits)
{ }

void RequestFramer::append(const QByteArray &bytes)
{
    if (!m_finished)
        m_buffer += bytes;
}

bool RequestFramer::hasPartialRequest() const
{
    return !m_finished && !m_buffer.isEmpty();
}

qint64 RequestFramer::bufferedBytes() const
{
    return m_buffer.size();
}

bool RequestFramer::isFinished() const
{
    return m_finished;
}

RequestFramer::Refusal RequestFramer::finish(Refusal refusal)
{
    if (refusal.closes) {
        m_finished = true;
        m_buffer.clear();
    }
    return refusal;
}

std::optional<RequestFramer::Item> RequestFramer::next()
{
    if (m_finished)
        return std::nullopt;
    // RFC 9112 §2.2: one empty line before a request line is ignored (some clients send one
    // after a body); more than that is not HTTP, however the lines arrive (found by tests/fuzz:
    // empty lines sent one at a time were each skipped).
    if (!m_emptyLineSkipped && (m_buffer.startsWith("\r\n") || m_buffer.startsWith('\n'))) {
        m_buffer.remove(0, m_buffer.startsWith('\n') ? 1 : 2);
        m_emptyLineSkipped = true;
    }
    if (m_buffer.isEmpty() || (m_buffer == "\r" && !m_emptyLineSkipped))
        return std::nullopt;
    return nextHead();
}

std::optional<RequestFramer::Item> RequestFramer::nextHead()
{
    const qsizetype end = headEnd(m_buffer);
    if (end < 0 || end > m_limits.maxHeadBytes) {
        const QByteArray seen = m_buffer.left(m_limits.maxHeadBytes + 1);
        // Not HTTP at all (a TLS handshake, binary noise): no need to wait for more.
        if (hasControlCharacters(seen) || seen[0] < 'A' || seen[0] > 'Z')
            return finish({ 400, MalformedRequestLine });
        const qsizetype lineEnd = seen.indexOf('\n');
        const qsizetype lineLimit = m_limits.maxTargetBytes + 32;
        if ((lineEnd < 0 && seen.size() > lineLimit) || lineEnd > lineLimit)
            return finish({ 414, targetTooLong(m_limits.maxTargetBytes) });
        if (seen.size() > m_limits.maxHeadBytes)
            return finish({ 431,
                            "Request head larger than " + QByteArray::number(m_limits.maxHeadBytes)
                                + " bytes" });
        return std::nullopt; // the rest of the head is still to come
    }

    const QByteArray head = m_buffer.left(end);
    QList<QByteArray> lines = head.split('\n');
    lines.resize(lines.size() - 2); // the empty line and what follows its LF
    const QByteArray firstLine = withoutCarriageReturn(lines.constFirst());
    const QList<QByteArray> requestLine = firstLine.split(' ');
    if (requestLine.size() != 3 || hasControlCharacters(head) || firstLine.contains('\r')
        || !isToken(requestLine[0])
        || !(requestLine[1].startsWith('/') || requestLine[1].startsWith("http://")))
        return finish({ 400, MalformedRequestLine });
    Request request;
    request.method = requestLine[0];
    request.target = requestLine[1];
    const QByteArray &version = requestLine[2];
    // A refusal of a HEAD request has no body either (RFC 9110 §9.3.2).
    const bool withBody = request.method != "HEAD";
    const auto refuse = [&](int status, const QByteArray &message, bool closes = true) {
        return finish({ status, message, closes, withBody });
    };
    if (!isKnownMethod(request.method))
        return refuse(501, "Unknown method; quotecast answers GET and HEAD");
    if (request.target.size() > m_limits.maxTargetBytes)
        return refuse(414, targetTooLong(m_limits.maxTargetBytes));
    // RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT.
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.'
        || !std::isdigit(static_cast<unsigned char>(version[5]))
        || !std::isdigit(static_cast<unsigned char>(version[7])))
        return refuse(400, MalformedRequestLine);
    if (version[5] != '1')
        return refuse(505, "Only HTTP/1.1 and HTTP/1.0 are supported");
    const bool http10 = version[7] == '0';

    int hosts = 0;
    std::optional<qint64> length;
    bool chunked = false;
    bool expectsContinue = false;
    bool upgrade = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = withoutCarriageReturn(lines[i]);
        const qsizetype colon = line.indexOf(':');
        // RFC 9112 §5.1: no whitespace before the colon; §5.2: no obsolete line folding;
        // §2.2: a bare CR makes the field invalid (a lenient reader could end the line there).
        if (colon <= 0 || !isToken(line.left(colon)) || line.contains('\r'))
            return refuse(400, "Malformed header line");
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (++request.headerCount > MaxHeaderFields)
            return refuse(431, "More than 100 header fields");
        if (line.size() > MaxHeaderFieldBytes)
            return refuse(431, "A header field longer than 8 KiB");
        if (name == "host") {
            ++hosts;
        } else if (name == "content-length") {
            // RFC 9112 §6.3: a second or malformed length makes the framing invalid.
            if (length || !(length = contentLength(value)))
                return refuse(400, "Malformed or repeated Content-Length");
        } else if (name == "transfer-encoding") {
            chunked = true;
        } else if (name == "connection") {
            for (const QByteArray &option : value.split(','))
                request.closeAfter = request.closeAfter || option.trimmed().toLower() == "close";
        } else if (name == "upgrade") {
            upgrade = true;
        } else if (name == "expect") {
            if (value.toLower() != "100-continue")
                return refuse(417, "The only expectation quotecast knows is 100-continue");
            expectsContinue = true;
        }
    }
    if (chunked && length) // RFC 9112 §6.1: a request smuggling attempt
        return refuse(400, "Both Content-Length and Transfer-Encoding");
    if (chunked)
        return refuse(501, "Request bodies are not accepted: quotecast is read-only");
    if (hosts > 1 || (hosts == 0 && !http10)) // RFC 9112 §3.2
        return refuse(400, "HTTP/1.1 requests need exactly one Host header");
    const qint64 bodyBytes = length.value_or(0);
    if (bodyBytes > m_limits.maxBodyBytes)
        return refuse(413, "Request bodies are not accepted: quotecast is read-only");
    request.closeAfter = request.closeAfter || http10;

    // Every endpoint is read-only: a body announced with `Expect: 100-continue` is not waited
    // for. Qt gets the head without it and answers at once; then the connection closes, since
    // the body may still come (RFC 9110 §10.1.1).
    const bool dropBody = expectsContinue && bodyBytes > 0;
    if (!dropBody && m_buffer.size() < end + bodyBytes)
        return std::nullopt; // the body is still to come
    if (request.target.startsWith("//")) {
        // Qt would read `//x/healthz` as host x and path /healthz: one path, one resource. A
        // body not waited for may still come, so then the connection closes, as below.
        m_buffer.remove(0, end + (dropBody ? 0 : bodyBytes));
        m_emptyLineSkipped = false;
        return refuse(404, "Not found", request.closeAfter || dropBody);
    }
    // Qt 6.4 takes only 1.0 and 1.1; a higher minor version is handled as 1.1 (RFC 9110 §2.5).
    // And it takes `Upgrade: websocket` up (two handlers answer, or none), where a server
    // without WebSockets ignores the field (RFC 9110 §7.8): Qt does not get it.
    if (dropBody || version[7] > '1' || upgrade) {
        request.bytes
            = request.method + ' ' + request.target + (http10 ? " HTTP/1.0" : " HTTP/1.1") + "\r\n";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = withoutCarriageReturn(lines[i]);
            if (line.toLower().startsWith("upgrade:")) {
                --request.headerCount; // counts what Qt reads
                continue;
            }
            request.bytes += (dropBody && line.toLower().startsWith("content-length:")
                                  ? QByteArray("Content-Length: 0")
                                  : line)
                + "\r\n";
        }
        request.bytes += "\r\n";
        // The body it announced, else Qt would wait for it for ever (found by tests/fuzz).
        if (!dropBody)
            request.bytes += m_buffer.sliced(end, bodyBytes);
    } else {
        request.bytes = m_buffer.left(end + bodyBytes);
    }
    if (dropBody)
        request.closeAfter = true;
    m_buffer.remove(0, end + (dropBody ? 0 : bodyBytes));
    if (request.closeAfter) {
        m_finished = true;
        m_buffer.clear();
    }
    m_emptyLineSkipped = false;
    return request;
}

QByteArray RequestFramer::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 417:
        return "Expectation Failed";
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

} // namespace quotecast
