#include "serverthread.h"

#include "streamhub.h"

namespace quotecast {

ServerThread::ServerThread(const ServerSettings &settings)
    : m_hub(new StreamHub(settings))
{
    m_thread.setObjectName(QStringLiteral("quotecast-server"));
    m_hub->moveToThread(&m_thread);
}

ServerThread::~ServerThread()
{
    if (m_thread.isRunning()) {
        // Sockets and timers must die in the thread that owns them.
        QMetaObject::invokeMethod(
            m_hub, [hub = m_hub] { delete hub; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_hub;
    }
}

bool ServerThread::start()
{
    m_thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_hub,
        [this, &listening] {
            listening = m_hub->listen();
            m_errorString = m_hub->errorString();
            m_port = m_hub->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

QString ServerThread::errorString() const
{
    return m_errorString;
}

quint16 ServerThread::serverPort() const
{
    return m_port;
}

} // namespace quotecast
