#pragma once

#include "tickstore.h"

#include <QThread>

namespace quotecast {

// Runs a TickStore in a thread of its own, so that SQLite's writes and fsyncs never hold up
// the feed, the window or the streams. Feed it through queued connections to store().
class TickStoreThread
{
public:
    TickStoreThread();
    // Writes what is buffered, closes the database and joins the thread.
    ~TickStoreThread();
    Q_DISABLE_COPY_MOVE(TickStoreThread)

    // Starts the thread and opens the database in it; blocks until done (see TickStore::open).
    bool open(const QString &path, int retentionDays, int recentCount, StoredFeed *feed);
    QString errorString() const { return m_errorString; }
    TickStore *store() const { return m_store; }

private:
    QThread m_thread;
    TickStore *m_store; // deleted in its own thread by the destructor
    QString m_errorString;
};

} // namespace quotecast
