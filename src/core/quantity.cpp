#include "quantity.h"

#include <QRegularExpression>
#include <QtNumeric>

#include <array>

namespace quotecast::quantity {

namespace {

struct Suffix
{
    QLatin1StringView name;
    qint64 factor;
};

// Largest first: format() picks the first that divides the value exactly.
constexpr std::array<Suffix, 4> DurationSuffixes { {
    { QLatin1StringView("h"), 3'600'000 },
    { QLatin1StringView("min"), 60'000 },
    { QLatin1StringView("s"), 1000 },
    { QLatin1StringView("ms"), 1 },
} };
constexpr std::array<Suffix, 4> SizeSuffixes { {
    { QLatin1StringView("GiB"), qint64(1) << 30 },
    { QLatin1StringView("MiB"), qint64(1) << 20 },
    { QLatin1StringView("KiB"), qint64(1) << 10 },
    { QLatin1StringView("B"), 1 },
} };
// Read, never written: GNU coreutils' spellings.
constexpr std::array<Suffix, 6> OtherSizeSuffixes { {
    { QLatin1StringView("G"), qint64(1) << 30 },
    { QLatin1StringView("M"), qint64(1) << 20 },
    { QLatin1StringView("K"), qint64(1) << 10 },
    { QLatin1StringView("GB"), 1'000'000'000 },
    { QLatin1StringView("MB"), 1'000'000 },
    { QLatin1StringView("kB"), 1000 },
} };

std::optional<qint64> factorOf(QStringView suffix, Unit unit)
{
    if (suffix.isEmpty())
        return 1;
    const auto find = [&](const auto &suffixes) -> std::optional<qint64> {
        for (const Suffix &s : suffixes) {
            if (suffix.compare(s.name, Qt::CaseInsensitive) == 0)
                return s.factor;
        }
        return std::nullopt;
    };
    switch (unit) {
    case Unit::Count:
        return std::nullopt;
    case Unit::Milliseconds:
        return find(DurationSuffixes);
    case Unit::Bytes:
        if (const auto factor = find(SizeSuffixes))
            return factor;
        return find(OtherSizeSuffixes);
    }
    return std::nullopt;
}

} // namespace

std::optional<qint64> parse(QStringView text, Unit unit)
{
    // 15 digits and 3 decimals fit a qint64 (10^18); the factor's overflow is checked.
    static const QRegularExpression number(
        QStringLiteral("^\\s*([0-9]{1,15})(?:\\.([0-9]{1,3}))?\\s*([A-Za-z]*)\\s*$"));
    const QRegularExpressionMatch match = number.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const std::optional<qint64> factor = factorOf(match.capturedView(3), unit);
    if (!factor)
        return std::nullopt;
    const QStringView fraction = match.capturedView(2);
    qint64 denominator = 1;
    for (qsizetype i = 0; i < fraction.size(); ++i)
        denominator *= 10;
    const qint64 digits = match.capturedView(1).toLongLong() * denominator
        + (fraction.isEmpty() ? 0 : fraction.toLongLong());
    qint64 scaled = 0;
    if (qMulOverflow(digits, *factor, &scaled) || scaled % denominator != 0)
        return std::nullopt;
    return scaled / denominator;
}

QString format(qint64 value, Unit unit)
{
    const auto in = [value](const auto &suffixes) {
        for (const Suffix &s : suffixes) {
            if (value != 0 && value % s.factor == 0)
                return QString::number(value / s.factor) + s.name;
        }
        return QString::number(value) + suffixes.back().name;
    };
    switch (unit) {
    case Unit::Count:
        break;
    case Unit::Milliseconds:
        return in(DurationSuffixes);
    case Unit::Bytes:
        return in(SizeSuffixes);
    }
    return QString::number(value);
}

} // namespace quotecast::quantity
