#include <feed/pricetrail.h>

#include <QDateTime>

namespace quotecast {

PriceTrail::PriceTrail(int capacity)
    : m_capacity(qMax(2, capacity)) // a line needs two points
{
    m_prices.reserve(m_capacity);
}

void PriceTrail::add(const Quote &quote)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(quote.timestampMs).date();
    if (m_prices.isEmpty() || day > m_day) {
        m_day = day;
        m_openCents = m_highCents = m_lowCents = quote.priceCents;
    } else {
        m_highCents = qMax(m_highCents, quote.priceCents);
        m_lowCents = qMin(m_lowCents, quote.priceCents);
    }
    if (m_prices.size() == m_capacity)
        m_prices.removeFirst(); // O(1) in Qt 6: the list keeps free space at its front
    m_prices.append(quote.priceCents);
}

} // namespace quotecast
