#include <replay/replaysource.h>

namespace quotecast {

ReplaySource::ReplaySource(PriceReplay replay)
    : m_replay(std::move(replay))
{
    Q_ASSERT(m_replay.isOpen());
}

QList<SourcePrice> ReplaySource::firstPrices() const
{
    QList<SourcePrice> prices;
    for (const PriceReplay::Symbol &symbol : m_replay.symbols())
        prices.append({ symbol.name, symbol.firstPriceCents, symbol.firstTimeMs });
    return prices;
}

std::optional<SourcePrice> ReplaySource::next()
{
    const std::optional<ReplayRow> row = m_replay.next();
    if (!row)
        return std::nullopt;
    return SourcePrice { row->symbol, row->priceCents, row->timeMs };
}

} // namespace quotecast
