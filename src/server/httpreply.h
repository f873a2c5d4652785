#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QList>

#include <utility>

class QDateTime;
class QHttpServerRequest;

namespace quotecast {

// Writing answers with QHttpServerResponder, the same way on every route. Every answer is
// whole before it is written (streams aside, which the StreamSet writes), carries the
// standardHeaders(), and tells the connection when it is complete (GuardedSocket::answered).
namespace HttpReply {

using StatusCode = QHttpServerResponder::StatusCode;
using Headers = QList<std::pair<QByteArray, QByteArray>>;

// An answer that is whole before it is written: the JSON API, the metrics, the errors.
struct Body
{
    StatusCode status = StatusCode::Ok;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray bytes;
};

// `time` as an HTTP-date in IMF-fixdate form, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"
// (RFC 9110 §5.6.7).
QByteArray httpDate(const QDateTime &time);

// The headers of every answer, refusals and streams included: Date (RFC 9110 §6.6.1: a
// server with a clock MUST send it), X-Content-Type-Options: nosniff, and Connection: close
// when the connection ends after this answer (RFC 9112 §9.6).
Headers standardHeaders(bool closes);

// Access-Control-Allow-Origin and Vary, when the request's Origin is `allowedOrigin` (none
// when that is empty): one origin only, never `*` (docs/protocol.md, CORS).
Headers corsHeaders(const QHttpServerRequest &request, const QByteArray &allowedOrigin);
// The same for a request whose Origin field is `origin` (empty when it has none).
Headers corsHeaders(const QByteArray &origin, const QByteArray &allowedOrigin);

// Whether a handler may answer the request the connection gave Qt: once per request, and only
// when Qt read it as the guard framed it (GuardedSocket::takeRequest). Every handler starts
// with it and, when it is false, writes nothing.
bool begin(QHttpServerResponder &responder);

// The status line, `headers` and the standard headers; finish() writes the body.
void writeHead(QHttpServerResponder &responder, const Headers &headers,
               StatusCode status = StatusCode::Ok);
// Writes `body` (empty for HEAD), which ends the answer, and tells the connection so.
void finish(QHttpServerResponder &responder, const QByteArray &body);

// `body` as a live value: never cached (Cache-Control: no-store), with `extra` headers (CORS);
// the body itself only when `withBody` (HEAD gets the same head).
void writeLive(QHttpServerResponder &responder, const Body &body, const Headers &extra,
               bool withBody);

// A one-line text/plain answer, as every error is (`message` without its newline), with
// `extra` headers (e.g. Allow: RFC 9110 §15.5.6, a 405 says what is allowed).
void text(QHttpServerResponder &responder, StatusCode status, const QByteArray &message,
          const Headers &extra = {}, bool withBody = true);

// 404. The path is not repeated: an answer never echoes what a client sent.
void notFound(QHttpServerResponder &responder, bool withBody = true);

} // namespace HttpReply
} // namespace quotecast
