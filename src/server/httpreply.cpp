#include <server/httpreply.h>

#include <server/guardedsocket.h>

#include <QDateTime>
#include <QHttpServerRequest>
#include <QLocale>

namespace quotecast::HttpReply {

namespace {
GuardedSocket *connectionOf(QHttpServerResponder &responder)
{
    return qobject_cast<GuardedSocket *>(responder.socket());
}
} // namespace

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

Headers standardHeaders(bool closes)
{
    // Formatted once a second per thread, not per answer: a reconnection storm opens
    // thousands of streams a second.
    thread_local qint64 second = -1;
    thread_local QByteArray date;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (now.toSecsSinceEpoch() != second) {
        second = now.toSecsSinceEpoch();
        date = httpDate(now);
    }
    Headers headers { { "Date", date }, { "X-Content-Type-Options", "nosniff" } };
    if (closes)
        headers.emplaceBack("Connection", "close");
    return headers;
}

Headers corsHeaders(const QHttpServerRequest &request, const QByteArray &allowedOrigin)
{
    return corsHeaders(request.value("Origin"), allowedOrigin);
}

Headers corsHeaders(const QByteArray &origin, const QByteArray &allowedOrigin)
{
    if (allowedOrigin.isEmpty() || origin != allowedOrigin)
        return {};
    return { { "Access-Control-Allow-Origin", allowedOrigin }, { "Vary", "Origin" } };
}

bool begin(QHttpServerResponder &responder)
{
    GuardedSocket *connection = connectionOf(responder);
    return !connection || connection->takeRequest();
}

void writeHead(QHttpServerResponder &responder, const Headers &headers, StatusCode status)
{
    const GuardedSocket *connection = connectionOf(responder);
    const bool closes = connection && connection->closesAfterAnswer();
    responder.writeStatusLine(status);
    for (const auto &[name, value] : headers + standardHeaders(closes)) {
        // The last answer says close only (a stream's head, for HEAD, says keep-alive).
        if (!closes || name != "Connection" || value == "close")
            responder.writeHeader(name, value);
    }
}

void finish(QHttpServerResponder &responder, const QByteArray &body)
{
    responder.writeBody(body);
    if (GuardedSocket *connection = connectionOf(responder))
        connection->answered();
}

void writeLive(QHttpServerResponder &responder, const Body &body, const Headers &extra,
               bool withBody)
{
    writeHead(responder,
              Headers { { "Content-Type", body.contentType },
                        { "Content-Length", QByteArray::number(body.bytes.size()) },
                        { "Cache-Control", "no-store" } }
                  + extra,
              body.status);
    finish(responder, withBody ? body.bytes : QByteArray());
}

void text(QHttpServerResponder &responder, StatusCode status, const QByteArray &message,
          const Headers &extra, bool withBody)
{
    const QByteArray body = message + '\n';
    writeHead(responder,
              Headers { { "Content-Type", "text/plain; charset=utf-8" },
                        { "Content-Length", QByteArray::number(body.size()) } }
                  + extra,
              status);
    finish(responder, withBody ? body : QByteArray());
}

void notFound(QHttpServerResponder &responder, bool withBody)
{
    text(responder, StatusCode::NotFound, "Not found", {}, withBody);
}

} // namespace quotecast::HttpReply
