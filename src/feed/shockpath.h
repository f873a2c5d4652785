#pragma once

#include <feed/shock.h>

#include <QHash>
#include <QString>

namespace quotecast {

// A Shock under way: the price each shocked symbol had when it started, and how many of its
// ticks have been taken. Step k of n is start × (1 + percent)^(k/n): the same percentage every
// tick, and exactly the whole move at the last.
class ShockPath
{
public:
    // `shock` must be valid (Shock::isValid); `startCents`: the prices (cents, 1 or more) of the
    // symbols it moves.
    ShockPath(const Shock &shock, QHash<QString, qint64> startCents);

    // The prices of the next step, in cents within 1..ceilingCents (a price never reaches zero),
    // by symbol.
    QHash<QString, qint64> nextStep(qint64 ceilingCents);
    // Takes `symbol` out of the path (removed, or its price set by hand).
    void drop(const QString &symbol) { m_startCents.remove(symbol); }
    // Every step taken, or no symbol left to move.
    bool isDone() const { return m_step >= m_shock.ticks || m_startCents.isEmpty(); }

private:
    Shock m_shock;
    QHash<QString, qint64> m_startCents;
    int m_step = 0;
};

} // namespace quotecast
