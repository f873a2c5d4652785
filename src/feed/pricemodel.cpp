#include <feed/pricemodel.h>

#include <QRandomGenerator>
#include <QtMath>

#include <cmath>

namespace quotecast {

namespace {

// A standard normal draw (Box–Muller): two uniform draws per value, so that the sequence
// depends on the seed alone.
double standardNormal(QRandomGenerator &rng)
{
    const double u1 = 1.0 - rng.generateDouble(); // in (0, 1]: log(u1) is finite
    const double u2 = rng.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

} // namespace

PriceModel PriceModel::uniform(int volatilityPpm)
{
    return { Kind::Uniform, volatilityPpm, 0 };
}

PriceModel PriceModel::gbm(int volatilityPpm, int driftPpm)
{
    return { Kind::Gbm, volatilityPpm, driftPpm };
}

qint64 PriceModel::nextPriceCents(qint64 fromCents, qint64 ceilingCents,
                                  QRandomGenerator &rng) const
{
    qint64 next = fromCents;
    if (kind == Kind::Uniform) {
        // Whole cents within ±volatility once rounded down, so the change is exact; with
        // 5000 ppm this is the seed's `price * 5 / 1000`, draw for draw. In two parts, because
        // a price near 2^53 times the ppm passes 2^63.
        constexpr qint64 Million = 1'000'000;
        const qint64 maxStep
            = fromCents / Million * volatilityPpm + fromCents % Million * volatilityPpm / Million;
        next = fromCents + rng.bounded(-maxStep, maxStep + 1);
    } else {
        const double sigma = volatilityPpm / 1e6;
        const double logReturn = driftPpm / 1e6 - sigma * sigma / 2 + sigma * standardNormal(rng);
        const double price = double(fromCents) * std::exp(logReturn);
        next = price >= double(ceilingCents) ? ceilingCents : qRound64(price);
    }
    return qBound(qint64(1), next, ceilingCents);
}

QString PriceModel::name() const
{
    return kind == Kind::Gbm ? QStringLiteral("gbm") : QStringLiteral("uniform");
}

std::optional<PriceModel::Kind> PriceModel::kindNamed(QStringView name)
{
    if (name.compare(u"uniform", Qt::CaseInsensitive) == 0)
        return Kind::Uniform;
    if (name.compare(u"gbm", Qt::CaseInsensitive) == 0)
        return Kind::Gbm;
    return std::nullopt;
}

bool PriceModel::isValid() const
{
    return volatilityPpm >= MinVolatilityPpm && volatilityPpm <= MaxVolatilityPpm
        && qAbs(driftPpm) <= MaxDriftPpm && (kind == Kind::Gbm || driftPpm == 0);
}

} // namespace quotecast
