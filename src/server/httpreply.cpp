#include <server/httpreply.h>

#include <QHttpServerRequest>

namespace quotecast::HttpReply {

Headers corsHeaders(const QHttpServerRequest &request, const QByteArray &allowedOrigin)
{
    if (allowedOrigin.isEmpty() || request.value("Origin") != allowedOrigin)
        return {};
    return { { "Access-Control-Allow-Origin", allowedOrigin }, { "Vary", "Origin" } };
}

void writeHead(QHttpServerResponder &responder, const Headers &headers, StatusCode status)
{
    responder.writeStatusLine(status);
    for (const auto &[name, value] : headers)
        responder.writeHeader(name, value);
}

void writeLive(QHttpServerResponder &responder, const Body &body, const Headers &extra,
               bool withBody)
{
    writeHead(responder,
              Headers { { "Content-Type", body.contentType },
                        { "Content-Length", QByteArray::number(body.bytes.size()) },
                        { "Cache-Control", "no-store" },
                        { "X-Content-Type-Options", "nosniff" } }
                  + extra,
              body.status);
    responder.writeBody(withBody ? body.bytes : QByteArray());
}

void text(QHttpServerResponder &responder, StatusCode status, const QByteArray &message,
          const QByteArray &allow)
{
    if (allow.isEmpty()) {
        responder.write(message + '\n', { { "Content-Type", "text/plain; charset=utf-8" } },
                        status);
    } else {
        responder.write(message + '\n',
                        { { "Content-Type", "text/plain; charset=utf-8" }, { "Allow", allow } },
                        status);
    }
}

void notFound(QHttpServerResponder &responder, const QString &path)
{
    text(responder, StatusCode::NotFound, "Not found: " + path.left(200).toUtf8());
}

} // namespace quotecast::HttpReply
