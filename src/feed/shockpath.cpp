#include <feed/shockpath.h>

#include <QtGlobal>

#include <cmath>

namespace quotecast {

ShockPath::ShockPath(const Shock &shock, QHash<QString, qint64> startCents)
    : m_shock(shock)
    , m_startCents(std::move(startCents))
{
    Q_ASSERT(shock.isValid());
}

QHash<QString, qint64> ShockPath::nextStep(qint64 ceilingCents)
{
    ++m_step;
    const double factor = std::pow(1.0 + m_shock.percent / 100.0, double(m_step) / m_shock.ticks);
    QHash<QString, qint64> prices;
    for (auto it = m_startCents.cbegin(); it != m_startCents.cend(); ++it) {
        const double price = double(it.value()) * factor;
        prices.insert(it.key(),
                      price >= double(ceilingCents) ? ceilingCents
                                                    : qMax(qint64(1), qRound64(price)));
    }
    return prices;
}

} // namespace quotecast
