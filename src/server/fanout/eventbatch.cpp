#include <server/fanout/eventbatch.h>

namespace quotecast {

EventBatch::EventBatch(const std::vector<FanOutEvent> &events)
    : m_events(events)
    , m_all(concatenate(events.cbegin(), events.cend(), {}))
{ }

EventBatch::Share EventBatch::shareFor(const QSet<QString> &symbols, const QString &filterKey)
{
    if (symbols.isEmpty())
        return m_all;
    auto cached = m_byFilter.constFind(filterKey);
    if (cached == m_byFilter.cend())
        cached = m_byFilter.insert(filterKey,
                                   concatenate(m_events.cbegin(), m_events.cend(), symbols));
    return *cached;
}

EventBatch::Share EventBatch::concatenate(std::vector<FanOutEvent>::const_iterator first,
                                          std::vector<FanOutEvent>::const_iterator last,
                                          const QSet<QString> &symbols)
{
    Share share;
    for (; first != last; ++first) {
        const FanOutEvent &event = *first;
        if (symbols.isEmpty() || event.symbol.isEmpty() || symbols.contains(event.symbol)) {
            share.bytes += event.bytes; // the first one is shared, not copied
            share.events += event.counted ? 1 : 0;
        }
    }
    return share;
}

} // namespace quotecast
