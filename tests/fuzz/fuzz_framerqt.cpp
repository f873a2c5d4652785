// RequestFramer against Qt's own HTTP parser (QHttpServerRequestPrivate, Qt 6.4): every request
// the framer lets through reaches QHttpServer as `bytes`, alone (GuardedSocket). Qt must read
// it as the same request (method, path, number of header lines) and end it where the framer
// does: sent on a loopback connection to a bare QAbstractHttpServer with a sentinel request
// behind it, Qt must find exactly those two, so that the guard and Qt never disagree on where
// a request ends. Input: what a client sends on one connection, as for fuzz_requestframer.
#include "fuzztarget.h"

#include <server/requestframer.h>

#include <QAbstractHttpServer>
#include <QDeadlineTimer>
#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>

using namespace quotecast;
using Method = QHttpServerRequest::Method;

namespace {

const QByteArray Sentinel = "GET /fuzz-sentinel HTTP/1.1\r\nHost: sentinel\r\n\r\n";

// What Qt's parser made of each request, by the client's port.
class Recorder : public QAbstractHttpServer
{
public:
    struct Seen
    {
        Method method;
        QString path;
        qsizetype headerCount;
        bool webSocket; // Qt hands the connection over (or drops it) after this one
    };
    QHash<quint16, QList<Seen>> seen;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        seen[socket->peerPort()].append(
            { request.method(), request.url().path(QUrl::FullyEncoded), request.headers().size(),
              request.value("connection").toLower().contains("upgrade")
                  && request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0 });
        return true; // no answer: only the parse is of interest
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }
};

Method methodOf(const QByteArray &method)
{
    static const QHash<QByteArray, Method> methods {
        { "GET", Method::Get },     { "PUT", Method::Put },         { "DELETE", Method::Delete },
        { "POST", Method::Post },   { "HEAD", Method::Head },       { "OPTIONS", Method::Options },
        { "PATCH", Method::Patch }, { "CONNECT", Method::Connect },
    };
    return methods.value(method, Method::Unknown);
}

// Qt's reading of `bytes` + Sentinel on a connection of its own; gives up after 5 s (Qt
// waiting for more than it was sent: a disagreement too).
QList<Recorder::Seen> qtReading(Recorder &recorder, quint16 port, const QByteArray &bytes)
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    if (!client.waitForConnected(5000))
        fuzz::fail("cannot connect to the recorder", client.errorString().toUtf8());
    const quint16 clientPort = client.localPort();
    client.write(bytes + Sentinel);
    const QDeadlineTimer deadline(5000);
    const auto done = [&] {
        const QList<Recorder::Seen> &seen = recorder.seen[clientPort];
        return seen.size() >= 2 || (!seen.isEmpty() && seen.constFirst().webSocket)
            || client.state() != QAbstractSocket::ConnectedState || deadline.hasExpired();
    };
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    client.abort();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return recorder.seen.take(clientPort);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static auto *recorder = new Recorder; // NOLINT(cppcoreguidelines-owning-memory): until exit
    static const quint16 port = [] {
        auto *server = new QTcpServer(recorder);
        if (!server->listen(QHostAddress::LocalHost, 0))
            fuzz::fail("cannot listen on loopback", server->errorString().toUtf8());
        recorder->bind(server);
        return server->serverPort();
    }();

    const QByteArray input = fuzz::bytes(data, size);
    RequestFramer framer;
    framer.append(input);
    while (const std::optional<RequestFramer::Item> item = framer.next()) {
        const auto *request = std::get_if<RequestFramer::Request>(&*item);
        if (!request)
            continue; // refused: Qt never sees it
        const QList<Recorder::Seen> seen = qtReading(*recorder, port, request->bytes);
        const QByteArray shown
            = request->bytes + " -> Qt read " + QByteArray::number(seen.size()) + " request(s)";
        FUZZ_CHECK(!seen.isEmpty(), shown);
        const Recorder::Seen &first = seen.constFirst();
        FUZZ_CHECK(first.method == methodOf(request->method), shown);
        FUZZ_CHECK(first.path == QUrl::fromEncoded(request->target).path(QUrl::FullyEncoded),
                   shown + " with path " + first.path.toUtf8());
        FUZZ_CHECK(first.headerCount == request->headerCount,
                   shown + " with " + QByteArray::number(first.headerCount) + " headers");
        if (!first.webSocket) { // then the sentinel, read where the framer ended the request
            FUZZ_CHECK(seen.size() == 2 && seen.at(1).path == u"/fuzz-sentinel"
                           && seen.at(1).headerCount == 1,
                       shown);
        }
    }
    return 0;
}
