#include <app/quantity.h>

#include <QRegularExpression>
#include <QtNumeric>

#include <array>

namespace quotecast::quantity {

namespace {

struct Suffix
{
    QLatin1StringView name;
    qint64 factor = 0;
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
// Read, never written: the short spellings of GNU coreutils (`sort -S 256K`). Decimal kB/MB/GB
// are refused rather than read, since people write them meaning either.
constexpr std::array<Suffix, 3> ShortSizeSuffixes { {
    { QLatin1StringView("G"), qint64(1) << 30 },
    { QLatin1StringView("M"), qint64(1) << 20 },
    { QLatin1StringView("K"), qint64(1) << 10 },
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
    case Unit::Plain:
        return std::nullopt;
    case Unit::Milliseconds:
        return find(DurationSuffixes);
    case Unit::Bytes:
        if (const auto factor = find(SizeSuffixes))
            return factor;
        return find(ShortSizeSuffixes);
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
    const QStringView fraction = match.capturedView(2);
    // A decimal point only with a unit (`1.5s`): a bare `10.000` is more likely a thousands
    // separator than ten.
    if (!factor || (!fraction.isEmpty() && *factor == 1))
        return std::nullopt;
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
    case Unit::Plain:
        break;
    case Unit::Milliseconds:
        return in(DurationSuffixes);
    case Unit::Bytes:
        return in(SizeSuffixes);
    }
    return QString::number(value);
}

} // namespace quotecast::quantity
