#pragma once

#include <QByteArray>

#include <optional>
#include <variant>

namespace quotecast {

// Splits the bytes a client sends on one connection into requests (RFC 9112 §2–§6) and checks
// each head as a read-only server must, and as Qt 6.4 can read it: at most 100 header fields of
// at most 8 KiB each (431 beyond). Pure: no socket, no clock, so that it can be fuzzed and
// so that every request of a kept-alive connection meets the same checks, not only the first.
//
// Feed it the connection's bytes in order with append(); take requests with next(). A refusal
// that `closes` ends the connection: next() gives nothing after it.
class RequestFramer
{
public:
    struct Limits
    {
        qint64 maxHeadBytes = 16 * 1024; // request line and headers, bytes (431 beyond)
        qint64 maxTargetBytes = 8 * 1024; // the request target, bytes (414 beyond)
        qint64 maxBodyBytes = 64 * 1024; // bodies only ever reach a 405, bytes (413 beyond)
    };

    struct Request
    {
        // What to give Qt's parser: the request as received, or rewritten where Qt 6.4 would
        // misread it (a higher HTTP/1 minor version, a body announced with Expect, an Upgrade
        // field).
        QByteArray bytes;
        QByteArray method;
        QByteArray target;
        int headerCount = 0; // the fields Qt reads in `bytes`
        // The connection closes after the answer: `Connection: close` (RFC 9112 §9.6), any
        // HTTP/1.0 request (§9.3), or a body not waited for (Expect, RFC 9110 §10.1.1).
        bool closeAfter = false;
    };

    struct Refusal
    {
        int status; // 400, 404, 413, 414, 417, 431, 501 or 505
        QByteArray message; // one line for the client, without its newline
        bool closes = true; // false only where the framing is intact (404 of a `//` path)
        bool withBody = true; // false for a HEAD request
    };

    using Item = std::variant<Request, Refusal>;

    RequestFramer();
    explicit RequestFramer(const Limits &limits);

    // Bytes of the connection, in the order they arrived.
    void append(const QByteArray &bytes);
    // The next whole request, or the refusal of the next one as soon as it can be refused;
    // nothing while the next request is incomplete or after a refusal that closes.
    std::optional<Item> next();

    // Bytes of a request that has begun but is not complete: its deadline runs.
    bool hasPartialRequest() const;
    // Bytes appended and not yet returned by next().
    qint64 bufferedBytes() const;
    // A refusal that closes was returned, or a request with closeAfter: nothing more comes.
    bool isFinished() const;

    static QByteArray reasonPhrase(int status);

private:
    std::optional<Item> nextHead();
    Refusal finish(Refusal refusal);

    Limits m_limits;
    QByteArray m_buffer;
    bool m_finished = false;
    bool m_emptyLineSkipped = false; // the one RFC 9112 §2.2 allows before this request
};

} // namespace quotecast
