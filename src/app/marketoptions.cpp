#include <app/marketoptions.h>

#include <app/quantity.h>
#include <feed/symbol.h>

#include <QCommandLineParser>
#include <QRegularExpression>

namespace quotecast {

namespace {

const QString ModelName = QStringLiteral("model");
const QString VolatilityName = QStringLiteral("volatility");
const QString DriftName = QStringLiteral("drift");
const QString ShockName = QStringLiteral("shock");
const QString ReplayName = QStringLiteral("replay");
const QString ReplayLoopName = QStringLiteral("replay-loop");

QString percentText(int ppm)
{
    return QString::number(ppm / 1e4, 'g', 10);
}

} // namespace

QList<QCommandLineOption> MarketOptions::commandLineOptions()
{
    return {
        { ModelName,
          tr("How prices move: uniform (a uniform step within the volatility) or gbm "
             "(geometric Brownian motion). Default: uniform."),
          QStringLiteral("name") },
        { VolatilityName,
          tr("Uniform: the largest move of a tick; gbm: the standard deviation of a tick's "
             "log-return, in percent. Default: %1 (uniform), %2 (gbm).")
              .arg(percentText(PriceModel::DefaultUniformVolatilityPpm),
                   percentText(PriceModel::DefaultGbmVolatilityPpm)),
          QStringLiteral("percent") },
        { DriftName,
          tr("gbm: the mean of a tick's log-return before the -volatility²/2 correction, in "
             "percent. Default: 0."),
          QStringLiteral("percent") },
        { ShockName,
          tr("Move one symbol or all by PERCENT over TICKS ticks, DELAY after the start: "
             "[SYMBOL:]PERCENT/TICKS[@DELAY], e.g. -10/20@30s. May be repeated."),
          QStringLiteral("shock") },
        { ReplayName,
          tr("Play the closes of CSV files (Yahoo Finance, Stooq, quotecast's export) instead "
             "of simulated prices, one a tick; SYMBOL=FILE names a file's symbol. More files may "
             "follow."),
          QStringLiteral("file") },
        { ReplayLoopName, tr("Play the --replay files again and again.") },
    };
}

bool MarketOptions::read(const QCommandLineParser &parser, QString *error)
{
    if (parser.isSet(ModelName)) {
        const auto kind = PriceModel::kindNamed(parser.value(ModelName));
        if (!kind) {
            *error = tr("--model is uniform or gbm, not '%1'").arg(parser.value(ModelName));
            return false;
        }
        priceModel = *kind == PriceModel::Kind::Gbm ? PriceModel::gbm() : PriceModel::uniform();
    }
    const auto readPercent = [&](const QString &name, int min, int max, int *ppm) {
        const auto value = percentToPpm(parser.value(name));
        if (!value || *value < min || *value > max) {
            *error = tr("--%1 takes a percentage from %2 to %3 with at most 4 decimals, not '%4'")
                         .arg(name, percentText(min), percentText(max), parser.value(name));
            return false;
        }
        *ppm = *value;
        return true;
    };
    if (parser.isSet(VolatilityName)
        && !readPercent(VolatilityName, PriceModel::MinVolatilityPpm, PriceModel::MaxVolatilityPpm,
                        &priceModel.volatilityPpm))
        return false;
    if (parser.isSet(DriftName)) {
        if (priceModel.kind != PriceModel::Kind::Gbm) {
            *error = tr("--drift applies to --model gbm only");
            return false;
        }
        if (!readPercent(DriftName, -PriceModel::MaxDriftPpm, PriceModel::MaxDriftPpm,
                         &priceModel.driftPpm))
            return false;
    }
    for (const QString &text : parser.values(ShockName)) {
        const auto shock = parseShock(text);
        if (!shock) {
            *error = tr("--shock takes [SYMBOL:]PERCENT/TICKS[@DELAY], like -10/20 or "
                        "AAPL:+25/10@30s (percent from %1 to %2, 1 to %3 ticks, a delay up to "
                        "24h), not '%4'")
                         .arg(Shock::MinPercent)
                         .arg(Shock::MaxPercent)
                         .arg(Shock::MaxTicks)
                         .arg(text);
            return false;
        }
        shocks.append(*shock);
    }
    if (parser.isSet(ReplayName))
        replayFiles = parser.values(ReplayName) + parser.positionalArguments();
    replayLoop = parser.isSet(ReplayLoopName);
    if (replayLoop && replayFiles.isEmpty()) {
        *error = tr("--replay-loop needs files to play: --replay FILE...");
        return false;
    }
    if (!replayFiles.isEmpty() && !shocks.isEmpty()) {
        *error = tr("--shock moves simulated prices: it cannot go with --replay");
        return false;
    }
    return true;
}

std::optional<int> MarketOptions::percentToPpm(QStringView text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([+-]?)([0-9]{1,4})(?:\\.([0-9]{1,4}))?%?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int ppm
        = match.captured(2).toInt() * 10'000 + match.captured(3).leftJustified(4, u'0').toInt();
    if (ppm > 1000 * 10'000)
        return std::nullopt;
    return match.captured(1) == u"-" ? -ppm : ppm;
}

std::optional<ScheduledShock> MarketOptions::parseShock(QStringView text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:([^:]+):)?([^/]+)/([0-9]{1,5})(?:@(.+))?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    ScheduledShock scheduled;
    if (match.hasCaptured(1)) {
        scheduled.shock.symbol = symbol::normalized(match.capturedView(1));
        if (scheduled.shock.symbol.isEmpty())
            return std::nullopt;
    }
    const auto ppm = percentToPpm(match.capturedView(2));
    if (!ppm)
        return std::nullopt;
    scheduled.shock.percent = *ppm / 1e4;
    scheduled.shock.ticks = match.captured(3).toInt();
    if (match.hasCaptured(4)) {
        const auto delay = quantity::parse(match.capturedView(4), quantity::Unit::Milliseconds);
        if (!delay || *delay > ScheduledShock::MaxDelayMs)
            return std::nullopt;
        scheduled.delayMs = *delay;
    }
    if (!scheduled.shock.isValid())
        return std::nullopt;
    return scheduled;
}

} // namespace quotecast
