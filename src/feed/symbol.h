#pragma once

#include <QString>
#include <QStringView>

namespace quotecast::symbol {

// The market's limits on its symbols, for every way in (--symbols, the window, a replayed file).
constexpr int MaxCount = 50;
// The highest opening or set price a person may give, in cents (1,000,000.00); ticks may carry a
// price past it, up to MarketSimulator::MaxPriceCents.
constexpr qint64 MaxGivenPriceCents = 1'000'000'00;

// `text` trimmed and upper-cased when it is a symbol: a letter, then up to 9 letters, digits or
// dots, like `AAPL` or `BRK.B`; empty otherwise.
QString normalized(QStringView text);

} // namespace quotecast::symbol
