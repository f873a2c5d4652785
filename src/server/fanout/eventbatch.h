#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace quotecast {

// One encoded event on its way to the streams.
struct FanOutEvent
{
    QByteArray bytes;
    QString symbol; // empty: for every stream
    bool counted = true; // a live event for the metrics; heartbeats are not
};

// What each stream gets of the events queued since its writer last ran: all of them, or
// those its filter lets through, concatenated once per filter (and not copied at all for the
// usual single event). Lives for one round of the writer; `events` must outlive it.
class EventBatch
{
public:
    struct Share
    {
        QByteArray bytes;
        quint64 events = 0; // not counting heartbeats
    };

    explicit EventBatch(const std::vector<FanOutEvent> &events);

    // The events from `first` to `last` that a filter of `symbols` (all when empty) lets
    // through, concatenated.
    static Share concatenate(std::vector<FanOutEvent>::const_iterator first,
                             std::vector<FanOutEvent>::const_iterator last,
                             const QSet<QString> &symbols);

    // For a stream whose filter is `symbols` (all when empty); `filterKey` names that filter
    // (the symbols sorted and joined), so that streams with one filter share the bytes.
    Share shareFor(const QSet<QString> &symbols, const QString &filterKey);

private:
    const std::vector<FanOutEvent> &m_events;
    const Share m_all;
    QHash<QString, Share> m_byFilter;
};

} // namespace quotecast
