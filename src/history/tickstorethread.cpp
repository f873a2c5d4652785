#include <history/tickstorethread.h>

namespace quotecast {

TickStoreThread::TickStoreThread()
    : m_host(QStringLiteral("quotecast-history"))
{ }

bool TickStoreThread::open(const QString &path, int retentionDays, int recentCount,
                           StoredFeed *feed)
{
    bool opened = false;
    m_host.run([&] {
        opened = store()->open(path, retentionDays, recentCount, feed);
        m_errorString = store()->errorString();
    });
    return opened;
}

} // namespace quotecast
