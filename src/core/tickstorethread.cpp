#include "tickstorethread.h"

namespace quotecast {

TickStoreThread::TickStoreThread()
    : m_store(new TickStore)
{
    m_thread.setObjectName(QStringLiteral("quotecast-history"));
    m_store->moveToThread(&m_thread);
}

TickStoreThread::~TickStoreThread()
{
    if (m_thread.isRunning()) {
        // A database connection and a timer must die in the thread that uses them.
        QMetaObject::invokeMethod(
            m_store, [store = m_store] { delete store; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_store;
    }
}

bool TickStoreThread::open(const QString &path, int retentionDays, int recentCount,
                           StoredFeed *feed)
{
    m_thread.start();
    bool opened = false;
    QMetaObject::invokeMethod(
        m_store,
        [&] {
            opened = m_store->open(path, retentionDays, recentCount, feed);
            m_errorString = m_store->errorString();
        },
        Qt::BlockingQueuedConnection);
    return opened;
}

} // namespace quotecast
