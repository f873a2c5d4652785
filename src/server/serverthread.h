#pragma once

#include <platform/threadhost.h>
#include <server/serversettings.h>

#include <functional>

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

    // Starts the thread, runs `beforeListening` in it (what the hub must know before its first
    // client, such as the feed: see FeedPipeline), then binds the port; blocks until the hub
    // listens or failed to. Whatever the hub creates meanwhile belongs to the server thread.
    bool start(const std::function<void(StreamHub &)> &beforeListening = {});
    QString errorString() const { return m_errorString; }
    quint16 serverPort() const { return m_port; }
    StreamHub *hub() const { return m_host.object(); }

private:
    ThreadHost<StreamHub> m_host;
    QString m_errorString;
    quint16 m_port = 0;
};

} // namespace quotecast
