#pragma once

#include <QString>

namespace quotecast {

// A scripted move for a demonstration: one symbol, or all of them, go by `percent` in total
// over the next `ticks` ticks of the feed, along a geometric path (the same percentage each
// tick), through ordinary ticks with their change, sequence number and id. A crash: −10 over 20.
struct Shock
{
    static constexpr double MinPercent = -99; // a price never reaches zero
    static constexpr double MaxPercent = 1000;
    static constexpr int MaxTicks = 10'000;

    QString symbol; // empty: every symbol the market has when the shock starts
    double percent = 0; // the total move, MinPercent..MaxPercent
    int ticks = 1; // 1..MaxTicks

    bool isValid() const
    {
        return percent >= MinPercent && percent <= MaxPercent && ticks >= 1 && ticks <= MaxTicks;
    }
};

} // namespace quotecast
