#pragma once

#include <QMetaType>
#include <QString>

namespace quotecast {

// One price observation. Money stays in integer cents until it reaches an edge
// (JSON, a label), so that sums and comparisons are exact.
struct Quote
{
    QString symbol;
    qint64 priceCents = 0;
    qint64 changeCents = 0; // new price - previous price
    qint64 timestampMs = 0; // milliseconds since the Unix epoch
    quint64 seq = 0; // the feed's tick number, from 1; 0 for an opening price
    // When a replayed price was the market's (ms since the epoch, UTC; a daily close: that
    // day's midnight); 0 for a simulated price, which is the market's at timestampMs.
    qint64 marketTimeMs = 0;

    friend bool operator==(const Quote &a, const Quote &b)
    {
        return a.symbol == b.symbol && a.priceCents == b.priceCents
            && a.changeCents == b.changeCents && a.timestampMs == b.timestampMs && a.seq == b.seq
            && a.marketTimeMs == b.marketTimeMs;
    }
    friend bool operator!=(const Quote &a, const Quote &b) { return !(a == b); }
};

// Money at the edges (JSON): 17085 cents -> 170.85.
inline double toCurrencyUnits(qint64 cents)
{
    return double(cents) / 100.0;
}

} // namespace quotecast

Q_DECLARE_METATYPE(quotecast::Quote)
