#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QList>
#include <QString>

#include <utility>

class QHttpServerRequest;

namespace quotecast {

// Writing answers with QHttpServerResponder, the same way on every route.
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

// Access-Control-Allow-Origin and Vary, when the request's Origin is `allowedOrigin` (none
// when that is empty): one origin only, never `*` (docs/protocol.md, CORS).
Headers corsHeaders(const QHttpServerRequest &request, const QByteArray &allowedOrigin);

// The status line and `headers`; the caller writes the body, which ends the head.
void writeHead(QHttpServerResponder &responder, const Headers &headers,
               StatusCode status = StatusCode::Ok);

// `body` as a live value: never cached (Cache-Control: no-store), with `extra` headers (CORS);
// the body itself only when `withBody` (HEAD gets the same head).
void writeLive(QHttpServerResponder &responder, const Body &body, const Headers &extra,
               bool withBody);

// A one-line text/plain answer, as every error is (`message` without its newline), with an
// `Allow` header when `allow` is set (RFC 9110 §15.5.6: a 405 says what is allowed).
void text(QHttpServerResponder &responder, StatusCode status, const QByteArray &message,
          const QByteArray &allow = {});

// 404 naming the path (its first 200 characters).
void notFound(QHttpServerResponder &responder, const QString &path);

} // namespace HttpReply
} // namespace quotecast
