#pragma once

#include <feed/quote.h>

#include <QDate>
#include <QList>

namespace quotecast {

// What a sparkline shows for one symbol: its last few prices, and the day's open, high
// and low. Bounded: only the last `capacity` prices are kept, however long it runs.
class PriceTrail
{
public:
    static constexpr int DefaultCapacity = 60;

    explicit PriceTrail(int capacity = DefaultCapacity);

    // Appends the quote's price. A quote from a later local day than the last one opens
    // a new day: its price becomes the open, the high and the low.
    void add(const Quote &quote);

    bool isEmpty() const { return m_prices.isEmpty(); }
    int capacity() const { return m_capacity; }
    QList<qint64> pricesCents() const { return m_prices; } // oldest first
    QDate day() const { return m_day; }
    qint64 openCents() const { return m_openCents; }
    qint64 highCents() const { return m_highCents; }
    qint64 lowCents() const { return m_lowCents; }

private:
    int m_capacity;
    QList<qint64> m_prices;
    QDate m_day;
    qint64 m_openCents = 0;
    qint64 m_highCents = 0;
    qint64 m_lowCents = 0;
};

} // namespace quotecast
