#pragma once

#include <QMetaType>
#include <QString>

namespace quotecast {

// How publishing to nchan goes, for /metrics and the window.
struct PublisherStatus
{
    bool connected = false; // the last request succeeded
    int queued = 0; // events waiting to be posted
    quint64 published = 0;
    quint64 dropped = 0; // oldest events given up because the queue was full
    QString lastError; // of the last failed request
};

} // namespace quotecast

Q_DECLARE_METATYPE(quotecast::PublisherStatus)
