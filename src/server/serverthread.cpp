#include <server/serverthread.h>

#include <server/streamhub.h>

namespace quotecast {

ServerThread::ServerThread(const ServerSettings &settings)
    : m_host(QStringLiteral("quotecast-server"), settings)
{ }

ServerThread::~ServerThread() = default;

bool ServerThread::start(const std::function<void(StreamHub &)> &beforeListening)
{
    bool listening = false;
    m_host.run([&] {
        if (beforeListening)
            beforeListening(*hub());
        listening = hub()->listen();
        m_errorString = hub()->errorString();
        m_port = hub()->serverPort();
    });
    return listening;
}

} // namespace quotecast
