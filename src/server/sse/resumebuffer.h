#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

#include <deque>
#include <limits>
#include <optional>

namespace quotecast {

// The most recent quote events, already encoded, so that a client reconnecting with
// Last-Event-ID gets exactly what it missed. Bounded: past `capacity` events the
// oldest is dropped, so memory stays flat however long the server runs.
class ResumeBuffer
{
public:
    explicit ResumeBuffer(int capacity);

    void append(quint64 seq, const QString &symbol, const QByteArray &encoded);
    // Forgets every event; the next one expected follows `lastSeq`.
    void clear(quint64 lastSeq);

    // The events after `afterSeq`, concatenated, restricted to `symbols` (all when
    // empty); nullopt when the history cannot tell what came after `afterSeq` (too old,
    // or from the future) or when they come to more than `maxBytes`, in which case the
    // client needs a snapshot instead.
    std::optional<QByteArray> eventsAfter(quint64 afterSeq, const QSet<QString> &symbols,
                                          qint64 maxBytes
                                          = std::numeric_limits<qint64>::max()) const;

    int capacity() const { return m_capacity; }
    int size() const { return int(m_events.size()); }
    quint64 lastSeq() const { return m_lastSeq; }

private:
    struct Event
    {
        quint64 seq;
        QString symbol;
        QByteArray encoded;
    };

    const int m_capacity;
    std::deque<Event> m_events; // ascending seq
    quint64 m_lastSeq = 0;
};

} // namespace quotecast
