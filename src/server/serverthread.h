#pragma once

#include <platform/threadhost.h>
#include <server/serversettings.h>

namespace quotecast {

class StreamHub;

// Runs a StreamHub in a thread of its own, so that the work proportional to the
// number of browsers never competes with the GUI. Talk to the hub through queued
// signal/slot connections only.
class ServerThread
{
public:
    explicit ServerThread(const ServerSettings &settings);
    // Closes every stream cleanly and joins the thread.
    ~ServerThread();
    Q_DISABLE_COPY_MOVE(ServerThread)

    // Starts the thread and binds the port; blocks until the hub listens or failed to.
    bool start();
    QString errorString() const { return m_errorString; }
    quint16 serverPort() const { return m_port; }
    StreamHub *hub() const { return m_host.object(); }

private:
    ThreadHost<StreamHub> m_host;
    QString m_errorString;
    quint16 m_port = 0;
};

} // namespace quotecast
