#pragma once

#include <QMetaType>
#include <QStringList>

namespace quotecast {

// What a client needs to know about the feed besides prices: sent as `event: status`.
struct FeedStatus
{
    bool running = false;
    int intervalMs = 0;
    QStringList symbols;

    friend bool operator==(const FeedStatus &a, const FeedStatus &b)
    {
        return a.running == b.running && a.intervalMs == b.intervalMs && a.symbols == b.symbols;
    }
    friend bool operator!=(const FeedStatus &a, const FeedStatus &b) { return !(a == b); }
};

} // namespace quotecast

Q_DECLARE_METATYPE(quotecast::FeedStatus)
