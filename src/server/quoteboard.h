#pragma once

#include <feed/pricetrail.h>
#include <feed/quote.h>

#include <QJsonArray>
#include <QList>

namespace quotecast {

// The latest quote and the recent trail of every symbol, in feed order: what a new
// stream's snapshot and `GET /api/quotes` show.
class QuoteBoard
{
public:
    // Starts over from each symbol's latest quote; a symbol's trail starts from its ticks
    // among `recentTicks` (a resumed history, oldest first) when it has any.
    void reset(const QList<Quote> &latest, const QList<Quote> &recentTicks = {});
    // A quote for a symbol the board does not know is ignored.
    void update(const Quote &quote);

    const QList<Quote> &quotes() const { return m_quotes; }
    // One object per symbol: the stream's quote fields plus "open", "high", "low" (the
    // day's) and "recent" (the last prices, oldest first), in currency units.
    QJsonArray toJson() const;

private:
    qsizetype indexOf(const QString &symbol) const; // -1 when unknown

    QList<Quote> m_quotes;
    QList<PriceTrail> m_trails; // parallel to m_quotes
};

} // namespace quotecast
