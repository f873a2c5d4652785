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
    // While the market replays recorded prices: the times of the first and last (ms since the
    // epoch, UTC); both 0 while it simulates them.
    qint64 replayFromMs = 0;
    qint64 replayToMs = 0;

    bool isReplay() const { return replayToMs != 0; }

    friend bool operator==(const FeedStatus &a, const FeedStatus &b)
    {
        return a.running == b.running && a.intervalMs == b.intervalMs && a.symbols == b.symbols
            && a.replayFromMs == b.replayFromMs && a.replayToMs == b.replayToMs;
    }
    friend bool operator!=(const FeedStatus &a, const FeedStatus &b) { return !(a == b); }
};

} // namespace quotecast

Q_DECLARE_METATYPE(quotecast::FeedStatus)
