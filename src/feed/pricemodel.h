#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

class QRandomGenerator;

namespace quotecast {

// How one tick moves a symbol's price: the rule, its parameters, and the step itself. A value:
// the market holds one, the window and the command line build one, the preferences keep one.
// Parameters are in parts per million of the price (5000 ppm = 0.5 %) so that the seed's
// uniform model stays exact integer arithmetic.
struct PriceModel
{
    enum class Kind {
        // The seed's model: a whole number of cents drawn uniformly within ±volatility of the
        // price (the default: ±0.5 %, as quotecast always moved).
        Uniform,
        // Geometric Brownian motion: a tick's log-return is normal with mean drift − σ²/2 and
        // standard deviation σ = volatility, so that the expected price grows by `drift`
        // per tick whatever σ is (Hull, "Options, Futures and Other Derivatives", §15.3).
        Gbm,
    };
    static constexpr int DefaultUniformVolatilityPpm = 5000; // 0.5 %
    static constexpr int DefaultGbmVolatilityPpm = 2500; // 0.25 %
    static constexpr int MinVolatilityPpm = 1; // 0.0001 %
    static constexpr int MaxVolatilityPpm = 200'000; // 20 % a tick
    static constexpr int MaxDriftPpm = 10'000; // ±1 % a tick (gbm only)

    Kind kind = Kind::Uniform;
    int volatilityPpm = DefaultUniformVolatilityPpm; // MinVolatilityPpm..MaxVolatilityPpm
    int driftPpm = 0; // −MaxDriftPpm..MaxDriftPpm; gbm only, 0 for uniform

    static PriceModel uniform(int volatilityPpm = DefaultUniformVolatilityPpm);
    static PriceModel gbm(int volatilityPpm = DefaultGbmVolatilityPpm, int driftPpm = 0);

    // The price after one tick, in whole cents, from `fromCents` (1..ceilingCents): always
    // within 1..ceilingCents, so a price never reaches zero. Draws from `rng` only.
    qint64 nextPriceCents(qint64 fromCents, qint64 ceilingCents, QRandomGenerator &rng) const;

    // The name on the command line and in settings: `uniform`, `gbm`.
    QString name() const;
    static std::optional<Kind> kindNamed(QStringView name);
    // Whether the parameters are in their ranges (drift 0 for uniform).
    bool isValid() const;

    friend bool operator==(const PriceModel &a, const PriceModel &b)
    {
        return a.kind == b.kind && a.volatilityPpm == b.volatilityPpm && a.driftPpm == b.driftPpm;
    }
    friend bool operator!=(const PriceModel &a, const PriceModel &b) { return !(a == b); }
};

} // namespace quotecast

Q_DECLARE_METATYPE(quotecast::PriceModel)
