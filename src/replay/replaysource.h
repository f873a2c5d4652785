#pragma once

#include <feed/pricesource.h>
#include <replay/pricereplay.h>

namespace quotecast {

// An open PriceReplay as the market's PriceSource: what the market plays while it replays
// files (it loops by rewinding).
class ReplaySource : public PriceSource
{
public:
    // `replay` must be open (PriceReplay::open succeeded).
    explicit ReplaySource(PriceReplay replay);

    QList<SourcePrice> firstPrices() const override;
    qint64 firstTimeMs() const override { return m_replay.firstTimeMs(); }
    qint64 lastTimeMs() const override { return m_replay.lastTimeMs(); }
    std::optional<SourcePrice> next() override;
    QString errorString() const override { return m_replay.errorString(); }
    bool rewind() override { return m_replay.rewind(); }

private:
    PriceReplay m_replay;
};

} // namespace quotecast
