#pragma once

#include <QThread>

#include <utility>

namespace quotecast {

// Hosts a QObject in a thread of its own: created here, moved into the thread, used there
// through queued calls, and deleted there, since its sockets, timers and database
// connections must die in the thread that used them.
template<typename T> class ThreadHost
{
public:
    template<typename... Args>
    explicit ThreadHost(const QString &threadName, Args &&...args)
        : m_object(new T(std::forward<Args>(args)...))
    {
        m_thread.setObjectName(threadName);
        m_object->moveToThread(&m_thread);
    }

    ~ThreadHost()
    {
        if (!m_thread.isRunning()) {
            delete m_object;
            return;
        }
        QMetaObject::invokeMethod(
            m_object, [object = m_object] { delete object; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    Q_DISABLE_COPY_MOVE(ThreadHost)

    T *object() const { return m_object; }

    // Starts the thread if it is not running and runs `work` in it; returns when it has.
    template<typename Work> void run(Work work)
    {
        if (!m_thread.isRunning())
            m_thread.start();
        QMetaObject::invokeMethod(m_object, std::move(work), Qt::BlockingQueuedConnection);
    }

    // The same without waiting: `work` runs in the thread later, in the order posted.
    template<typename Work> void post(Work work)
    {
        if (!m_thread.isRunning())
            m_thread.start();
        QMetaObject::invokeMethod(m_object, std::move(work), Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    T *m_object;
};

} // namespace quotecast
