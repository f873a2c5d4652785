#pragma once

#include <feed/pricetrail.h>
#include <feed/quote.h>

#include <QJsonArray>
#include <QList>
#include <QStringList>

namespace quotecast {

// The latest quote and the recent trail of every symbol, in feed order: what a new
// stream's snapshot and `GET /api/quotes` show. It follows a symbol list that changes while the
// feed runs: the market ticks an added symbol before its status lists it (MarketSimulator), so
// a symbol joins on its first tick, or at its opening quote given with the status (a replay's
// new symbols), and leaves when a status no longer lists it.
class QuoteBoard
{
public:
    // Starts over from each symbol's latest quote; a symbol's trail starts from its ticks
    // among `recentTicks` (a resumed history, oldest first) when it has any.
    void reset(const QList<Quote> &latest, const QList<Quote> &recentTicks = {});
    // The symbol's latest quote; a symbol the board does not know joins it, after the others,
    // with a new trail.
    void update(const Quote &quote);
    // The feed's symbols now (its status): those the board has are put in that order, and
    // those not listed are dropped with their trail (a symbol added back later starts a new
    // one). A listed symbol the board lacks joins at its quote among `openings` (the market's
    // quotes: a replay's new symbol has an opening price before its first row), else on its
    // first tick.
    void followSymbols(const QStringList &symbols, const QList<Quote> &openings = {});

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
