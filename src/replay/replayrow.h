#pragma once

#include <QMetaType>
#include <QString>

namespace quotecast {

// One price of a replayed file: what the market plays as one tick.
struct ReplayRow
{
    QString symbol; // as symbol::normalized gives it: `AAPL`, `BRK.B`
    // The row's close (Yahoo Finance, Stooq) or price (quotecast's export) in whole cents,
    // rounded half away from zero from the file's decimals: 1 to symbol::MaxGivenPriceCents.
    qint64 priceCents = 0;
    // When: milliseconds since the Unix epoch, UTC. A date without a time (Yahoo Finance,
    // Stooq) is that day's midnight UTC, and `dateOnly` is true.
    qint64 timeMs = 0;
    bool dateOnly = false;

    friend bool operator==(const ReplayRow &a, const ReplayRow &b)
    {
        return a.symbol == b.symbol && a.priceCents == b.priceCents && a.timeMs == b.timeMs
            && a.dateOnly == b.dateOnly;
    }
    friend bool operator!=(const ReplayRow &a, const ReplayRow &b) { return !(a == b); }
};

} // namespace quotecast

Q_DECLARE_METATYPE(quotecast::ReplayRow)
