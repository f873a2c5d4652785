#include <server/sse/resumebuffer.h>

#include <algorithm>

namespace quotecast {

ResumeBuffer::ResumeBuffer(int capacity)
    : m_capacity(qMax(capacity, 0))
{ }

void ResumeBuffer::append(quint64 seq, const QString &symbol, const QByteArray &encoded)
{
    m_lastSeq = seq;
    if (m_capacity == 0)
        return;
    if (int(m_events.size()) == m_capacity)
        m_events.pop_front();
    m_events.push_back({ seq, symbol, encoded });
}

void ResumeBuffer::clear(quint64 lastSeq)
{
    m_events.clear();
    m_lastSeq = lastSeq;
}

std::optional<QByteArray> ResumeBuffer::eventsAfter(quint64 afterSeq, const QSet<QString> &symbols,
                                                    qint64 maxBytes) const
{
    if (afterSeq == m_lastSeq)
        return QByteArray(); // up to date
    if (afterSeq > m_lastSeq || m_events.empty() || afterSeq + 1 < m_events.front().seq)
        return std::nullopt;

    const auto first
        = std::upper_bound(m_events.cbegin(), m_events.cend(), afterSeq,
                           [](quint64 seq, const Event &event) { return seq < event.seq; });
    QByteArray events;
    for (auto it = first; it != m_events.cend(); ++it) {
        if (symbols.isEmpty() || symbols.contains(it->symbol))
            events += it->encoded;
        if (events.size() > maxBytes)
            return std::nullopt; // stop here: the rest would be thrown away too
    }
    return events;
}

} // namespace quotecast
