#pragma once

#include <server/requestframer.h>
#include <server/serversettings.h>

#include <QTcpServer>

#include <functional>

namespace quotecast {

// A QTcpServer whose connections are GuardedSockets: QHttpServer reads, on each, only the
// requests that passed the guard's checks (see GuardedSocket for why).
//
// Before that, a connection whose first request has arrived whole when it is accepted, and
// passes the same checks, is offered to the stream opener: a `GET /stream` is then served
// without a QTcpSocket, a socket notifier or Qt's parser and router, which a reconnection
// storm of thousands a second would otherwise cost the server's thread (issue 18's profile).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    // Takes over the connection `descriptor` (true) for its first request, as framed by the
    // guard, or leaves both to the guard and Qt (false: nothing may be read or written).
    using StreamOpener
        = std::function<bool(qintptr descriptor, const RequestFramer::Request &request)>;

    explicit GuardedTcpServer(const ServerSettings &settings, QObject *parent = nullptr);

    // Once listening: from now on every connection is offered to `opener` first.
    void setStreamOpener(StreamOpener opener);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    // Whether the stream opener took the connection.
    bool openedDirectly(qintptr socketDescriptor);

    const ServerSettings m_settings;
    StreamOpener m_streamOpener;
};

} // namespace quotecast
