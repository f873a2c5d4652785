#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace quotecast {

// A recorded price: what a PriceSource gives the market instead of its model's moves.
struct SourcePrice
{
    QString symbol;
    qint64 priceCents = 0; // 1..MarketSimulator::MaxPriceCents
    qint64 marketTimeMs = 0; // when it was the market's price: ms since the epoch, UTC
};

// Where the market's prices come from while it replays recorded ones (src/replay reads them
// from CSV files), one per tick, in order. The market knows only this interface.
class PriceSource
{
public:
    virtual ~PriceSource() = default;

    // Every symbol the source gives, in the order of its first price, with that price and its
    // time: the market's symbols while it plays.
    virtual QList<SourcePrice> firstPrices() const = 0;
    // The times of the first and the last price (ms since the epoch, UTC).
    virtual qint64 firstTimeMs() const = 0;
    virtual qint64 lastTimeMs() const = 0;
    // The next price; nullopt at the end, or on an error: then errorString() says what.
    virtual std::optional<SourcePrice> next() = 0;
    // Empty unless the last next() or rewind() failed (a file changed or vanished meanwhile).
    virtual QString errorString() const = 0;
    // Back to the first price (for a loop); false on an error.
    virtual bool rewind() = 0;
};

} // namespace quotecast
