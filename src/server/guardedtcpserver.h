#pragma once

#include <server/serversettings.h>

#include <QTcpServer>

namespace quotecast {

// A QTcpServer that gives QHttpServer a connection only once a RequestGuard has seen
// an acceptable first request head on it (see RequestGuard for why).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(const ServerSettings &settings, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void handOver(QTcpSocket *socket);

    const ServerSettings m_settings;
};

} // namespace quotecast
