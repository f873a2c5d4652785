#pragma once

#include <server/serversettings.h>

#include <QTcpServer>

namespace quotecast {

// A QTcpServer whose connections are GuardedSockets: QHttpServer reads, on each, only the
// requests that passed the guard's checks (see GuardedSocket for why).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(const ServerSettings &settings, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    const ServerSettings m_settings;
};

} // namespace quotecast
