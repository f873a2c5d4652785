#pragma once

#include <history/tickstore.h>
#include <platform/threadhost.h>

namespace quotecast {

// Runs a TickStore in a thread of its own, so that SQLite's writes and fsyncs never hold up
// the feed, the window or the streams. Feed it through queued connections to store().
class TickStoreThread
{
public:
    // The destructor writes what is buffered, closes the database and joins the thread.
    TickStoreThread();

    // Starts the thread and opens the database in it; blocks until done (see TickStore::open).
    bool open(const QString &path, int retentionDays, int recentCount, StoredFeed *feed);
    QString errorString() const { return m_errorString; }
    TickStore *store() const { return m_host.object(); }

private:
    ThreadHost<TickStore> m_host;
    QString m_errorString;
};

} // namespace quotecast
